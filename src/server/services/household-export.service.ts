import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { clock } from '../../shared/clock.js';
import { HOUSEHOLD_TYPE_LABELS } from '../../shared/household-codes.js';
import { hasPermission } from '../../shared/permissions.js';
import { CSV_CONTENT_TYPE, csvStream, neutraliseFormula } from '../adapters/csv.js';
import type { Secrets } from '../adapters/secrets.js';
import { LAYOUT } from '../domain/household-layout.js';
import { forbidden } from '../errors.js';
import type { HouseholdFilter } from '../repositories/household.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { type HouseholdFilterInput, resolveHouseholdFilter } from './household-filter.js';

export interface ExportInput extends HouseholdFilterInput {
  format: 'xlsx' | 'csv';
  /** Full ID numbers and phones: only for roles that may see them, and audited. */
  unmasked?: boolean | undefined;
}

const PAGE = 2000;
const yes = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

/**
 * Exports households and members in the import layout (so an export can be edited and re-imported),
 * streamed page by page so a county's 350,000 rows never sit in memory at once.
 */
export function createHouseholdExportService(deps: { repos: Repositories; secrets: Secrets }) {
  const { repos, secrets } = deps;

  async function* rows(actor: Actor, input: ExportInput, filter: HouseholdFilter) {
    let afterId = 0;
    for (;;) {
      const page = await repos.imports.exportPage({ ...filter, scope: actor.scope }, afterId, PAGE);
      if (page.length === 0) {
        return;
      }
      for (const p of page) {
        const values: Record<(typeof LAYOUT)[number]['key'], string | number> = {
          county: p.county_name ?? '',
          town: p.town_name ?? '',
          village: p.village_name,
          regionCode: p.region_code,
          householdNo: p.household_no ?? '',
          householdType: HOUSEHOLD_TYPE_LABELS[p.household_type]?.zh ?? p.household_type,
          name: p.name,
          sex: p.sex === 'male' ? '男' : '女',
          birthDate: p.birth_date,
          idNumber: input.unmasked ? secrets.decrypt(p.id_enc) : p.id_masked,
          relation: p.relation,
          ethnicity: p.ethnicity ?? '',
          householdPhone:
            p.relation === '户主'
              ? ((input.unmasked && p.h_phone_enc ? secrets.decrypt(p.h_phone_enc) : p.h_phone_masked) ?? '')
              : '',
          phone: (input.unmasked && p.phone_enc ? secrets.decrypt(p.phone_enc) : p.phone_masked) ?? '',
          education: p.education ?? '',
          schooling: p.schooling ?? '',
          dropoutReason: p.dropout_reason ?? '',
          health: p.health ?? '',
          labourSkill: p.labour_skill ?? '',
          workMonths: p.work_months ?? '',
          workPlace: p.work_place ?? '',
          politicalStatus: p.political_status ?? '',
          isDibao: yes(p.is_dibao),
          isTekun: yes(p.is_tekun),
          medicalInsured: yes(p.medical_insured),
          seriousIllnessInsured: yes(p.serious_illness_insured),
          pensionInsured: yes(p.pension_insured),
          disabilityCategory: p.disability_category ?? '',
          address: p.relation === '户主' ? (p.address ?? '') : '',
          housingGrade:
            p.relation === '户主' ? (p.housing_grade === 'none' ? '无房' : (p.housing_grade ?? '')) : '',
          waterOk:
            p.relation === '户主'
              ? yes(
                  [
                    p.water_quantity_ok,
                    p.water_quality_ok,
                    p.water_convenience_ok,
                    p.water_reliability_ok,
                  ].some((w) => w === false)
                    ? false
                    : [
                          p.water_quantity_ok,
                          p.water_quality_ok,
                          p.water_convenience_ok,
                          p.water_reliability_ok,
                        ].every((w) => w === true)
                      ? true
                      : null,
                )
              : '',
        };
        yield LAYOUT.map((c) => {
          const v = values[c.key];
          return typeof v === 'string' ? neutraliseFormula(v) : v;
        });
      }
      afterId = page[page.length - 1]?.h_id ?? afterId;
    }
  }

  return {
    async export(
      actor: Actor,
      input: ExportInput,
    ): Promise<{ filename: string; contentType: string; stream: Readable }> {
      if (input.unmasked && !hasPermission(actor.role, 'household.reveal')) {
        throw forbidden('无权导出完整证件号');
      }
      const filter = await resolveHouseholdFilter(repos, secrets, actor, input);
      const regionCode = filter.regionCode ?? actor.regionCode;
      await recordAudit(repos, actor, {
        action: 'household.export',
        entityType: 'household',
        regionCode: regionCode || null,
        new: {
          format: input.format,
          regionCode: input.regionCode ?? null,
          type: input.type ?? null,
          // The search that was exported; an ID number is recorded as "given", never as its text.
          headName: input.headName ?? null,
          byIdNumber: Boolean(input.idNumber),
          flag: input.flag ?? null,
          unmasked: Boolean(input.unmasked),
        },
      });
      const stamp = clock().today();
      const source = rows(actor, input, filter);
      if (input.format === 'csv') {
        return {
          filename: `农户档案-${stamp}.csv`,
          contentType: CSV_CONTENT_TYPE,
          stream: csvStream(
            LAYOUT.map((c) => c.header),
            source,
          ),
        };
      }
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('家庭成员');
      sheet.columns = LAYOUT.map((c) => ({
        header: c.header,
        key: c.key,
        width: c.key === 'idNumber' ? 22 : 14,
      }));
      // Text format on every column: Excel must not turn ID numbers into numbers when the file is edited.
      for (let i = 1; i <= LAYOUT.length; i++) {
        sheet.getColumn(i).numFmt = '@';
      }
      void (async () => {
        try {
          for await (const row of source) {
            sheet.addRow(row).commit();
          }
          sheet.commit();
          await workbook.commit();
        } catch (error) {
          out.destroy(error as Error);
        }
      })();
      return {
        filename: `农户档案-${stamp}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        stream: out,
      };
    },
  };
}

export type HouseholdExportService = ReturnType<typeof createHouseholdExportService>;
