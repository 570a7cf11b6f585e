import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import { CREDIT_RULES, type LoanStatus } from '../../shared/credit.js';
import type { DB, LoanEventTable, LoanTable } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';

/** Who sees which loans: a bank user its bank's, everyone else the loans in their region scope. */
export type LoanAccess = { bankId: number } | { scope: readonly string[] };

export interface StagedBankRow {
  rowNo: number;
  idHash: string;
  contractNo: string | null;
  paidOn: string | null;
  principal: string | null;
  interest: string | null;
  daysPastDue: number | null;
  asOf: string | null;
}

const CHUNK = 20_000;
const OUTSTANDING = sql`('normal', 'overdue', 'npl')`;
const DISBURSED = sql`('normal', 'overdue', 'npl', 'settled', 'compensated', 'recovered', 'written_off')`;

/** The SQL twin of shared/credit.ts `dpdBucket`. */
const bucketOf = (days: RawBuilder<unknown>) =>
  sql<string>`case when ${days} <= 0 then 'current' when ${days} <= 30 then 'dpd_1_30'
    when ${days} <= 60 then 'dpd_31_60' when ${days} <= ${sql.lit(CREDIT_RULES.nplDays)} then 'dpd_61_90'
    else 'dpd_90_plus' end`;

/** The SQL twin of `statusForDaysPastDue`. */
const statusOf = (days: RawBuilder<unknown>) =>
  sql<string>`case when ${days} <= 0 then 'normal' when ${days} > ${sql.lit(CREDIT_RULES.nplDays)} then 'npl'
    else 'overdue' end`;

function accessWhere(access: LoanAccess, alias = 'l') {
  const ref = sql.ref(`${alias}.region_code`);
  if ('bankId' in access) {
    return sql`${sql.ref(`${alias}.bank_id`)} = ${access.bankId}`;
  }
  if (access.scope.includes('')) {
    return sql`true`;
  }
  if (access.scope.length === 0) {
    return sql`false`;
  }
  return sql`(${sql.join(
    access.scope.map((p) => sql`${ref} like ${`${escapeLike(p)}%`}`),
    sql` or `,
  )})`;
}

/**
 * Microcredit: loans and their history, bank files imported set-based (staged through unnest, matched to loans by
 * ID hash and contract in one join, applied in a few statements), the 贴息台账 and the risk indicators as queries.
 */
