import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';

const CHUNK = 10_000;

export interface SummaryDelta {
  countyCode: string;
  sourceCode: string;
  fundYear: number;
  month: string;
  received?: string;
  allocated?: string;
  allocatedIndustry?: string;
  paid?: string;
}

export interface StagedPayment {
  rowNo: number;
  projectId: number;
  docNumber: string;
  paidOn: string;
  amount: string;
  voucher: string | null;
}

/** `column LIKE 'prefix%' OR …` in a statement written as SQL: the twin of `inScope` for the query builder. */
function likeScope(column: string, scope: readonly string[]) {
  if (scope.includes('')) {
    return sql<boolean>`true`;
  }
  if (scope.length === 0) {
    return sql<boolean>`false`;
  }
  return sql.join(
    scope.map((prefix) => sql`${sql.ref(column)} like ${`${escapeLike(prefix)}%`}`),
    sql` or `,
  );
}

/**
 * Connection funds: allocations (资金下达), their lines to projects, payments, and the monthly summary
 * every write adds to in its own transaction (the bulletin reads the summary, not the payments).
 */
export function createFundRepository(db: Kysely<DB>) {
  return {
    async addToSummary(delta: SummaryDelta) {
      await sql`insert into fund_month_summary as s (county_code, source_code, fund_year, month, received, allocated,
          allocated_industry, paid)
        values (${delta.countyCode}, ${delta.sourceCode}, ${delta.fundYear}, ${delta.month}, ${delta.received ?? '0'},
          ${delta.allocated ?? '0'}, ${delta.allocatedIndustry ?? '0'}, ${delta.paid ?? '0'})
        on conflict (county_code, source_code, fund_year, month) do update set
          received = s.received + excluded.received, allocated = s.allocated + excluded.allocated,
          allocated_industry = s.allocated_industry + excluded.allocated_industry, paid = s.paid + excluded.paid`.execute(
        db,
      );
    },

    async insertAllocation(row: {
      countyCode: string;
      docNumber: string;
      sourceCode: string;
      year: number;
      batch: number;
      taskTag: string;
      amount: string;
      receivedOn: string;
      createdBy: number | null;
    }): Promise<number> {
      const { id } = await db
        .insertInto('fund_allocation')
        .values({
          county_code: row.countyCode,
          doc_number: row.docNumber,
          source_code: row.sourceCode,
          year: row.year,
          batch: row.batch,
          task_tag: row.taskTag,
          amount: row.amount,
          received_on: row.receivedOn,
          created_by: row.createdBy,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
        .then((r) => r ?? { id: 0 });
      return Number(id);
    },

    listAllocations(filter: { scope: readonly string[]; year?: number | undefined }) {
      let query = db
        .selectFrom('fund_allocation as a')
        .innerJoin('region as c', 'c.code', 'a.county_code')
        .innerJoin('funding_source as s', 's.code', 'a.source_code')
        .where((eb) => inScope(eb, eb.ref('a.county_code'), filter.scope));
      if (filter.year) {
        query = query.where('a.year', '=', filter.year);
      }
      return query
        .select([
          'a.id',
          'a.county_code',
          'c.name as county_name',
          'a.doc_number',
          'a.source_code',
          's.name as source_name',
          'a.year',
          'a.batch',
          'a.task_tag',
          sql<string>`a.amount::text`.as('amount'),
          'a.received_on',
          sql<string>`coalesce((select sum(l.amount) from fund_line l where l.allocation_id = a.id), 0)::numeric(14,2)::text`.as(
            'allocated',
          ),
          sql<string | null>`(select min(l.allocated_on) from fund_line l where l.allocation_id = a.id)`.as(
            'first_allocated_on',
          ),
          'a.version',
        ])
        .orderBy('a.received_on', 'desc')
        .orderBy('a.id', 'desc')
        .execute();
    },

    /** The allocation with the sum of its lines, locked for the rest of the transaction. */
    findAllocationForUpdate(id: number, scope: readonly string[]) {
      return db
        .selectFrom('fund_allocation as a')
        .select([
          'a.id',
          'a.county_code',
          'a.source_code',
          'a.year',
          'a.doc_number',
          sql<string>`a.amount::text`.as('amount'),
          'a.received_on',
          sql<string>`(select coalesce(sum(l.amount), 0)::numeric(14,2)::text from fund_line l where l.allocation_id = a.id)`.as(
            'allocated',
          ),
        ])
        .where('a.id', '=', id)
        .where((eb) => inScope(eb, eb.ref('a.county_code'), scope))
        .forUpdate()
        .executeTakeFirst();
    },

    async insertLine(row: {
      countyCode: string;
      allocationId: number;
      projectId: number;
      amount: string;
      allocatedOn: string;
      createdBy: number | null;
    }): Promise<number> {
      const { id } = await db
        .insertInto('fund_line')
        .values({
          county_code: row.countyCode,
          allocation_id: row.allocationId,
          project_id: row.projectId,
          amount: row.amount,
          allocated_on: row.allocatedOn,
          created_by: row.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`update project set allocated_total = allocated_total + ${row.amount}::numeric,
          first_allocated_on = least(coalesce(first_allocated_on, ${row.allocatedOn}::date), ${row.allocatedOn}::date),
          updated_at = now()
        where id = ${row.projectId}`.execute(db);
      return Number(id);
    },

    listLines(filter: { projectId?: number; allocationId?: number }) {
      let query = db
        .selectFrom('fund_line as l')
        .innerJoin('fund_allocation as a', 'a.id', 'l.allocation_id')
        .innerJoin('project as p', 'p.id', 'l.project_id')
        .innerJoin('funding_source as s', 's.code', 'a.source_code');
      if (filter.projectId) {
        query = query.where('l.project_id', '=', filter.projectId);
      }
      if (filter.allocationId) {
        query = query.where('l.allocation_id', '=', filter.allocationId);
      }
      return query
        .select([
          'l.id',
          'l.allocation_id',
          'a.doc_number',
          'a.source_code',
          's.name as source_name',
          'l.project_id',
          'p.name as project_name',
          sql<string>`l.amount::text`.as('amount'),
          sql<string>`l.paid_total::text`.as('paid'),
          'l.allocated_on',
        ])
        .orderBy('l.id')
        .execute();
    },

    /** A fund line with its allocation's source and year and its project's stage, locked. */
    findLineForUpdate(id: number, scope: readonly string[]) {
      return db
        .selectFrom('fund_line as l')
        .innerJoin('fund_allocation as a', 'a.id', 'l.allocation_id')
        .innerJoin('project as p', 'p.id', 'l.project_id')
        .select([
          'l.id',
          'l.county_code',
          'l.project_id',
          'p.stage',
          'p.region_code',
          'a.source_code',
          'a.year',
          sql<string>`l.amount::text`.as('amount'),
          sql<string>`l.paid_total::text`.as('paid'),
        ])
        .where('l.id', '=', id)
        .where((eb) => inScope(eb, eb.ref('p.region_code'), scope))
        .forUpdate()
        .executeTakeFirst();
    },

    async insertPayment(row: {
      countyCode: string;
      fundLineId: number;
      projectId: number;
      paidOn: string;
      amount: string;
      voucher: string | null;
      createdBy: number | null;
    }): Promise<number> {
      const { id } = await db
        .insertInto('fund_payment')
        .values({
          county_code: row.countyCode,
          fund_line_id: row.fundLineId,
          project_id: row.projectId,
          paid_on: row.paidOn,
          amount: row.amount,
          voucher: row.voucher,
          created_by: row.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`update fund_line set paid_total = paid_total + ${row.amount}::numeric where id = ${row.fundLineId}`.execute(
        db,
      );
      await sql`update project set paid_total = paid_total + ${row.amount}::numeric,
          last_paid_on = greatest(coalesce(last_paid_on, ${row.paidOn}::date), ${row.paidOn}::date), updated_at = now()
        where id = ${row.projectId}`.execute(db);
      return Number(id);
    },

    listPayments(projectId: number) {
      return db
        .selectFrom('fund_payment as f')
        .innerJoin('fund_line as l', 'l.id', 'f.fund_line_id')
        .innerJoin('fund_allocation as a', 'a.id', 'l.allocation_id')
        .select([
          'f.id',
          'f.fund_line_id',
          'a.doc_number',
          'a.source_code',
          'f.paid_on',
          sql<string>`f.amount::text`.as('amount'),
          'f.voucher',
        ])
        .where('f.project_id', '=', projectId)
        .orderBy('f.paid_on')
        .orderBy('f.id')
        .execute();
    },

    /**
     * Imports payments set-based (inside the caller's transaction): stages the rows with unnest, resolves
     * each to its fund line by project and allocation document in one join, and reports every row that
     * names no line in scope, a project outside the library, or would overpay its line. When `write` is
     * true and nothing is refused (or refused rows are skipped), inserts the rest in one statement and
     * updates the line, project and summary totals with one grouped statement each.
     */
    async importPayments(input: {
      rows: readonly StagedPayment[];
      scope: readonly string[];
      skipBadRows: boolean;
      /** Only check: the file had rows refused before the database saw it, and bad rows are not skipped. */
      checkOnly: boolean;
      importId: string;
      createdBy: number | null;
      /** How many accepted rows to give back as the preview. */
      previewLimit: number;
    }) {
      await sql`create temp table if not exists payment_stage (
          row_no integer, project_id bigint, doc_number text, paid_on date, amount numeric(14, 2), voucher text
        ) on commit drop`.execute(db);
      await sql`truncate payment_stage`.execute(db);
      for (let i = 0; i < input.rows.length; i += CHUNK) {
        const chunk = input.rows.slice(i, i + CHUNK);
        const col = <T>(pick: (r: StagedPayment) => T) => chunk.map(pick);
        await sql`insert into payment_stage
          select * from unnest(${col((r) => r.rowNo)}::integer[], ${col((r) => r.projectId)}::bigint[],
            ${col((r) => r.docNumber)}::text[], ${col((r) => r.paidOn)}::date[], ${col((r) => r.amount)}::numeric[],
            ${col((r) => r.voucher)}::text[])`.execute(db);
      }
      await sql`analyze payment_stage`.execute(db);
      // Lock the lines the file pays (in id order, as a single payment does), so a payment recorded by hand
      // meanwhile waits and the overpay check below sees its total. A check writes nothing and holds no lock:
      // a 预检 must not make the county's payments wait.
      if (!input.checkOnly) {
        await sql`select l.id from fund_line l
            join fund_allocation a on a.id = l.allocation_id
            join payment_stage s on s.project_id = l.project_id and s.doc_number = a.doc_number
            order by l.id for update of l`.execute(db);
      }
      const scopeSql = likeScope('p.region_code', input.scope);
      await sql`create temp table if not exists payment_resolved on commit drop as
          select 0::integer as row_no, 0::bigint as fund_line_id, ''::text as reason limit 0`.execute(db);
      await sql`truncate payment_resolved`.execute(db);
      await sql`insert into payment_resolved (row_no, fund_line_id, reason)
        with matched as (
          select s.row_no, s.amount, l.id as fund_line_id, l.amount as line_amount, l.paid_total, p.stage,
                 p.id is not null and (${scopeSql}) as is_in_scope
          from payment_stage s
          left join project p on p.id = s.project_id
          left join fund_allocation a on a.doc_number = s.doc_number and a.county_code = p.county_code
          left join fund_line l on l.allocation_id = a.id and l.project_id = s.project_id
        ), totals as (
          select fund_line_id, sum(amount) as staged from matched where fund_line_id is not null group by 1
        )
        select m.row_no, m.fund_line_id,
          case
            when not coalesce(m.is_in_scope, false) then '项目不存在或无权访问'
            when m.stage in ('draft', 'notice', 'town_review', 'county_assessment') then '项目未入库，不能支付'
            when m.fund_line_id is null then '该项目未从此文号下达资金'
            when t.staged + m.paid_total > m.line_amount then '支付合计超过下达到项目的金额'
          end
        from matched m left join totals t on t.fund_line_id = m.fund_line_id`.execute(db);
      const bad = await sql<{ row_no: number; reason: string }>`
        select row_no, reason from payment_resolved where reason is not null order by row_no`.execute(db);
      // What passes every check (what an import skipping bad rows writes), and the first of it to show.
      const accepted = await sql<{ n: string; total: string }>`
        select count(*)::text as n, coalesce(sum(s.amount), 0)::numeric(14,2)::text as total
        from payment_resolved r join payment_stage s on s.row_no = r.row_no
        where r.reason is null`.execute(db);
      const preview = await sql<{
        row_no: number;
        project_id: string;
        project_name: string;
        doc_number: string;
        paid_on: string;
        amount: string;
      }>`select s.row_no, s.project_id::text, p.name as project_name, s.doc_number, s.paid_on::text,
            s.amount::text
        from payment_resolved r join payment_stage s on s.row_no = r.row_no join project p on p.id = s.project_id
        where r.reason is null order by s.row_no limit ${input.previewLimit}`.execute(db);
      const checked = {
        acceptedRows: Number(accepted.rows[0]?.n ?? 0),
        acceptedTotal: accepted.rows[0]?.total ?? '0.00',
        preview: preview.rows,
        errors: bad.rows,
      };
      if (input.checkOnly || (bad.rows.length > 0 && !input.skipBadRows)) {
        return { imported: 0, total: '0.00', ...checked };
      }
      const written = await sql<{ n: string; total: string | null }>`
        with ins as (
          insert into fund_payment (county_code, fund_line_id, project_id, paid_on, amount, voucher, import_id, created_by)
          select l.county_code, r.fund_line_id, s.project_id, s.paid_on, s.amount, s.voucher, ${input.importId},
                 ${input.createdBy}
          from payment_resolved r
          join payment_stage s on s.row_no = r.row_no
          join fund_line l on l.id = r.fund_line_id
          where r.reason is null
          returning amount
        ) select count(*)::text as n, sum(amount)::numeric(14,2)::text as total from ins`.execute(db);
      await sql`update fund_line l set paid_total = l.paid_total + x.amount
        from (select fund_line_id, sum(amount) as amount from fund_payment where import_id = ${input.importId}
              group by 1) x
        where l.id = x.fund_line_id`.execute(db);
      await sql`update project p set paid_total = p.paid_total + x.amount,
          last_paid_on = greatest(coalesce(p.last_paid_on, x.last_on), x.last_on), updated_at = now()
        from (select project_id, sum(amount) as amount, max(paid_on) as last_on from fund_payment
              where import_id = ${input.importId} group by 1) x
        where p.id = x.project_id`.execute(db);
      await sql`insert into fund_month_summary as m (county_code, source_code, fund_year, month, paid)
        select f.county_code, a.source_code, a.year, to_char(f.paid_on, 'YYYY-MM'), sum(f.amount)
        from fund_payment f join fund_line l on l.id = f.fund_line_id join fund_allocation a on a.id = l.allocation_id
        where f.import_id = ${input.importId}
        group by 1, 2, 3, 4
        on conflict (county_code, source_code, fund_year, month) do update set paid = m.paid + excluded.paid`.execute(
        db,
      );
      const row = written.rows[0];
      return { imported: Number(row?.n ?? 0), total: row?.total ?? '0.00', ...checked };
    },

    /**
     * The year's money in a scope, in one statement: allocations received by the counties in scope, what of
     * them went to projects in scope, and what was paid on those lines (each line keeps its paid total, so no
     * payment row is read). By fund year, as the bulletin counts.
     */
    async overview(year: number, scope: readonly string[]) {
      const projectScope = likeScope('p.region_code', scope);
      const countyScope = likeScope('a.county_code', scope);
      const result = await sql<{ received: string; allocated: string; paid: string; projects: string }>`
        select
          (select coalesce(sum(a.amount), 0)::numeric(14,2)::text from fund_allocation a
            where a.year = ${year} and (${countyScope})) as received,
          coalesce(sum(l.amount), 0)::numeric(14,2)::text as allocated,
          coalesce(sum(l.paid_total), 0)::numeric(14,2)::text as paid,
          count(distinct l.project_id)::text as projects
        from fund_line l
        join fund_allocation a on a.id = l.allocation_id
        join project p on p.id = l.project_id
        where a.year = ${year} and (${projectScope})`.execute(db);
      const row = result.rows[0];
      return {
        received: row?.received ?? '0.00',
        allocated: row?.allocated ?? '0.00',
        paid: row?.paid ?? '0.00',
        projects: Number(row?.projects ?? 0),
      };
    },

    /**
     * The bulletin's figures per county and source of `year` up to the end of `month` (YYYY-MM), read from
     * the summary: received, allocated to projects, to industry projects, paid.
     */
    summaryTo(year: number, month: string, scope: readonly string[]) {
      return db
        .selectFrom('fund_month_summary as s')
        .where('s.fund_year', '=', year)
        .where('s.month', '<=', month)
        .where((eb) => inScope(eb, eb.ref('s.county_code'), scope))
        .select([
          's.county_code',
          's.source_code',
          sql<string>`sum(s.received)::numeric(14,2)::text`.as('received'),
          sql<string>`sum(s.allocated)::numeric(14,2)::text`.as('allocated'),
          sql<string>`sum(s.allocated_industry)::numeric(14,2)::text`.as('allocated_industry'),
          sql<string>`sum(s.paid)::numeric(14,2)::text`.as('paid'),
        ])
        .groupBy(['s.county_code', 's.source_code'])
        .execute();
    },

    /**
     * Stalled projects (进度滞后): in the library, not finished, money allocated at least `days` before
     * `asOf`, and under 30 % of it paid or nothing paid in the last `days` days.
     */
    stalledProjects(asOf: string, days: number, scope: readonly string[], limit: number) {
      return db
        .selectFrom('project as p')
        .innerJoin('region as c', 'c.code', 'p.county_code')
        .innerJoin('region as r', 'r.code', 'p.region_code')
        .where((eb) => inScope(eb, eb.ref('p.region_code'), scope))
        .where('p.stage', 'in', ['approved', 'plan_approved', 'tendered', 'contracted', 'started'])
        .where('p.allocated_total', '>', '0')
        .where(sql<boolean>`p.first_allocated_on <= ${asOf}::date - ${days}::integer`)
        .where(
          sql<boolean>`(p.paid_total * 10 < p.allocated_total * 3
            or p.last_paid_on is null or p.last_paid_on < ${asOf}::date - ${days}::integer)`,
        )
        .select([
          'p.id',
          'p.county_code',
          'c.name as county_name',
          'r.name as region_name',
          'p.name',
          'p.stage',
          sql<string>`p.allocated_total::text`.as('allocated'),
          sql<string>`p.paid_total::text`.as('paid'),
          'p.first_allocated_on',
          'p.last_paid_on',
        ])
        .orderBy(sql`p.paid_total / p.allocated_total`)
        .orderBy('p.id')
        .limit(limit)
        .execute();
    },

    counties(scope: readonly string[]) {
      return db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('level', '=', 'county')
        .where((eb) => inScope(eb, eb.ref('code'), scope))
        .orderBy('code')
        .execute();
    },

    /** Working-day figures for allocation speed: each allocation's received date and its first line. */
    allocationTimes(year: number, scope: readonly string[]) {
      return db
        .selectFrom('fund_allocation as a')
        .where('a.year', '=', year)
        .where((eb) => inScope(eb, eb.ref('a.county_code'), scope))
        .select([
          'a.county_code',
          'a.received_on',
          sql<string | null>`(select min(l.allocated_on) from fund_line l where l.allocation_id = a.id)`.as(
            'first_line_on',
          ),
        ])
        .execute();
    },

    findBulletin(kind: 'monthly' | 'quarterly', period: string, scopeCode: string) {
      return db
        .selectFrom('fund_bulletin')
        .selectAll()
        .where('kind', '=', kind)
        .where('period', '=', period)
        .where('scope_code', '=', scopeCode)
        .executeTakeFirst();
    },

    async insertBulletin(row: {
      kind: 'monthly' | 'quarterly';
      period: string;
      scopeCode: string;
      figures: unknown;
      issuedOn: string;
      issuedBy: number | null;
    }): Promise<number | null> {
      const inserted = await db
        .insertInto('fund_bulletin')
        .values({
          kind: row.kind,
          period: row.period,
          scope_code: row.scopeCode,
          figures: JSON.stringify(row.figures),
          issued_on: row.issuedOn,
          issued_by: row.issuedBy,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted ? Number(inserted.id) : null;
    },

    listBulletins(scopeCode: string) {
      return db
        .selectFrom('fund_bulletin')
        .select(['id', 'kind', 'period', 'scope_code', 'issued_on', 'issued_by'])
        .where('scope_code', '=', scopeCode)
        .orderBy('period', 'desc')
        .execute();
    },
  };
}

export type FundRepository = ReturnType<typeof createFundRepository>;
