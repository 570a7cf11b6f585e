import { createHash } from 'node:crypto';
import { FEED_LAYOUTS, type FeedType } from '../../shared/feed-types.js';
import { parseFeedRows } from '../domain/feed-rows.js';
import type { RowProblem } from '../domain/household-rows.js';
import { readSpreadsheet, type SheetRow } from '../domain/spreadsheet.js';
import { forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { Secrets } from './secrets.js';
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
}

const MAX_ROWS = 1_000_000;
const UNIQUE_VIOLATION = '23505';
const currentPeriod = () => new Date().toISOString().slice(0, 7);
const today = () => new Date().toISOString().slice(0, 10);

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
  });

  type FeedRecord = NonNullable<Awaited<ReturnType<Repositories['departmentFeeds']['findFeed']>>>;
  const feedView = (f: FeedRecord) => ({
    id: Number(f.id),
    department: f.department,
    feedType: f.feed_type as FeedType,
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
      const parsed = parseFeedRows(input.feedType, sheet);
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
            const alerts = await t.departmentFeeds.raiseAlerts(feedId, today());
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
          };
        });
      try {
        return await write();
      } catch (error) {
        // The same file sent twice at once: the second insert meets the unique index; answer like a re-send.
        const again =
          (error as { code?: string }).code === UNIQUE_VIOLATION
            ? await repos.departmentFeeds.findAccepted(department, input.feedType, sha256, idempotencyKey)
            : undefined;
        if (again) {
          return resultOf(again, true);
        }
        throw error;
      }
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
      const lines = ['行号,原因', ...problems.map((p) => `${p.row},"${p.reason.replaceAll('"', '""')}"`)];
      return { filename: `feed-${feed.id}-problems.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
    },
  };
}

export type DepartmentFeedService = ReturnType<typeof createDepartmentFeedService>;
