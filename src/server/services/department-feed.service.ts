import { createHash } from 'node:crypto';
import { monthOf } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { FEED_LAYOUTS, type FeedType } from '../../shared/feed-types.js';
import { csvDocument } from '../adapters/csv.js';
import type { Secrets } from '../adapters/secrets.js';
import { readSpreadsheet } from '../adapters/spreadsheet.js';
import {
  type FeedColumnKey,
  type FeedColumnMapping,
  type FeedHeaderProblem,
  feedColumns,
  parseFeedRows,
} from '../domain/feed-rows.js';
import type { RowProblem } from '../domain/household-rows.js';
import type { SheetRow } from '../domain/sheet-row.js';
import { AppError, conflict, forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

export interface FeedSubmission {
  feedType: FeedType;
  period?: string | undefined;
  filename?: string | undefined;
  skipBadRows: boolean;
  idempotencyKey?: string | undefined;
  /** The uploaded file, or the rows an API push sent (objects keyed by the layout's headers). */
  file?: Uint8Array;
  rows?: ReadonlyArray<Record<string, string | number | null>>;
}

export interface FeedResult {
  feedId: number;
  status: 'imported' | 'partial' | 'refused';
  /** True when the same content or idempotency key was already accepted: nothing was changed. */
  duplicate: boolean;
  totalRows: number;
  acceptedRows: number;
  matchedRows: number;
  unmatchedRows: number;
  alertsCreated: number;
  problems: RowProblem[];
  notes: RowProblem[];
  headerProblem: FeedHeaderProblem | null;
}

const MAX_ROWS = 1_000_000;
const today = () => clock().today();
const currentPeriod = () => monthOf(today());

/** An API push as spreadsheet rows: the union of keys as the header, one row per object. */
function rowsOfObjects(objects: ReadonlyArray<Record<string, string | number | null>>): SheetRow[] {
  const headers = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return [
    { row: 1, cells: headers },
    ...objects.map((o, i) => ({ row: i + 2, cells: headers.map((h) => o[h] ?? '') })),
  ];
}

/**
 * Department feeds (部门数据共享): a department sends its monthly list as a file or an API push; it is
 * checked like the household import (nothing changes when a row is refused, unless bad rows are
 * skipped), matched to persons by ID hash and turned into alerts by the enabled rules, all in SQL.
 * The same content or idempotency key is taken once.
 */
const keyReused = (key: string) =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    `幂等键“${key}”已用于另一份不同内容的报送：同一个键只能重发完全相同的内容，新内容请换一个键`,
    { idempotencyKey: key },
  );

