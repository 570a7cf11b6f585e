import type { Insertable } from 'kysely';
import type { ImportStatus } from '../../shared/imports.js';
import { countyCodeOf } from '../../shared/region-code.js';
import { csvDocument } from '../adapters/csv.js';
import type { Secrets } from '../adapters/secrets.js';
import { readSpreadsheet } from '../adapters/spreadsheet.js';
import type { PersonTable } from '../db/schema.js';
import { type ImportedHousehold, parseHouseholdRows, type RowProblem } from '../domain/household-rows.js';
import { notFound, validation } from '../errors.js';
import type { NewHouseholdRow } from '../repositories/import.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { idColumns, phoneValues } from './household-columns.js';
import type { RunInTransaction } from './transaction.js';

export interface ImportPreviewRow {
  row: number;
  householdNo: string | null;
  headName: string | null;
  village: string;
  members: number;
}

export interface ImportResult {
  jobId: number;
  status: ImportStatus;
  totalRows: number;
  households: number;
  persons: number;
  problems: RowProblem[];
  notes: RowProblem[];
  preview: ImportPreviewRow[];
}

const MAX_ROWS = 200_000;
/** How many of the households to be written the answer shows, for the user to recognise the file. */
const PREVIEW_ROWS = 20;

/** A village found for a household of the file: where it is written, and its full name as stored. */
interface ResolvedVillage {
  code: string;
  townCode: string;
  label: string;
}

// The preview names the village the household is written into (as stored), not as the file spelt it.
const previewOf = (
  households: readonly ImportedHousehold[],
  resolved: ReadonlyMap<ImportedHousehold, ResolvedVillage>,
): ImportPreviewRow[] =>
  households.slice(0, PREVIEW_ROWS).map((h) => ({
    row: h.rows[0] ?? 0,
    householdNo: h.householdNo,
    headName: h.members.find((m) => m.relation === '户主')?.name ?? null,
    village: resolved.get(h)?.label ?? `${h.names.county}${h.names.town}${h.names.village}`,
    members: h.members.length,
  }));

/**
 * Imports households and members from a spreadsheet. By default a file with any refused row changes
 * nothing; with `skipBadRows` the households whose rows are all good are imported and the rest
 * reported. A household is never imported with some of its members missing.
 */
