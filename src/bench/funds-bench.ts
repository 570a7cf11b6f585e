import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { systemActor } from '../server/services/actor.js';
import type { Services } from '../server/services/index.js';
import type { BenchResult } from './cases.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/**
 * Connection funds at city scale (issue #14): a year of 20,000 projects, 60,000 allocation lines to them
 * and 500,000 payments in the 15 counties; then the monthly bulletin read from the summary beside one
 * plain statement over the payments, and an Excel import of 100,000 payments beside a bare INSERT of the
 * same rows. The data is generated in SQL (like a COPY): the point is the bulletin and the import.
 */
export async function benchFunds(
  pool: pg.Pool,
  services: Services,
  sizes = { projects: 20_000, lines: 60_000, payments: 500_000, imported: 100_000 },
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const year = 2026;
  await pool.query(
    'truncate fund_payment, fund_line, fund_bulletin, fund_month_summary, project_event, project_funding, project_beneficiary, public_notice cascade',
  );
  await pool.query('delete from project; delete from fund_allocation;');
  const [, setupMs] = await timed(async () => {
    await pool.query(
      `with v as (select array_agg(code order by code) as codes, count(*)::int as n from region where level = 'village')
       insert into project (county_code, region_code, level, year, name, category_l1, category_l2, is_industry, nature,
                            estimated_investment, implementing_unit, stage)
       select left(v.codes[1 + g % v.n], 6) || '000000', v.codes[1 + g % v.n], 'village', ${year}, '项目' || g,
              case when g % 10 < 6 then '产业发展' else '乡村建设' end, case when g % 10 < 6 then '生产' else '农村基础设施' end,
              g % 10 < 6, '新建', 2000000, '某镇人民政府', 'started'
       from generate_series(1, $1::int) g, v`,
      [sizes.projects],
    );
    // 20 allocations per county: 4 sources × 5 batches, received January to May.
    await pool.query(
      `insert into fund_allocation (county_code, doc_number, source_code, year, batch, amount, received_on)
       select c.code, '豫财农〔${year}〕' || c.code || '-' || s.code || '-' || b, s.code, ${year}, b, 100000000, make_date(${year}, b, 10)
       from region c, (values ('central'), ('provincial'), ('city'), ('county')) s(code), generate_series(1, 5) b
       where c.level = 'county'`,
    );
    // Three lines per project, to three different allocations of its county.
    await pool.query(
      `with a as (select id, county_code, row_number() over (partition by county_code order by id) - 1 as k from fund_allocation),
            p as (select id, county_code, row_number() over (order by id) as n from project)
       insert into fund_line (county_code, allocation_id, project_id, amount, allocated_on)
       select p.county_code, a.id, p.id, 600000, make_date(${year}, 6, 1)
       from p cross join generate_series(0, 2) j
       join a on a.county_code = p.county_code and a.k = (p.n + j * 7) % 20
       where p.n * 3 + j <= $1::int + 2`,
      [sizes.lines],
    );
    await pool.query(
      // The line count is a scalar so the join is a hash join on k (not a nested loop over both sides).
      `with n as (select count(*)::int as n from fund_line),
            l as (select id, project_id, county_code, (row_number() over (order by id) - 1)::int as k from fund_line)
       insert into fund_payment (county_code, fund_line_id, project_id, paid_on, amount, voucher)
       select l.county_code, l.id, l.project_id, make_date(${year}, 1 + (s.g % 10), 1 + (s.g % 27)), 100 + (s.g % 5000) / 100.0, 'PZ' || s.g
       from (select g, g % n.n as k from generate_series(0, $1::int - 1) g, n) s join l on l.k = s.k`,
      [sizes.payments],
    );
    // What every write would have kept: line, project and month-summary totals.
    await pool.query(
      `update fund_line l set paid_total = x.s from (select fund_line_id, sum(amount) s from fund_payment group by 1) x where l.id = x.fund_line_id`,
    );
    await pool.query(`update project p set allocated_total = x.a, first_allocated_on = x.f from
      (select project_id, sum(amount) a, min(allocated_on) f from fund_line group by 1) x where p.id = x.project_id`);
    await pool.query(`update project p set paid_total = x.s, last_paid_on = x.m from
      (select project_id, sum(amount) s, max(paid_on) m from fund_payment group by 1) x where p.id = x.project_id`);
    await pool.query(`insert into fund_month_summary (county_code, source_code, fund_year, month, received, allocated, allocated_industry, paid)
      select county_code, source_code, fund_year, month, sum(r), sum(al), sum(ai), sum(pd) from (
        select county_code, source_code, year fund_year, to_char(received_on, 'YYYY-MM') month, amount r, 0 al, 0 ai, 0 pd from fund_allocation
        union all
        select l.county_code, a.source_code, a.year, to_char(l.allocated_on, 'YYYY-MM'), 0, l.amount, case when p.is_industry then l.amount else 0 end, 0
        from fund_line l join fund_allocation a on a.id = l.allocation_id join project p on p.id = l.project_id
        union all
        select f.county_code, a.source_code, a.year, to_char(f.paid_on, 'YYYY-MM'), 0, 0, 0, f.amount
        from fund_payment f join fund_line l on l.id = f.fund_line_id join fund_allocation a on a.id = l.allocation_id
      ) x group by 1, 2, 3, 4`);
    await pool.query(
      'analyze project; analyze fund_allocation; analyze fund_line; analyze fund_payment; analyze fund_month_summary',
    );
  });
  const counts = (
    await pool.query(
      'select (select count(*) from project) p, (select count(*) from fund_line) l, (select count(*) from fund_payment) f',
    )
  ).rows[0];
  console.log(
    `funds: ${counts.p} projects, ${counts.l} lines, ${counts.f} payments generated in ${seconds(setupMs)}`,
  );

  // The monthly bulletin for October: the product from the summary (plus the stalled-project query), beside one
  // plain statement computing received, paid and industry share per county from the base tables.
  await services.funds.bulletin(`${year}-10`);
  const runs: number[] = [];
  let totals = '';
  for (let i = 0; i < 5; i++) {
    const [b, ms] = await timed(() => services.funds.bulletin(`${year}-10`));
    runs.push(ms);
    totals = b.totals.paid;
  }
  const plainSql = `
    with r as (select county_code, sum(amount) received from fund_allocation where year = ${year} and received_on <= '${year}-10-31' group by 1),
         l as (select l.county_code, sum(l.amount) allocated, sum(l.amount) filter (where p.is_industry) industry
               from fund_line l join fund_allocation a on a.id = l.allocation_id join project p on p.id = l.project_id
               where a.year = ${year} and l.allocated_on <= '${year}-10-31' group by 1),
         f as (select f.county_code, sum(f.amount) paid from fund_payment f join fund_line l on l.id = f.fund_line_id
               join fund_allocation a on a.id = l.allocation_id where a.year = ${year} and f.paid_on <= '${year}-10-31' group by 1)
    select c.code, r.received, f.paid, l.industry / nullif(l.allocated, 0) share, f.paid / nullif(r.received, 0) rate
    from region c left join r on r.county_code = c.code left join l on l.county_code = c.code left join f on f.county_code = c.code
    where c.level = 'county' order by rate desc nulls last`;
  await pool.query(plainSql);
  const plainRuns: number[] = [];
  let plainPaid = 0n;
  for (let i = 0; i < 5; i++) {
    const [r, ms] = await timed(() => pool.query(plainSql));
    plainRuns.push(ms);
    plainPaid = r.rows.reduce(
      (n: bigint, x: { paid: string | null }) => n + BigInt((x.paid ?? '0').replace('.', '')),
      0n,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`bulletin paid ${totals}, plain SQL paid ${plainPaid} cents`);
  results.push({
    what: `monthly fund bulletin, 15 counties (${counts.f} payments), median of 5`,
    shoudi: msText(median(runs)),
    plain: msText(median(plainRuns)),
    ratio: `${(median(runs) / median(plainRuns)).toFixed(2)}×`,
  });

  // Import 100,000 payments from an Excel workbook (the service parses and checks the file, then one set-based
  // transaction), beside a bare INSERT … SELECT of the same rows from arrays.
  const lines = (
    await pool.query(
      `select l.project_id, a.doc_number from fund_line l join fund_allocation a on a.id = l.allocation_id order by l.id limit 20000`,
    )
  ).rows as Array<{ project_id: string; doc_number: string }>;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('支付');
  sheet.addRow(['项目编号', '下达文号', '支付日期', '支付金额', '凭证号']);
  const rows: Array<[number, string, string, string, string]> = [];
  for (let i = 0; i < sizes.imported; i++) {
    const line = lines[i % lines.length];
    if (!line) {
      break;
    }
    const row: [number, string, string, string, string] = [
      Number(line.project_id),
      line.doc_number,
      `${year}-11-0${1 + (i % 9)}`,
      `${10 + (i % 90)}.25`,
      `IMP${i}`,
    ];
    rows.push(row);
    sheet.addRow(row);
  }
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const [imported, importMs] = await timed(() =>
    services.funds.importPayments(systemActor('bench'), file, { skipBadRows: false, dryRun: false }),
  );
  console.log(
    `import: ${imported.imported} payments, ${imported.total} 元, ${imported.problems.length} problems`,
  );
  const [, plainImportMs] = await timed(async () => {
    await pool.query(
      `insert into fund_payment (county_code, fund_line_id, project_id, paid_on, amount, voucher)
       select l.county_code, l.id, l.project_id, s.paid_on, s.amount, s.voucher
       from unnest($1::bigint[], $2::text[], $3::date[], $4::numeric[], $5::text[]) s(project_id, doc_number, paid_on, amount, voucher)
       join fund_allocation a on a.doc_number = s.doc_number
       join fund_line l on l.allocation_id = a.id and l.project_id = s.project_id`,
      [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
        rows.map((r) => r[4]),
      ],
    );
  });
  results.push({
    what: `payment import from Excel, ${imported.imported} rows (parse, check, insert, totals)`,
    shoudi: seconds(importMs),
    plain: seconds(plainImportMs),
    ratio: `${(importMs / plainImportMs).toFixed(2)}× (plain: insert only)`,
  });
  return results;
}
