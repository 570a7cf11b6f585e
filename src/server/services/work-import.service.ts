import { createHash } from 'node:crypto';
import type { Secrets } from '../adapters/secrets.js';
import { readSpreadsheet } from '../adapters/spreadsheet.js';
import type { RowProblem } from '../domain/household-rows.js';
import { parseWorkRows } from '../domain/work-rows.js';
import { forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

const MAX_ROWS = 500_000;

export interface WorkImportResult {
  importId: number;
  status: 'imported' | 'partial' | 'refused';
  /** The same file was already taken: nothing changed. */
  duplicate: boolean;
  totalRows: number;
  acceptedRows: number;
  matchedRows: number;
  unmatchedRows: number;
  problems: RowProblem[];
}

type ImportRecord = NonNullable<Awaited<ReturnType<Repositories['employment']['findImport']>>>;

const resultOf = (i: ImportRecord, duplicate: boolean): WorkImportResult => ({
  importId: Number(i.id),
  status: i.status,
  duplicate,
  totalRows: i.total_rows,
  acceptedRows: i.accepted_rows,
  matchedRows: i.matched_rows,
  unmatchedRows: i.unmatched_rows,
  problems: i.problems as RowProblem[],
});

/**
 * The 人社 work file (务工监测信息, xlsx or CSV in UTF-8 or GBK): checked like the household import (every refused
 * row reported, nothing taken unless bad rows are skipped), then staged and written set-based as work records
 * matched by ID hash within the uploader's scope. A 人社 department user sees the outcome of each row (matched or
 * not), never the registry.
 */
export function createWorkImportService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  secrets: Secrets;
  province: string;
  refreshFigures: () => Promise<void>;
}) {
  const { repos, tx, secrets, province, refreshFigures } = deps;

  function requireImporter(actor: Actor) {
    if (actor.role === 'department' && actor.department !== '人社') {
      throw forbidden('务工信息由人社部门报送');
    }
  }

  /** Another department's user has no work files: theirs are answered like missing ones. */
  const isOtherDepartment = (actor: Actor) => actor.role === 'department' && actor.department !== '人社';

  async function findVisible(actor: Actor, id: number) {
    const found = await repos.employment.findImport(id);
    if (!found || isOtherDepartment(actor) || !actor.scope.some((p) => found.region_code.startsWith(p))) {
      throw notFound('导入批次');
    }
    return found;
  }

  const view = (i: ImportRecord) => ({
    id: Number(i.id),
    filename: i.filename,
    status: i.status,
    totalRows: i.total_rows,
    acceptedRows: i.accepted_rows,
    refusedRows: i.refused_rows,
    matchedRows: i.matched_rows,
    unmatchedRows: i.unmatched_rows,
    createdByName: i.created_by_name,
    createdAt: new Date(i.created_at).toISOString(),
  });

  return {
    async submit(
      actor: Actor,
      input: { file: Uint8Array; filename?: string | undefined; skipBadRows: boolean },
    ): Promise<WorkImportResult> {
      requireImporter(actor);
      const scopeCode = actor.scope[0] ?? '';
      const sha256 = createHash('sha256').update(input.file).digest('hex');
      const earlier = await repos.employment.findAcceptedImport(scopeCode, sha256);
      if (earlier) {
        return resultOf(earlier, true);
      }
      const sheet = await readSpreadsheet(input.file).catch(() => {
        throw validation('无法读取文件：请上传 .xlsx 或 .csv 文件');
      });
      if (sheet.length > MAX_ROWS + 10) {
        throw validation(`超过 ${MAX_ROWS} 行，请分批导入`);
      }
      const parsed = parseWorkRows(sheet);
      const totalRows = parsed.rows.length + parsed.problems.filter((p) => p.row > 1).length;
      const refuse = parsed.problems.length > 0 && (!input.skipBadRows || parsed.rows.length === 0);
      const status: WorkImportResult['status'] = refuse
        ? 'refused'
        : parsed.problems.length > 0
          ? 'partial'
          : 'imported';
      const result = await tx(async (t): Promise<WorkImportResult> => {
        const importId = await t.employment.insertImport({
          regionCode: actor.regionCode,
          scopeCode,
          filename: input.filename ?? null,
          sha256,
          status,
          totalRows,
          acceptedRows: refuse ? 0 : parsed.rows.length,
          refusedRows: parsed.problems.length,
          problems: parsed.problems,
          createdBy: actor.userId,
          createdByName: actor.username,
        });
        let counts = { matched: 0, unmatched: 0 };
        if (!refuse) {
          counts = await t.employment.stageAndWrite(
            importId,
            scopeCode,
            parsed.rows.map((r) => ({
              ...r,
              rowNo: r.row,
              countyCode: `${r.idNumber.slice(0, 6)}000000`,
              idHash: secrets.hash(r.idNumber),
            })),
            province,
          );
          await t.employment.setImportCounts(importId, counts.matched, counts.unmatched);
          await t.employment.syncSourceMeasures({ importId });
        }
        await recordAudit(t, actor, {
          action: 'work_import.submit',
          entityType: 'work_import',
          entityId: importId,
          regionCode: actor.regionCode,
          new: {
            filename: input.filename ?? null,
            sha256,
            status,
            totalRows,
            refusedRows: parsed.problems.length,
            ...counts,
          },
        });
        return {
          importId,
          status,
          duplicate: false,
          totalRows,
          acceptedRows: refuse ? 0 : parsed.rows.length,
          matchedRows: counts.matched,
          unmatchedRows: counts.unmatched,
          problems: parsed.problems,
        };
      });
      if (result.matchedRows > 0) {
        refreshFigures().catch(() => undefined);
      }
      return result;
    },

    async list(actor: Actor, page: { page: number; pageSize: number }) {
      if (isOtherDepartment(actor)) {
        return { items: [] };
      }
      const rows = await repos.employment.listImports(
        actor.scope,
        page.pageSize,
        (page.page - 1) * page.pageSize,
      );
      return { items: rows.map(view) };
    },

    async get(actor: Actor, id: number) {
      const found = await findVisible(actor, id);
      return { ...view(found), problems: found.problems as RowProblem[] };
    },

    /** The outcome of every accepted row (反馈): matched to a member of the registry, or not. */
    async feedback(actor: Actor, id: number, page: { page: number; pageSize: number }) {
      await findVisible(actor, id);
      const { rows, total } = await repos.employment.importFeedback(
        id,
        page.pageSize,
        (page.page - 1) * page.pageSize,
      );
      return {
        items: rows.map((r) => ({
          rowNo: r.row_no,
          name: r.name,
          idMasked: r.id_masked,
          matchStatus: r.match_status,
        })),
        total,
      };
    },
  };
}

export type WorkImportService = ReturnType<typeof createWorkImportService>;