export function createCreditRepository(db: Kysely<DB>) {
  const loanView = () =>
    db
      .selectFrom('loan as l')
      .innerJoin('bank as b', 'b.id', 'l.bank_id')
      .innerJoin('person as p', 'p.id', 'l.person_id')
      .innerJoin('household as h', 'h.id', 'l.household_id')
      .innerJoin('region as v', 'v.code', 'l.region_code')
      .innerJoin('region as t', 't.code', 'l.town_code')
      .selectAll('l')
      .select([
        'b.name as bank_name',
        'p.name as borrower_name',
        'p.id_masked as borrower_id_masked',
        'h.household_no',
        'h.household_type',
        'v.name as village_name',
        't.name as town_name',
      ]);

  return {
    findBank(id: number) {
      return db.selectFrom('bank').selectAll().where('id', '=', id).executeTakeFirst();
    },

    listBanks(scope: readonly string[]) {
      return db
        .selectFrom('bank')
        .selectAll()
        .where((eb) =>
          inScope(
            eb,
            eb.ref('county_code'),
            scope.map((p) => p.slice(0, 6)),
          ),
        )
        .orderBy('county_code')
        .orderBy('name')
        .execute();
    },

    async insertBank(countyCode: string, name: string): Promise<number> {
      const row = await db
        .insertInto('bank')
        .values({ county_code: countyCode, name })
        .onConflict((oc) => oc.columns(['county_code', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) {
        return Number(row.id);
      }
      const existing = await db
        .selectFrom('bank')
        .select('id')
        .where('county_code', '=', countyCode)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return Number(existing.id);
    },

    bankOfUser(userId: number) {
      return db
        .selectFrom('app_user')
        .select(['bank_id', 'department'])
        .where('id', '=', userId)
        .executeTakeFirst();
    },

    /** The latest version of the 贴息 schedule. */
    /** A new version of the whole schedule; earlier versions stay for the record. */
    async insertEpochVersion(
      version: number,
      rows: Array<{
        applies_to: 'new' | 'old';
        from_on: string;
        to_on: string | null;
        rate: string;
        principal_cap: string;
        note: string | null;
      }>,
    ) {
      await db
        .insertInto('credit_subsidy_epoch')
        .values(rows.map((r) => ({ ...r, version })))
        .execute();
    },

    epochs() {
      return db
        .selectFrom('credit_subsidy_epoch')
        .selectAll()
        .where(
          'version',
          '=',
          db.selectFrom('credit_subsidy_epoch').select(sql<number>`max(version)`.as('v')),
        )
        .orderBy('applies_to')
        .orderBy('from_on')
        .execute();
    },

    personByIdHash(idHash: string) {
      return db
        .selectFrom('person as p')
        .innerJoin('household as h', 'h.id', 'p.household_id')
        .select([
          'p.id as person_id',
          'p.name',
          'p.birth_date',
          'p.id_masked',
          'h.id as household_id',
          'h.county_code',
          'h.town_code',
          'h.region_code',
          'h.household_type',
        ])
        .where('p.id_hash', '=', idHash)
        .executeTakeFirst();
    },

    /** Principal lent to the household on loans not yet ended (for the 10万 household cap). */
    async householdOutstanding(householdId: number, exceptLoanId: number | null): Promise<string> {
      const row = await db
        .selectFrom('loan')
        .select(
          sql<string>`coalesce(sum(case when status in ('applied', 'endorsed', 'rated', 'approved') then amount
          else principal_outstanding end), 0)::text`.as('total'),
        )
        .where('household_id', '=', householdId)
        .where('status', 'in', ['applied', 'endorsed', 'rated', 'approved', 'normal', 'overdue', 'npl'])
        .$if(exceptLoanId !== null, (q) => q.where('id', '<>', exceptLoanId as number))
        .executeTakeFirst();
      return row?.total ?? '0';
    },

    findLoan(id: number) {
      return loanView().where('l.id', '=', id).executeTakeFirst();
    },

    async listLoans(filter: {
      access: LoanAccess;
      statuses?: readonly string[] | undefined;
      buckets?: readonly string[] | undefined;
      regionPrefix?: string | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    }) {
      let query = loanView().where(accessWhere(filter.access) as RawBuilder<boolean>);
      if (filter.statuses?.length) {
        query = query.where('l.status', 'in', [...filter.statuses] as LoanStatus[]);
      }
      if (filter.buckets?.length) {
        query = query.where('l.dpd_bucket', 'in', filter.buckets as never);
      }
      if (filter.regionPrefix) {
        query = query.where('l.region_code', 'like', `${escapeLike(filter.regionPrefix)}%`);
      }
      if (filter.q) {
        const like = `%${escapeLike(filter.q)}%`;
        query = query.where((eb) =>
          eb.or([
            eb('p.name', 'like', like),
            eb('l.contract_no', 'like', like),
            eb('h.household_no', 'like', like),
          ]),
        );
      }
      const [rows, total] = await Promise.all([
        query
          .orderBy('l.days_past_due', 'desc')
          .orderBy('l.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async insertLoan(values: Insertable<LoanTable>): Promise<number> {
      const row = await db.insertInto('loan').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** Updates only when the stored version matches; false on a concurrent change. */
    async updateLoanIfVersion(id: number, version: number, changes: Updateable<LoanTable>): Promise<boolean> {
      const result = await db
        .updateTable('loan')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertEvent(values: Insertable<LoanEventTable>) {
      await db.insertInto('loan_event').values(values).execute();
    },

    events(loanId: number) {
      return db.selectFrom('loan_event').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();
    },

    repayments(loanId: number) {
      return db
        .selectFrom('loan_repayment')
        .selectAll()
        .where('loan_id', '=', loanId)
        .orderBy('paid_on')
        .orderBy('id')
        .execute();
    },

    dpdHistory(loanId: number) {
      return db
        .selectFrom('loan_dpd_history')
        .selectAll()
        .where('loan_id', '=', loanId)
        .orderBy('from_on')
        .orderBy('id')
        .execute();
    },

    /** A repayment; false when the same one was already recorded. */
    async insertRepayment(values: {
      loanId: number;
      countyCode: string;
      paidOn: string;
      principal: string;
      interest: string;
      createdBy: number | null;
    }): Promise<boolean> {
      const row = await db
        .insertInto('loan_repayment')
        .values({
          loan_id: values.loanId,
          county_code: values.countyCode,
          paid_on: values.paidOn,
          principal: values.principal,
          interest: values.interest,
          created_by: values.createdBy,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertDpdHistory(values: {
      loanId: number;
      countyCode: string;
      fromOn: string;
      days: number;
      bucket: string;
    }) {
      await db
        .insertInto('loan_dpd_history')
        .values({
          loan_id: values.loanId,
          county_code: values.countyCode,
          from_on: values.fromOn,
          days_past_due: values.days,
          bucket: values.bucket as never,
        })
        .execute();
    },

    // ----------------------------------------------------------------------------------------------------------
    // Bank files

    findAcceptedFile(bankId: number, sha256: string) {
      return db
        .selectFrom('bank_file')
        .selectAll()
        .where('bank_id', '=', bankId)
        .where('sha256', '=', sha256)
        .where('status', '<>', 'refused')
        .executeTakeFirst();
    },

    findFile(id: number) {
      return db
        .selectFrom('bank_file as f')
        .innerJoin('bank as b', 'b.id', 'f.bank_id')
        .selectAll('f')
        .select('b.name as bank_name')
        .where('f.id', '=', id)
        .executeTakeFirst();
    },

    async listFiles(filter: {
      bankId: number | null;
      scope: readonly string[];
      limit: number;
      offset: number;
    }) {
      let query = db.selectFrom('bank_file as f').innerJoin('bank as b', 'b.id', 'f.bank_id');
      query =
        filter.bankId !== null
          ? query.where('f.bank_id', '=', filter.bankId)
          : query.where((eb) =>
              inScope(
                eb,
                eb.ref('f.county_code'),
                filter.scope.map((p) => p.slice(0, 6)),
              ),
            );
      const [rows, total] = await Promise.all([
        query
          .selectAll('f')
          .select('b.name as bank_name')
          .orderBy('f.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async insertFile(values: {
      bankId: number;
      countyCode: string;
      filename: string | null;
      sha256: string;
      status: 'imported' | 'partial' | 'refused';
      totalRows: number;
      acceptedRows: number;
      refusedRows: number;
      problems: unknown;
      createdBy: number | null;
      createdByName: string;
    }): Promise<number> {
      const row = await db
        .insertInto('bank_file')
        .values({
          bank_id: values.bankId,
          county_code: values.countyCode,
          filename: values.filename,
          sha256: values.sha256,
          status: values.status,
          total_rows: values.totalRows,
          accepted_rows: values.acceptedRows,
          refused_rows: values.refusedRows,
          problems: JSON.stringify(values.problems),
          created_by: values.createdBy,
          created_by_name: values.createdByName,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async setFileOutcome(
      id: number,
      outcome: {
        status: 'imported' | 'partial' | 'refused';
        acceptedRows: number;
        refusedRows: number;
        problems: unknown;
        repayments: number;
        loans: number;
      },
    ) {
      await db
        .updateTable('bank_file')
        .set({
          status: outcome.status,
          accepted_rows: outcome.acceptedRows,
          refused_rows: outcome.refusedRows,
          problems: JSON.stringify(outcome.problems),
          repayments_added: outcome.repayments,
          loans_updated: outcome.loans,
        })
        .where('id', '=', id)
        .execute();
    },

    /** Stages the parsed rows of a bank file (bulk inserts of arrays through unnest). Inside a transaction. */
    async stageBankRows(rows: readonly StagedBankRow[]) {
      await sql`create temp table if not exists bank_stage (
          row_no integer, id_hash text, contract_no text, paid_on date, principal numeric(14, 2),
          interest numeric(14, 2), dpd integer, as_of date, loan_id bigint, candidates integer
        ) on commit drop`.execute(db);
      await sql`truncate bank_stage`.execute(db);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const col = <T>(pick: (r: StagedBankRow) => T) => chunk.map(pick);
        await sql`insert into bank_stage (row_no, id_hash, contract_no, paid_on, principal, interest, dpd, as_of)
          select * from unnest(${col((r) => r.rowNo)}::integer[], ${col((r) => r.idHash)}::text[],
            ${col((r) => r.contractNo)}::text[], ${col((r) => r.paidOn)}::date[], ${col((r) => r.principal)}::numeric[],
            ${col((r) => r.interest)}::numeric[], ${col((r) => r.daysPastDue)}::integer[], ${col((r) => r.asOf)}::date[])`.execute(
          db,
        );
      }
      await sql`analyze bank_stage`.execute(db);
    },

    /**
     * Matches every staged row to the bank's outstanding loan of that borrower (by ID hash, and by contract number
     * when the row has one) in one statement, and returns the rows that cannot be taken with their reasons.
     */
    async matchBankRows(bankId: number): Promise<Array<{ row: number; reason: string }>> {
      await sql`update bank_stage s set loan_id = m.loan_id, candidates = m.n
        from (
          select s2.row_no, count(l.id)::int as n, min(l.id) as loan_id
          from bank_stage s2
          left join person p on p.id_hash = s2.id_hash
          left join loan l on l.person_id = p.id and l.bank_id = ${bankId} and l.status in ${OUTSTANDING}
                          and (s2.contract_no is null or l.contract_no = s2.contract_no)
          group by s2.row_no
        ) m
        where m.row_no = s.row_no`.execute(db);
      // The statistics taken at staging knew no candidates: without fresh ones the planner expects no matched
      // rows and loops over the whole file for each (minutes for a file of 100,000 rows).
      await sql`analyze bank_stage`.execute(db);
      const result = await sql<{ row: number; reason: string }>`
        select row_no as row, case when candidates = 0 then '本行没有该身份证号（及合同编号）未结清的贷款'
                                  else '该借款人在本行有多笔未结清贷款，请填写合同编号' end as reason
        from bank_stage where candidates <> 1
        union all
        select t.row_no, '还款本金合计 ' || t.total || ' 元，超过贷款余额 ' || l.principal_outstanding || ' 元'
        from (select row_no, loan_id, sum(principal) over (partition by loan_id) as total
              from bank_stage where candidates = 1) t
        join loan l on l.id = t.loan_id
        where t.total > l.principal_outstanding
        order by 1`.execute(db);
      return result.rows;
    },

    /**
     * Applies the matched rows: repayments inserted (a repayment already on record is taken once), then per loan the
     * new balance, days past due, bucket and status (the SQL twins of shared/credit.ts), a DPD history row where
     * the bucket moves, a lifecycle event where the status changes, and the loan itself, all set-based.
     */
    async applyBankRows(
      fileId: number,
      actor: { id: number | null; name: string },
      excludedRows: readonly number[],
      today: string,
    ): Promise<{ repayments: number; loans: number }> {
      if (excludedRows.length > 0) {
        await sql`delete from bank_stage where row_no = any(${[...excludedRows]}::integer[])`.execute(db);
      }
      const added = await sql<{ n: number }>`
        with ins as (
          insert into loan_repayment (loan_id, county_code, paid_on, principal, interest, bank_file_id, created_by)
          select s.loan_id, l.county_code, s.paid_on, coalesce(s.principal, 0), coalesce(s.interest, 0), ${fileId},
                 ${actor.id}
          from bank_stage s join loan l on l.id = s.loan_id
          where s.paid_on is not null and (coalesce(s.principal, 0) > 0 or coalesce(s.interest, 0) > 0)
          on conflict do nothing
          returning 1
        ) select count(*)::int as n from ins`.execute(db);
      await sql`create temp table if not exists bank_effect (
          loan_id bigint primary key, outstanding numeric(14, 2), dpd integer, bucket text, status text,
          settled_on date, as_of date
        ) on commit drop`.execute(db);
      await sql`truncate bank_effect`.execute(db);
      await sql`
        insert into bank_effect
        with paid as (
          select loan_id, sum(principal) as principal from loan_repayment where bank_file_id = ${fileId} group by loan_id
        ), latest as (
          select distinct on (loan_id) loan_id, dpd, coalesce(as_of, paid_on, ${today}::date) as as_of
          from bank_stage where dpd is not null
          order by loan_id, coalesce(as_of, paid_on, ${today}::date) desc, row_no desc
        ), last_paid as (
          select loan_id, max(paid_on) as paid_on, max(coalesce(as_of, paid_on, ${today}::date)) as as_of
          from bank_stage group by loan_id
        ), next as (
          select l.id, l.principal_outstanding - coalesce(paid.principal, 0) as outstanding,
                 coalesce(latest.dpd, l.days_past_due) as dpd, lp.paid_on, coalesce(latest.as_of, lp.as_of) as as_of
          from last_paid lp
          join loan l on l.id = lp.loan_id
          left join paid on paid.loan_id = l.id
          left join latest on latest.loan_id = l.id
        )
        select id, outstanding, case when outstanding <= 0 then 0 else dpd end,
               ${bucketOf(sql`case when outstanding <= 0 then 0 else dpd end`)},
               case when outstanding <= 0 then 'settled' else ${statusOf(sql`dpd`)} end,
               case when outstanding <= 0 then coalesce(paid_on, as_of) end, as_of
        from next`.execute(db);
      await sql`
        insert into loan_dpd_history (loan_id, county_code, from_on, days_past_due, bucket, bank_file_id)
        select l.id, l.county_code, e.as_of, e.dpd, e.bucket, ${fileId}
        from bank_effect e join loan l on l.id = e.loan_id
        where e.bucket <> l.dpd_bucket`.execute(db);
      await sql`
        insert into loan_event (loan_id, county_code, action, from_status, to_status, on_date, note, actor_id, actor_name)
        select l.id, l.county_code, 'bank_report', l.status, e.status, e.as_of, '银行文件 #' || ${fileId}, ${actor.id},
               ${actor.name}
        from bank_effect e join loan l on l.id = e.loan_id
        where e.status <> l.status`.execute(db);
      const updated = await sql`
        update loan l set principal_outstanding = e.outstanding, days_past_due = e.dpd, dpd_bucket = e.bucket,
               status = e.status, settled_on = coalesce(e.settled_on, l.settled_on), status_as_of = e.as_of,
               version = l.version + 1, updated_at = now()
        from bank_effect e where e.loan_id = l.id`.execute(db);
      return { repayments: added.rows[0]?.n ?? 0, loans: Number(updated.numAffectedRows ?? 0) };
    },

    // ----------------------------------------------------------------------------------------------------------
    // Ledgers and indicators

    /**
     * The 贴息台账 for one period: per loan, contract interest, subsidisable interest and subsidy, cut at every
     * repayment, epoch boundary and DPD bucket move (the SQL twin of shared/credit.ts `computeSubsidy`, actual/360,
     * nothing on overdue days), under the latest version of the schedule. Paged, with the totals of the whole scope.
     */
    async subsidyLedger(filter: {
      access: LoanAccess;
      fromOn: string;
      toOn: string;
      limit: number;
      offset: number;
    }) {
      const result = await sql<{
        loan_id: number;
        interest: string;
        subsidisable: string;
        subsidy: string;
        total_rows: number;
        total_interest: string;
        total_subsidisable: string;
        total_subsidy: string;
      }>`
        with l as (
          select l.id, l.amount, l.rate_percent, case when l.old_policy then 'old' else 'new' end as policy,
                 greatest(l.disbursed_on, ${filter.fromOn}::date) as s0,
                 least(coalesce(l.settled_on, ${filter.toOn}::date + 1), ${filter.toOn}::date + 1) as e0
          from loan l
          where l.disbursed_on is not null and l.disbursed_on <= ${filter.toOn}::date
            and (l.settled_on is null or l.settled_on > ${filter.fromOn}::date)
            and l.status in ${DISBURSED} and ${accessWhere(filter.access)}
        ), ep as (
          select * from credit_subsidy_epoch where version = (select max(version) from credit_subsidy_epoch)
        ), cuts as (
          select id, s0 as d from l
          union select id, e0 from l
          union select l.id, r.paid_on from loan_repayment r join l on l.id = r.loan_id
                where r.paid_on > l.s0 and r.paid_on < l.e0
          union select l.id, ep.from_on from l join ep on ep.applies_to = l.policy
                where ep.from_on > l.s0 and ep.from_on < l.e0
          union select l.id, ep.to_on + 1 from l join ep on ep.applies_to = l.policy
                where ep.to_on + 1 > l.s0 and ep.to_on + 1 < l.e0
          union select l.id, h.from_on from loan_dpd_history h join l on l.id = h.loan_id
                where h.from_on > l.s0 and h.from_on < l.e0
        ), seg as (
          select id, d as s, lead(d) over (partition by id order by d) as e from cuts
        ), calc as (
          select seg.id, (seg.e - seg.s) as days, l.rate_percent as rate,
                 greatest(l.amount - coalesce((select sum(r.principal) from loan_repayment r
                                               where r.loan_id = seg.id and r.paid_on <= seg.s), 0), 0) as balance,
                 coalesce(ep.principal_cap, 0) as cap, coalesce(ep.rate, 0) as share,
                 coalesce((select h.bucket from loan_dpd_history h where h.loan_id = seg.id and h.from_on <= seg.s
                           order by h.from_on desc, h.id desc limit 1), 'current') <> 'current' as overdue
          from seg join l on l.id = seg.id
          left join ep on ep.applies_to = l.policy and ep.from_on <= seg.s and (ep.to_on is null or seg.s <= ep.to_on)
          where seg.e is not null
        ), per_loan as (
          select id as loan_id,
                 round(sum(balance * rate * days) / 36000, 2) as interest,
                 round(sum(least(balance, cap) * rate * days) / 36000, 2) as subsidisable,
                 round(sum(case when overdue then 0 else least(balance, cap) * share end * rate * days) / 36000, 2)
                   as subsidy
          from calc group by id
        )
        select loan_id, interest::text, subsidisable::text, subsidy::text,
               (count(*) over ())::int as total_rows,
               (sum(interest) over ())::text as total_interest,
               (sum(subsidisable) over ())::text as total_subsidisable,
               (sum(subsidy) over ())::text as total_subsidy
        from per_loan
        order by loan_id
        limit ${filter.limit} offset ${filter.offset}`.execute(db);
      return result.rows;
    },

    loansByIds(ids: readonly number[]) {
      if (ids.length === 0) {
        return Promise.resolve([]);
      }
      return loanView()
        .where('l.id', 'in', [...ids])
        .execute();
    },

    /**
     * Per township and village in scope, from the loans' current state (the summary the bank reports keep up to
     * date), never from the repayments: eligible households (脱贫 and 监测), households that ever borrowed,
     * balance, overdue and non-performing balance, and the NPL breakers (5 % township, 7 % village).
     */
    async indicators(access: { scope: readonly string[] }, breakers: { town: string; village: string }) {
      const householdScope = accessWhere(access, 'h');
      const loanScope = accessWhere(access, 'l');
      const result = await sql<{
        level: 'town' | 'village';
        code: string;
        name: string;
        town_code: string;
        eligible: number;
        borrowers: number;
        balance: string;
        overdue_balance: string;
        npl_balance: string;
        loan_rate: string | null;
        overdue_rate: string | null;
        npl_rate: string | null;
        tripped: boolean;
      }>`
        with elig as (
          select h.region_code, h.town_code, count(*)::int as n from household h
          where h.household_type in ('exited_poverty', 'monitored') and ${householdScope}
          group by h.region_code, h.town_code
        ), lv as (
          select l.region_code, l.town_code,
                 count(distinct l.household_id) filter (where l.status in ${DISBURSED})::int as borrowers,
                 coalesce(sum(l.principal_outstanding) filter (where l.status in ${OUTSTANDING}), 0) as balance,
                 coalesce(sum(l.principal_outstanding) filter (where l.status in ('overdue', 'npl')), 0) as overdue_balance,
                 coalesce(sum(l.principal_outstanding) filter (where l.status = 'npl'), 0) as npl_balance
          from loan l where ${loanScope}
          group by l.region_code, l.town_code
        ), village as (
          select coalesce(e.region_code, lv.region_code) as code, coalesce(e.town_code, lv.town_code) as town_code,
                 coalesce(e.n, 0) as eligible, coalesce(lv.borrowers, 0) as borrowers,
                 coalesce(lv.balance, 0) as balance, coalesce(lv.overdue_balance, 0) as overdue_balance,
                 coalesce(lv.npl_balance, 0) as npl_balance
          from elig e full join lv on lv.region_code = e.region_code
        ), town as (
          select town_code as code, town_code, sum(eligible)::int as eligible, sum(borrowers)::int as borrowers,
                 sum(balance) as balance, sum(overdue_balance) as overdue_balance, sum(npl_balance) as npl_balance
          from village group by town_code
        ), rows as (
          select 'town' as level, code, town_code, eligible, borrowers, balance, overdue_balance, npl_balance,
                 ${breakers.town}::numeric as limit_pct from town
          union all
          select 'village', code, town_code, eligible, borrowers, balance, overdue_balance, npl_balance,
                 ${breakers.village}::numeric from village
        )
        select rows.level, rows.code, coalesce(r.name, rows.code) as name, rows.town_code, rows.eligible,
               rows.borrowers, rows.balance::text, rows.overdue_balance::text, rows.npl_balance::text,
               case when rows.eligible > 0 then round(rows.borrowers * 100.0 / rows.eligible, 2)::text end as loan_rate,
               case when rows.balance > 0 then round(rows.overdue_balance * 100 / rows.balance, 2)::text end as overdue_rate,
               case when rows.balance > 0 then round(rows.npl_balance * 100 / rows.balance, 2)::text end as npl_rate,
               rows.balance > 0 and rows.npl_balance * 100 > rows.limit_pct * rows.balance as tripped
        from rows left join region r on r.code = rows.code
        order by rows.town_code, rows.level desc, rows.code`.execute(db);
      return result.rows;
    },

    // ----------------------------------------------------------------------------------------------------------
    // Risk compensation fund

    async riskFund(counties: readonly string[], limit: number, offset: number) {
      const where = sql`(${sql.join(
        counties.map((c) => sql`e.county_code like ${`${escapeLike(c)}%`}`),
        sql` or `,
      )})`;
      if (counties.length === 0) {
        return { rows: [], total: 0, balances: [] };
      }
      const [rows, totals, balances] = await Promise.all([
        sql<{
          id: number;
          county_code: string;
          entry_on: string;
          kind: 'deposit' | 'compensation' | 'recovery';
          amount: string;
          loan_id: number | null;
          note: string | null;
          borrower_name: string | null;
          contract_no: string | null;
        }>`select e.id, e.county_code, e.entry_on, e.kind, e.amount::text, e.loan_id, e.note,
                  p.name as borrower_name, l.contract_no
           from risk_fund_entry e left join loan l on l.id = e.loan_id left join person p on p.id = l.person_id
           where ${where} order by e.entry_on desc, e.id desc limit ${limit} offset ${offset}`.execute(db),
        sql<{ n: number }>`select count(*)::int as n from risk_fund_entry e where ${where}`.execute(db),
        sql<{
          county_code: string;
          name: string;
          deposits: string;
          compensations: string;
          recoveries: string;
          balance: string;
        }>`select e.county_code, coalesce(r.name, e.county_code) as name,
                  coalesce(sum(amount) filter (where kind = 'deposit'), 0)::text as deposits,
                  coalesce(sum(amount) filter (where kind = 'compensation'), 0)::text as compensations,
                  coalesce(sum(amount) filter (where kind = 'recovery'), 0)::text as recoveries,
                  (coalesce(sum(amount) filter (where kind <> 'compensation'), 0)
                   - coalesce(sum(amount) filter (where kind = 'compensation'), 0))::text as balance
           from risk_fund_entry e left join region r on r.code = e.county_code
           where ${where} group by e.county_code, r.name order by e.county_code`.execute(db),
      ]);
      return { rows: rows.rows, total: totals.rows[0]?.n ?? 0, balances: balances.rows };
    },

    seedDemoLoans: (input: {
      townPrefix: string;
      bankIds: readonly number[];
      today: string;
      limit: number;
    }) => seedDemoLoans(db, input),

    async hasDemoLoans(): Promise<boolean> {
      const row = await db
        .selectFrom('loan')
        .select('id')
        .where('contract_no', 'like', 'DEMO-%')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async fundBalance(countyCode: string): Promise<string> {
      const row = await sql<{ balance: string }>`
        select (coalesce(sum(amount) filter (where kind <> 'compensation'), 0)
                - coalesce(sum(amount) filter (where kind = 'compensation'), 0))::text as balance
        from risk_fund_entry where county_code = ${countyCode}`.execute(db);
      return row.rows[0]?.balance ?? '0';
    },

    async insertFundEntry(values: {
      countyCode: string;
      entryOn: string;
      kind: 'deposit' | 'compensation' | 'recovery';
      amount: string;
      loanId: number | null;
      note: string | null;
      createdBy: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto('risk_fund_entry')
        .values({
          county_code: values.countyCode,
          entry_on: values.entryOn,
          kind: values.kind,
          amount: values.amount,
          loan_id: values.loanId,
          note: values.note,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
  };
}

export type CreditRepository = ReturnType<typeof createCreditRepository>;

/**
 * Demo loans for the households of `townPrefix` (脱贫 and 监测 heads aged 18–65), set-based: a spread of statuses,
 * disbursement dates across the 2023/2024 subsidy boundary, monthly interest and a principal repayment now and
 * then, a few overdue and non-performing loans with their DPD history, and the finance measure on live cases.
 */
async function seedDemoLoans(
  db: Kysely<DB>,
  input: { townPrefix: string; bankIds: readonly number[]; today: string; limit: number },
): Promise<number> {
  const inserted = await sql<{ n: number }>`
    with heads as (
      select p.id as person_id, h.id as household_id, h.county_code, h.town_code, h.region_code,
             row_number() over (order by h.id) as rn
      from household h join person p on p.id = h.head_person_id
      where h.region_code like ${`${escapeLike(input.townPrefix)}%`}
        and h.household_type in ('exited_poverty', 'monitored')
        and p.birth_date between ${input.today}::date - interval '65 years' and ${input.today}::date - interval '18 years'
        and not exists (select 1 from loan l where l.household_id = h.id)
      order by h.id
      limit ${input.limit}
    ), made as (
      insert into loan (county_code, town_code, region_code, household_id, person_id, bank_id, contract_no, amount,
                        rate_percent, lpr_percent, term_months, purpose_code, status, credit_grade, applied_on,
                        disbursed_on, maturity_on, principal_outstanding, status_as_of)
      select county_code, town_code, region_code, household_id, person_id,
             (${sql.val([...input.bankIds])}::bigint[])[1 + (rn % ${input.bankIds.length})],
             case when rn % 10 < 8 then 'DEMO-' || to_char(rn, 'FM0000') end,
             (array[30000, 50000, 20000, 40000, 60000, 10000])[1 + (rn % 6)],
             (array[3.45, 3.65, 3.85])[1 + (rn % 3)], 3.85, 36,
             (array['种植', '养殖', '加工', '庭院经济', '商贸流通'])[1 + (rn % 5)],
             case rn % 10 when 8 then 'applied' when 9 then 'endorsed' else 'normal' end,
             case when rn % 10 < 8 then 'AA' end,
             ${input.today}::date - (60 + (rn * 137) % 1000)::int,
             case when rn % 10 < 8 then ${input.today}::date - (30 + (rn * 137) % 1000)::int end,
             case when rn % 10 < 8 then (${input.today}::date - (30 + (rn * 137) % 1000)::int + interval '36 months')::date end,
             case when rn % 10 < 8 then (array[30000, 50000, 20000, 40000, 60000, 10000])[1 + (rn % 6)] else 0 end,
             ${input.today}::date
      from heads
      returning id, disbursed_on, amount
    ), repaid as (
      insert into loan_repayment (loan_id, county_code, paid_on, principal, interest)
      select l.id, l.county_code, m::date,
             case when extract(month from m) = 12 then round(l.amount * 0.1, 2) else 0 end,
             round(l.amount * l.rate_percent / 1200, 2)
      from made join loan l on l.id = made.id
      cross join lateral generate_series(made.disbursed_on + interval '1 month', ${input.today}::date, interval '1 month') m
      where made.disbursed_on is not null
      returning loan_id
    )
    select count(*)::int as n from made`.execute(db);
  await sql`
    update loan l set principal_outstanding = greatest(l.amount - r.principal, 0)
    from (select loan_id, sum(principal) as principal from loan_repayment group by loan_id) r
    where r.loan_id = l.id and l.contract_no like 'DEMO-%' and l.status = 'normal'`.execute(db);
  // A few loans fall behind: overdue (20 days) and non-performing (120 days), with their DPD moves.
  await sql`
    with behind as (
      select id, county_code, case when id % 13 = 0 then 120 else 20 end as dpd
      from loan where contract_no like 'DEMO-%' and status = 'normal' and (id % 7 = 0 or id % 13 = 0)
    ), hist as (
      insert into loan_dpd_history (loan_id, county_code, from_on, days_past_due, bucket)
      select id, county_code, ${input.today}::date - dpd + 1, 1, 'dpd_1_30' from behind
      union all
      select id, county_code, ${input.today}::date, dpd, ${bucketOf(sql`dpd`)} from behind where dpd > 30
      returning 1
    )
    update loan l set days_past_due = b.dpd, dpd_bucket = ${bucketOf(sql`b.dpd`)}, status = ${statusOf(sql`b.dpd`)}
    from behind b where b.id = l.id`.execute(db);
  await sql`
    insert into loan_event (loan_id, county_code, action, from_status, to_status, on_date, amount, actor_id, actor_name)
    select id, county_code, 'apply', null::text, 'applied', applied_on, amount, null::integer, '演示数据' from loan
    where contract_no like 'DEMO-%' or (contract_no is null and status in ('applied', 'endorsed'))
    union all
    select id, county_code, 'disburse', 'approved', 'normal', disbursed_on, amount, null::integer, '演示数据' from loan
    where contract_no like 'DEMO-%'`.execute(db);
  await sql`
    insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on, ends_on, amount,
                                    provider, note, source_kind, source_id)
    select c.id, l.household_id, l.county_code, 'finance', '小额信贷 ' || l.amount || ' 元', l.disbursed_on,
           l.maturity_on, l.amount, b.name, '合同编号 ' || l.contract_no, 'loan', l.id
    from loan l join bank b on b.id = l.bank_id
    join monitoring_case c on c.household_id = l.household_id
      and c.stage in ('monitored', 'safety_net', 'announcement')
    where l.contract_no like 'DEMO-%'
    on conflict do nothing`.execute(db);
  return inserted.rows[0]?.n ?? 0;
}
