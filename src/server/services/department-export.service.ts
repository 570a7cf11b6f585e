import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { clock } from '../../shared/clock.js';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../shared/household-codes.js';
import type { FeedDepartment } from '../../shared/roles.js';
import { neutraliseFormula } from '../adapters/csv.js';
import type { Secrets } from '../adapters/secrets.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

type ExportRow = Awaited<ReturnType<Repositories['imports']['exportPage']>>[number];
interface Column {
  header: string;
  value: (p: ExportRow, decrypt: (s: string) => string) => string | number;
}

const yes = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
const COMMON: Column[] = [
  { header: '县', value: (p) => p.county_name ?? '' },
  { header: '乡', value: (p) => p.town_name ?? '' },
  { header: '村', value: (p) => p.village_name },
  { header: '户类型', value: (p) => HOUSEHOLD_TYPE_LABELS[p.household_type]?.zh ?? '' },
  { header: '姓名', value: (p) => p.name },
  // Departments match by the full number: it is decrypted, and the export is audited.
  { header: '身份证号', value: (p, decrypt) => decrypt(p.id_enc) },
];

/** Only the fields each department needs to match the lists against its own data. */
export const DEPARTMENT_COLUMNS: Record<FeedDepartment, Column[]> = {
  民政: [
    { header: '是否享受低保', value: (p) => yes(p.is_dibao) },
    { header: '是否特困供养人员', value: (p) => yes(p.is_tekun) },
  ],
  医保: [
    { header: '是否参加城乡居民基本医疗保险', value: (p) => yes(p.medical_insured) },
    { header: '是否参加大病保险', value: (p) => yes(p.serious_illness_insured) },
  ],
  教育: [
    { header: '出生日期', value: (p) => p.birth_date },
    { header: '在校生状况', value: (p) => p.schooling ?? '' },
  ],
  住建: [
    { header: '与户主关系', value: (p) => p.relation },
    { header: '住房安全等级', value: (p) => (p.relation === '户主' ? (p.housing_grade ?? '') : '') },
  ],
  水利: [{ header: '与户主关系', value: (p) => p.relation }],
  残联: [{ header: '残疾类别', value: (p) => p.disability_category ?? '' }],
  应急: [{ header: '与户主关系', value: (p) => p.relation }],
  人社: [
    { header: '劳动技能', value: (p) => p.labour_skill ?? '' },
    { header: '务工所在地', value: (p) => p.work_place ?? '' },
  ],
  公安: [
    { header: '与户主关系', value: (p) => p.relation },
    { header: '出生日期', value: (p) => p.birth_date },
  ],
};

const PAGE = 2000;
const LIST_TYPES: HouseholdType[] = ['exited_poverty', 'monitored'];

/**
 * The bureau's lists for a department (脱贫/监测名单推送): one sheet per list, the department's columns
 * only, streamed; every export is recorded in the audit trail.
 */
export function createDepartmentExportService(deps: { repos: Repositories; secrets: Secrets }) {
  const { repos, secrets } = deps;
  return {
    async export(actor: Actor, department: FeedDepartment): Promise<{ filename: string; stream: Readable }> {
      const columns = [...COMMON, ...DEPARTMENT_COLUMNS[department]];
      await recordAudit(repos, actor, {
        action: 'department.export',
        entityType: 'household',
        regionCode: actor.regionCode || null,
        new: { department, lists: LIST_TYPES, columns: columns.map((c) => c.header) },
      });
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
        useStyles: true,
      });
      const decrypt = (s: string) => secrets.decrypt(s);
      void (async () => {
        try {
          for (const type of LIST_TYPES) {
            const sheet = workbook.addWorksheet(type === 'monitored' ? '监测对象' : '脱贫人口');
            sheet.columns = columns.map((c) => ({
              header: c.header,
              width: c.header === '身份证号' ? 22 : 14,
            }));
            for (let i = 1; i <= columns.length; i++) {
              sheet.getColumn(i).numFmt = '@';
            }
            let afterId = 0;
            for (;;) {
              const page = await repos.imports.exportPage({ scope: actor.scope, type }, afterId, PAGE);
              if (page.length === 0) {
                break;
              }
              for (const p of page) {
                sheet
                  .addRow(
                    columns.map((c) => {
                      const v = c.value(p, decrypt);
                      return typeof v === 'string' ? neutraliseFormula(v) : v;
                    }),
                  )
                  .commit();
              }
              afterId = page[page.length - 1]?.h_id ?? afterId;
            }
            sheet.commit();
          }
          await workbook.commit();
        } catch (error) {
          out.destroy(error as Error);
        }
      })();
      const stamp = clock().today();
      return { filename: `${department}-脱贫监测名单-${stamp}.xlsx`, stream: out };
    },
  };
}

export type DepartmentExportService = ReturnType<typeof createDepartmentExportService>;