export function createDepartmentFeedService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  secrets: Secrets;
}) {
  const { repos, tx, secrets } = deps;

  function requireDepartment(actor: Actor, feedType: FeedType): string {
    const department = actor.role === 'department' ? actor.department : null;
    if (!department || FEED_LAYOUTS[feedType].department !== department) {
      throw forbidden(`“${FEED_LAYOUTS[feedType].label.zh}”由${FEED_LAYOUTS[feedType].department}部门报送`);
    }
    return department;
  }

  /** A feed the actor may see: their own department's, or (bureau) one sent within their region. */
  async function findVisible(actor: Actor, id: number) {
    const feed = await repos.departmentFeeds.findFeed(id);
    const visible =
      feed &&
      actor.scope.some((p) => feed.region_code.startsWith(p)) &&
      (actor.role !== 'department' || feed.department === actor.department);
    if (!feed || !visible) {
      throw notFound('数据批次');
    }
    return feed;
  }

  const resultOf = (
    feed: NonNullable<Awaited<ReturnType<Repositories['departmentFeeds']['findFeed']>>>,
    duplicate: boolean,
  ): FeedResult => ({
    feedId: Number(feed.id),
    status: feed.status,
    duplicate,
    totalRows: feed.total_rows,
    acceptedRows: feed.accepted_rows,
    matchedRows: feed.matched_rows,
    unmatchedRows: feed.unmatched_rows,
    alertsCreated: feed.alerts_created,
    problems: feed.problems as RowProblem[],
    notes: feed.notes as RowProblem[],
    headerProblem: null,
  });

  type FeedRecord = NonNullable<Awaited<ReturnType<Repositories['departmentFeeds']['findFeed']>>>;
  const feedView = (f: FeedRecord) => ({
    id: Number(f.id),
    department: f.department,
    feedType: f.feed_type,
    period: f.period,
    source: f.source,
    filename: f.filename,
    sha256: f.sha256,
    status: f.status,
    totalRows: f.total_rows,
    acceptedRows: f.accepted_rows,
    refusedRows: f.refused_rows,
    matchedRows: f.matched_rows,
    unmatchedRows: f.unmatched_rows,
    alertsCreated: f.alerts_created,
    createdByName: f.created_by_name,
    createdAt: new Date(f.created_at).toISOString(),
  });

  return {
    async submit(actor: Actor, input: FeedSubmission): Promise<FeedResult> {
      const department = requireDepartment(actor, input.feedType);
      const period = input.period ?? currentPeriod();
      const content = input.file ?? Buffer.from(JSON.stringify(input.rows ?? []), 'utf8');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const idempotencyKey = input.idempotencyKey ?? null;
      if (idempotencyKey) {
        // A key names one request: sent again with other content it is a client bug, and answering
        // "duplicate" would silently drop the new rows.
        const keyed = await repos.departmentFeeds.findByIdempotencyKey(department, idempotencyKey);
        if (keyed && (keyed.sha256 !== sha256 || keyed.feed_type !== input.feedType)) {
          throw keyReused(idempotencyKey);
        }
      }
      const earlier = await repos.departmentFeeds.findAccepted(
        department,
        input.feedType,
        sha256,
        idempotencyKey,
      );
      if (earlier) {
        return resultOf(earlier, true);
      }

      const sheet = input.file ? await readSpreadsheet(input.file) : rowsOfObjects(input.rows ?? []);
      if (sheet.length > MAX_ROWS + 10) {
        throw validation(`超过 ${MAX_ROWS} 行，请分批报送`);
      }
      const saved = await repos.departmentFeeds.findColumnMap(actor.regionCode, department, input.feedType);
      const parsed = parseFeedRows(input.feedType, sheet, {
        mapping: (saved?.mapping ?? {}) as FeedColumnMapping,
      });
      if (parsed.rows.length === 0 && parsed.problems.length === 0 && !parsed.headerProblem) {
        throw validation('没有数据行：文件只有表头或是空表', { reason: 'no_rows' });
      }
      const totalRows = parsed.rows.length + parsed.problems.filter((p) => p.row > 1).length;
      const refuse = parsed.problems.length > 0 && (!input.skipBadRows || parsed.rows.length === 0);
      const status: FeedResult['status'] = refuse
        ? 'refused'
        : parsed.problems.length > 0
          ? 'partial'
          : 'imported';
      const scopeCode = actor.scope[0] ?? '';

      const write = () =>
        tx(async (t): Promise<FeedResult> => {
          const feedId = await t.departmentFeeds.insertFeed({
            department,
            feedType: input.feedType,
            period,
            regionCode: actor.regionCode,
            scopeCode,
            source: input.file ? 'upload' : 'api',
            filename: input.filename ?? null,
            sha256,
            idempotencyKey,
            status,
            totalRows,
            acceptedRows: refuse ? 0 : parsed.rows.length,
            refusedRows: parsed.problems.length,
            problems: parsed.problems,
            notes: parsed.notes,
            createdBy: actor.userId,
            createdByName: actor.username,
          });
          let counts = { matched: 0, unmatched: 0, alerts: 0 };
          if (!refuse) {
            const matched = await t.departmentFeeds.stageAndMatch(
              feedId,
              scopeCode,
              parsed.rows.map((r) => ({
                rowNo: r.row,
                countyCode: `${r.idNumber.slice(0, 6)}000000`,
                name: r.name,
                idHash: secrets.hash(r.idNumber),
                idMasked: r.idMasked,
                amount: r.amount,
                grade: r.grade,
                category: r.category,
                changeType: r.changeType,
                eventOn: r.eventOn,
                detail: r.detail,
              })),
            );
            const alerts = await t.departmentFeeds.raiseAlerts(feedId, clock().today());
            counts = { ...matched, alerts };
            await t.departmentFeeds.setCounts(feedId, counts);
          }
          await recordAudit(t, actor, {
            action: 'feed.submit',
            entityType: 'dept_feed',
            entityId: feedId,
            regionCode: actor.regionCode,
            new: {
              department,
              feedType: input.feedType,
              period,
              filename: input.filename ?? null,
              sha256,
              idempotencyKey,
              status,
              totalRows,
              refusedRows: parsed.problems.length,
              ...counts,
            },
          });
          return {
            feedId,
            status,
            duplicate: false,
            totalRows,
            acceptedRows: refuse ? 0 : parsed.rows.length,
            matchedRows: counts.matched,
            unmatchedRows: counts.unmatched,
            alertsCreated: counts.alerts,
            problems: parsed.problems,
            notes: parsed.notes,
            headerProblem: parsed.headerProblem,
          };
        });
      try {
        return await write();
      } catch (error) {
        // The same file sent twice at once: the second insert meets the unique index; answer like a re-send.
        const again =
          error instanceof AppError && error.code === 'CONFLICT'
            ? await repos.departmentFeeds.findAccepted(department, input.feedType, sha256, idempotencyKey)
            : undefined;
        if (again && idempotencyKey && again.idempotency_key === idempotencyKey && again.sha256 !== sha256) {
          throw keyReused(idempotencyKey);
        }
        if (again) {
          return resultOf(again, true);
        }
        throw error;
      }
    },

    /** The department's saved header mapping for a feed type, with the columns it can map. */
    async columnMap(actor: Actor, feedType: FeedType) {
      const department = requireDepartment(actor, feedType);
      const saved = await repos.departmentFeeds.findColumnMap(actor.regionCode, department, feedType);
      return {
        feedType,
        columns: feedColumns(feedType),
        mapping: (saved?.mapping ?? {}) as Record<string, string>,
        version: saved?.version ?? 0,
      };
    },

    /**
     * Saves the department's own headers for a feed type (mapped once in the web app when a file's header
     * did not match); every later file of that type is read with them. Audited; 409 on a stale version.
     */
    async saveColumnMap(
      actor: Actor,
      feedType: FeedType,
      input: { mapping: Partial<Record<FeedColumnKey, string>>; version: number },
    ) {
      const department = requireDepartment(actor, feedType);
      const known = new Set(feedColumns(feedType).map((c) => c.key));
      const unknown = Object.keys(input.mapping).filter((k) => !known.has(k as FeedColumnKey));
      if (unknown.length > 0) {
        throw validation(`“${FEED_LAYOUTS[feedType].label.zh}”没有这些列：${unknown.join('、')}`, {
          field: 'mapping',
        });
      }
      const headers = Object.values(input.mapping);
      if (new Set(headers).size !== headers.length) {
        throw validation('同一个表头不能对应两列', { field: 'mapping' });
      }
      const key = { regionCode: actor.regionCode, department, feedType };
      await tx(async (t) => {
        const before = await t.departmentFeeds.findColumnMap(key.regionCode, department, feedType);
        const version = await t.departmentFeeds.saveColumnMap(
          key,
          input.mapping,
          input.version,
          actor.username,
        );
        if (version === null) {
          throw conflict('列对应已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'feed.map_columns',
          entityType: 'dept_feed_column_map',
          entityId: `${department}/${feedType}`,
          regionCode: actor.regionCode,
          old: before ? { mapping: before.mapping } : null,
          new: { mapping: input.mapping },
        });
      });
      return this.columnMap(actor, feedType);
    },

    async list(actor: Actor, page: { page: number; pageSize: number }) {
      const { rows, total } = await repos.departmentFeeds.listFeeds({
        department: actor.role === 'department' ? (actor.department ?? '-') : null,
        scope: actor.scope,
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      });
      return { items: rows.map(feedView), total };
    },

    async get(actor: Actor, id: number) {
      return feedView(await findVisible(actor, id));
    },

    /** The outcome of every row the feed sent (反馈). */
    async feedback(actor: Actor, id: number, page: { page: number; pageSize: number }) {
      await findVisible(actor, id);
      const { rows, total } = await repos.departmentFeeds.feedback(id, {
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      });
      return {
        items: rows.map((r) => ({
          rowNo: r.row_no,
          name: r.name,
          idMasked: r.id_masked,
          matchStatus: r.match_status as 'pending' | 'matched' | 'unmatched' | 'out_of_scope',
          alertId: r.alert_id === null ? null : Number(r.alert_id),
          ruleCode: r.rule_code,
          alertStatus: r.alert_status,
          dueOn: r.due_on,
          closedReason: r.closed_reason,
          closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
        })),
        total,
      };
    },

    /** The refused rows of a feed as CSV (UTF-8 with BOM, so Excel opens it in Chinese). */
    async problemReport(actor: Actor, id: number): Promise<{ filename: string; csv: string }> {
      const feed = await findVisible(actor, id);
      const problems = feed.problems as RowProblem[];
      return {
        filename: `feed-${feed.id}-problems.csv`,
        csv: csvDocument(
          ['行号', '原因'],
          problems.map((p) => [p.row, p.reason]),
        ),
      };
    },
  };
}

export type DepartmentFeedService = ReturnType<typeof createDepartmentFeedService>;