export function createHouseholdImportService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  secrets: Secrets;
}) {
  const { repos, tx, secrets } = deps;

  async function resolveVillages(
    actor: Actor,
    households: ImportedHousehold[],
    problems: RowProblem[],
    notes: RowProblem[],
  ) {
    const resolved = new Map<ImportedHousehold, ResolvedVillage>();
    const codes = [...new Set(households.map((h) => h.regionCode).filter((c): c is string => c !== null))];
    const byCode = new Map((await repos.regions.findByCodes(codes)).map((r) => [r.code, r]));
    // The towns and counties above the coded villages, for the full name the preview shows.
    const towns = await repos.regions.findByCodes([
      ...new Set([...byCode.values()].map((r) => r.parent_code).filter((c): c is string => c !== null)),
    ]);
    const counties = await repos.regions.findByCodes([
      ...new Set(towns.map((r) => r.parent_code).filter((c): c is string => c !== null)),
    ]);
    const nameOf = new Map([...towns, ...counties].map((r) => [r.code, r.name]));
    const needNames = households.some((h) => h.regionCode === null);
    const byNames = new Map<string, Array<{ code: string; town_code: string }>>();
    if (needNames) {
      for (const v of await repos.imports.villagesByNames(actor.scope)) {
        const key = `${v.county}/${v.town}/${v.village}`;
        byNames.set(key, [...(byNames.get(key) ?? []), { code: v.code, town_code: v.town_code }]);
      }
    }
    for (const household of households) {
      const row = household.rows[0] ?? 0;
      if (household.regionCode !== null) {
        const region = byCode.get(household.regionCode);
        const inScope = region !== undefined && actor.scope.some((p) => region.code.startsWith(p));
        if (!region || !inScope || region.level !== 'village') {
          problems.push({ row, reason: `行政区划代码 ${household.regionCode} 不是本辖区的村` });
          continue;
        }
        const townCode = region.parent_code ?? '';
        const town = nameOf.get(townCode) ?? '';
        const county = nameOf.get(towns.find((t) => t.code === townCode)?.parent_code ?? '') ?? '';
        resolved.set(household, { code: region.code, townCode, label: `${county}${town}${region.name}` });
        // The code decides; a village name in the file that names another village is said, not silently lost.
        const fileVillage = household.names.village;
        if (fileVillage && fileVillage !== region.name) {
          notes.push({
            row,
            reason: `按行政区划代码 ${region.code} 导入到“${town}${region.name}”，文件中的村名“${fileVillage}”与代码不符`,
          });
        }
        continue;
      }
      const { county, town, village } = household.names;
      const matches = byNames.get(`${county}/${town}/${village}`) ?? [];
      if (matches.length !== 1) {
        problems.push({
          row,
          reason:
            matches.length === 0
              ? `本辖区没有“${county}${town}${village}”：请核对县乡村名称或填写行政区划代码`
              : `“${county}${town}${village}”不唯一：请填写行政区划代码`,
        });
        continue;
      }
      const [match] = matches;
      if (match) {
        resolved.set(household, {
          code: match.code,
          townCode: match.town_code,
          label: `${county}${town}${village}`,
        });
      }
    }
    return resolved;
  }

  return {
    async importFile(
      actor: Actor,
      input: { data: Uint8Array; filename: string; skipBadRows: boolean; dryRun?: boolean },
    ): Promise<ImportResult> {
      const rows = await readSpreadsheet(input.data);
      if (rows.length > MAX_ROWS) {
        throw validation(`文件超过 ${MAX_ROWS} 行，请分批导入`);
      }
      const { households, problems, notes } = parseHouseholdRows(rows);
      if (households.length === 0 && problems.length === 0) {
        throw validation('文件中没有数据行：只有表头或是空表，没有可导入的人员', { reason: 'no_rows' });
      }
      const resolved = await resolveVillages(actor, households, problems, notes);

      // Already registered: ID numbers (a person is unique city-wide) and household numbers.
      const hashOf = new Map<string, string>();
      for (const h of households) {
        for (const m of h.members) {
          hashOf.set(m.idNumber, secrets.hash(m.idNumber));
        }
      }
      const taken = await repos.imports.existingIdHashes([...hashOf.values()]);
      const takenNos = await repos.imports.existingHouseholdNos(
        households.map((h) => h.householdNo).filter((n): n is string => n !== null),
      );
      for (const h of households) {
        for (const m of h.members) {
          if (taken.has(hashOf.get(m.idNumber) ?? '')) {
            problems.push({ row: m.row, reason: '该身份证号已在系统中登记，一人只能登记一次' });
          }
        }
        if (h.householdNo && takenNos.has(h.householdNo)) {
          problems.push({ row: h.rows[0] ?? 0, reason: `户编号 ${h.householdNo} 已存在` });
        }
      }

      const badRows = new Set(problems.map((p) => p.row));
      const good = households.filter((h) => resolved.has(h) && !h.rows.some((r) => badRows.has(r)));
      // With skipBadRows, the other rows of a refused household are reported too: nothing half-imported.
      for (const h of households) {
        if (!good.includes(h)) {
          for (const row of h.rows) {
            if (!badRows.has(row)) {
              problems.push({ row, reason: '同户其他行有错误，整户未导入' });
            }
          }
        }
      }
      problems.sort((a, b) => a.row - b.row);
      const dataRows = households.reduce((n, h) => n + h.rows.length, 0);
      const refuse = problems.length > 0 && !input.skipBadRows;
      // A check answers what the import would write with the same choice, and writes none of it.
      const wouldWrite = refuse ? [] : good;
      const toWrite = input.dryRun ? [] : wouldWrite;
      const status: ImportStatus = input.dryRun
        ? 'checked'
        : refuse
          ? 'refused'
          : problems.length > 0
            ? 'partial'
            : 'imported';
      const counted = input.dryRun ? wouldWrite : toWrite;
      const persons = counted.reduce((n, h) => n + h.members.length, 0);

      const jobId = await tx(async (t) => {
        if (toWrite.length > 0) {
          const householdRows: NewHouseholdRow[] = toWrite.map((h) => {
            const village = resolved.get(h);
            const code = village?.code ?? '';
            return {
              county_code: countyCodeOf(code, 'village') ?? '',
              town_code: village?.townCode ?? '',
              region_code: code,
              household_no: h.householdNo,
              household_type: h.householdType,
              address: h.address,
              ...phoneValues(h.phone, secrets),
              housing_grade: h.housingGrade,
              water_quantity_ok: h.waterOk,
              water_quality_ok: h.waterOk,
              water_convenience_ok: h.waterOk,
              water_reliability_ok: h.waterOk,
            };
          });
          const ids = await t.imports.insertHouseholds(householdRows);
          const personRows: Insertable<PersonTable>[] = [];
          toWrite.forEach((h, i) => {
            for (const m of h.members) {
              personRows.push({
                household_id: ids[i] ?? 0,
                county_code: householdRows[i]?.county_code ?? '',
                name: m.name,
                relation: m.relation,
                ...idColumns(m.idNumber, secrets),
                ...phoneValues(m.phone, secrets),
                ethnicity: m.ethnicity,
                education: m.education,
                schooling: m.schooling,
                dropout_reason: m.dropoutReason,
                health: m.health,
                labour_skill: m.labourSkill,
                work_months: m.workMonths,
                work_place: m.workPlace,
                political_status: m.politicalStatus,
                is_dibao: m.isDibao,
                is_tekun: m.isTekun,
                medical_insured: m.medicalInsured,
                serious_illness_insured: m.seriousIllnessInsured,
                pension_insured: m.pensionInsured,
                disability_category: m.disabilityCategory,
              });
            }
          });
          await t.households.insertPersonsBulk(personRows);
          await t.imports.refreshSummaries(ids);
          await t.imports.insertAuditBatch(
            ids.map((id, i) => ({
              actorId: actor.userId,
              actorName: actor.username,
              ip: actor.ip,
              requestId: actor.requestId,
              entityId: String(id),
              regionCode: householdRows[i]?.region_code ?? '',
              newValues: {
                file: input.filename,
                rows: toWrite[i]?.rows,
                members: toWrite[i]?.members.length,
              },
            })),
          );
        }
        return t.imports.insertJob({
          kind: 'household',
          filename: input.filename,
          actorId: actor.userId,
          actorName: actor.username,
          regionCode: actor.regionCode || null,
          status,
          totalRows: dataRows,
          households: counted.length,
          persons,
          problems,
          notes,
        });
      });
      return {
        jobId,
        status,
        totalRows: dataRows,
        households: counted.length,
        persons,
        problems,
        notes,
        preview: previewOf(counted, resolved),
      };
    },

    /** The household imports and checks the actor may see: its own, and those of regions in its scope. */
    async history(
      actor: Actor,
      search: { page: number; pageSize: number; status?: ImportStatus | undefined },
    ) {
      const { rows, total } = await repos.imports.listJobs({
        kind: 'household',
        actorId: actor.userId,
        scope: actor.scope,
        status: search.status,
        offset: (search.page - 1) * search.pageSize,
        limit: search.pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          filename: r.filename,
          actorName: r.actor_name,
          regionCode: r.region_code,
          status: r.status,
          totalRows: r.total_rows,
          households: r.households,
          persons: r.persons,
          problemCount: r.problem_count,
          noteCount: r.note_count,
          createdAt: new Date(r.created_at).toISOString(),
        })),
        total,
      };
    },

    /** The refused rows of an import as CSV (UTF-8 with BOM, so Excel opens it in Chinese). */
    async problemReport(actor: Actor, jobId: number): Promise<{ filename: string; csv: string }> {
      const job = await repos.imports.findJob(jobId);
      if (
        !job ||
        (job.actor_id !== actor.userId && !actor.scope.some((p) => (job.region_code ?? '').startsWith(p)))
      ) {
        throw notFound('导入记录');
      }
      const problems = job.problems as RowProblem[];
      // The notes (a 15-digit ID converted, columns not read) refused nothing but belong in the same report.
      const notes = (job.notes as RowProblem[]).map((n) => ({ row: n.row, reason: `说明：${n.reason}` }));
      const all = [...problems, ...notes].sort((a, b) => a.row - b.row);
      return {
        filename: `import-${job.id}-problems.csv`,
        csv: csvDocument(
          ['行号', '原因'],
          all.map((p) => [p.row, p.reason]),
        ),
      };
    },
  };
}

export type HouseholdImportService = ReturnType<typeof createHouseholdImportService>;
