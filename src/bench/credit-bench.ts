/**
 * The microcredit scenario of `npm run bench -- --credit`: 100,000 loans with three years of monthly repayments
 * (3.6 million rows), then through the product a bank file of one repayment per loan (100,000 rows) imported
 * set-based, the 贴息台账 of a quarter over every loan, and the township and village NPL breakers from the loans'
 * summary, each beside the plain-SQL way of doing the same work.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Secrets } from '../server/adapters/secrets.js';
import type { Actor } from '../server/services/actor.js';
import type { createServices } from '../server/services/index.js';
import { NPL_BREAKERS } from '../shared/credit.js';
import type { BenchResult } from './feed-bench.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function benchCredit(options: {
  services: ReturnType<typeof createServices>;
  secrets: Secrets;
  pool: pg.Pool;
  loans: number;
  today: string;
}): Promise<BenchResult[]> {
  const { services, secrets, pool, today } = options;
  const results: BenchResult[] = [];
  // One lending bank per county, and a bank user of the first (the file scenario imports as that bank).
  await pool.query(`insert into bank (county_code, name)
    select distinct county_code, '农商银行' from household on conflict do nothing`);
  const firstBank = (await pool.query('select id, county_code from bank order by id limit 1')).rows[0];
  // The loans: adults of the registry, lent three years ago, one contract each.
  const [, loadMs] = await time(async () => {
    await pool.query(
      `insert into loan (county_code, town_code, region_code, household_id, person_id, bank_id, contract_no, amount,
                         rate_percent, lpr_percent, term_months, purpose_code, status, applied_on, disbursed_on,
                         maturity_on, principal_outstanding)
       select h.county_code, h.town_code, h.region_code, h.id, p.id, $2, 'B-' || p.id, 50000, 3.45, 3.85, 36, '种植',
              'normal', $1::date - 1100, $1::date - 1095, $1::date - 1095 + interval '36 months', 50000
       from person p join household h on h.id = p.household_id
       where p.birth_date between $1::date - interval '65 years' and $1::date - interval '18 years'
       order by p.id limit $3`,
      [today, firstBank.id, options.loans],
    );
    await pool.query(
      `insert into loan_repayment (loan_id, county_code, paid_on, principal, interest)
       select l.id, l.county_code, (l.disbursed_on + m * interval '1 month')::date, 1000, 143.75
       from loan l cross join generate_series(1, 35) m`,
    );
    await pool.query(`update loan set principal_outstanding = 15000`);
    await pool.query('analyze loan; analyze loan_repayment');
  });
  const counts = (
    await pool.query(
      'select (select count(*) from loan)::int as loans, (select count(*) from loan_repayment)::int as repayments',
    )
  ).rows[0];
  results.push({
    what: `credit: load ${counts.loans.toLocaleString()} loans + ${counts.repayments.toLocaleString()} monthly repayments (plain SQL setup)`,
    shoudi: '—',
    plain: seconds(loadMs),
    ratio: '—',
  });

  // A bank file: this month's repayment of every loan of the first bank (one row each), some in arrears.
  const people = (
    await pool.query(
      `select p.name, p.id_enc, p.id_hash, l.contract_no, l.id % 50 = 0 as behind
       from loan l join person p on p.id = l.person_id order by l.id`,
    )
  ).rows as Array<{ name: string; id_enc: string; id_hash: string; contract_no: string; behind: boolean }>;
  const lines = ['姓名,身份证号,合同编号,还款日期,还款本金,还款利息,逾期天数'];
  for (const p of people) {
    lines.push(
      `${p.name},${secrets.decrypt(p.id_enc)},${p.contract_no},${today},1000.00,143.75,${p.behind ? 45 : 0}`,
    );
  }
  const file = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const bankUser = await pool.query(
    `insert into app_user (username, display_name, role, department, bank_id, region_code, county_code, password_hash)
     values ('bench_bank', '基准银行', 'department', '银行', $1, $2, $2, 'x') returning id`,
    [firstBank.id, firstBank.county_code],
  );
  const actor: Actor = {
    userId: bankUser.rows[0].id,
    username: 'bench_bank',
    displayName: '基准银行',
    role: 'department',
    department: '银行',
    regionCode: firstBank.county_code,
    regionName: '',
    regionLevel: 'county',
    scope: [firstBank.county_code.slice(0, 6)],
    ip: null,
    requestId: null,
  };
  const [imported, importMs] = await time(() =>
    services.credit.importBankFile(actor, { file, filename: 'bench.csv', skipBadRows: false }),
  );
  // Plain SQL: COPY the hashes and amounts, one INSERT … SELECT joined to person and loan, one UPDATE.
  const [, plainImportMs] = await time(async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(
        'create temp table plain_bank (id_hash text, contract_no text, principal numeric, interest numeric, dpd int) on commit drop',
      );
      const rows = people.map((p) => `${p.id_hash},${p.contract_no},1000.00,143.75,${p.behind ? 45 : 0}\n`);
      await pipeline(
        Readable.from(rows),
        client.query(copyFrom('copy plain_bank from stdin with (format csv)')),
      );
      await client.query(
        `insert into loan_repayment (loan_id, county_code, paid_on, principal, interest)
        select l.id, l.county_code, $1::date - 1, s.principal, s.interest
        from plain_bank s join person p on p.id_hash = s.id_hash join loan l on l.person_id = p.id and l.contract_no = s.contract_no`,
        [today],
      );
      await client.query(`update loan l set principal_outstanding = l.principal_outstanding - s.principal, days_past_due = s.dpd
        from plain_bank s join person p on p.id_hash = s.id_hash where l.person_id = p.id and l.contract_no = s.contract_no`);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });
  results.push({
    what: `credit: bank file of ${people.length.toLocaleString()} rows (${imported.status}, ${imported.repaymentsAdded.toLocaleString()} repayments)`,
    shoudi: seconds(importMs),
    plain: seconds(plainImportMs),
    ratio: `${(importMs / plainImportMs).toFixed(1)}×`,
  });

  // The 贴息台账 of the last full quarter over every loan, against summing the interest paid in the quarter.
  const year = Number(today.slice(0, 4));
  const [ledger, ledgerMs] = await time(() =>
    services.credit.subsidyLedger(
      { ...actor, role: 'county', department: null },
      { quarter: `${year - 1}Q4`, page: 1, pageSize: 20 },
    ),
  );
  const [, plainLedgerMs] = await time(() =>
    pool.query(
      `select loan_id, sum(interest) from loan_repayment where paid_on between $1 and $2 group by loan_id`,
      [`${year - 1}-10-01`, `${year - 1}-12-31`],
    ),
  );
  results.push({
    what: `credit: 贴息台账 ${ledger.quarter}, ${ledger.total.toLocaleString()} loans cut by repayment and epoch (vs. summing interest paid)`,
    shoudi: seconds(ledgerMs),
    plain: seconds(plainLedgerMs),
    ratio: `${(ledgerMs / plainLedgerMs).toFixed(1)}×`,
  });

  // NPL breakers for every township and village: from the loans' summary vs recomputed from the repayments.
  await pool.query(`update loan set status = 'npl', days_past_due = 120 where id % 23 = 0`);
  const [breakers, breakerMs] = await time(() =>
    services.credit.indicators({ ...actor, role: 'city', department: null, scope: ['41'] }, undefined),
  );
  const [, plainBreakerMs] = await time(() =>
    pool.query(
      `with bal as (
         select l.town_code, l.region_code, l.status, l.amount - coalesce(sum(r.principal), 0) as balance
         from loan l left join loan_repayment r on r.loan_id = l.id group by l.id)
       select region_code, sum(balance) filter (where status = 'npl') * 100 > $1::numeric * sum(balance) from bal group by region_code
       union all
       select town_code, sum(balance) filter (where status = 'npl') * 100 > $2::numeric * sum(balance) from bal group by town_code`,
      [NPL_BREAKERS.village, NPL_BREAKERS.town],
    ),
  );
  results.push({
    what: `credit: NPL breakers, ${breakers.items.length.toLocaleString()} townships and villages (summary vs from repayments)`,
    shoudi: seconds(breakerMs),
    plain: seconds(plainBreakerMs),
    ratio: `${(breakerMs / plainBreakerMs).toFixed(2)}×`,
  });
  return results;
}
