/**
 * The work-monitoring scenario of `npm run bench -- --employment`: each figure beside the plain-SQL way of doing
 * the same work in the same run.
 *   import    a 人社 work file of --work-rows rows (default 200,000) through the product (parse, normalise, hash,
 *             stage, match, upsert, per-row feedback, measures, audit)  vs  COPY of the same hashes + one INSERT … SELECT
 *   snapshots the 12 monthly summary rows (every figure of month_figure, workers included) for up to 300,000
 *             workers  vs  one GROUP BY per month counting the same workers per village
 *   scale     the city's employment scale read from the summary (service)  vs  the same count straight from work_record
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Secrets } from '../server/adapters/secrets.js';
import type { Database } from '../server/db/database.js';
import { systemActor } from '../server/services/actor.js';
import type { createServices } from '../server/services/index.js';
import type { BenchResult } from './feed-bench.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function benchEmployment(options: {
  services: ReturnType<typeof createServices>;
  database: Database;
  secrets: Secrets;
  pool: pg.Pool;
  rows: number;
  workers: number;
  year: number;
}): Promise<BenchResult[]> {
  const { services, database, secrets, pool, year } = options;
  const results: BenchResult[] = [];
  const people = await database.db
    .selectFrom('person')
    .innerJoin('household', 'household.id', 'person.household_id')
    .select(['person.id_enc', 'person.name'])
    .where('household.household_type', 'in', ['exited_poverty', 'monitored'])
    .orderBy('person.id')
    .limit(options.rows)
    .execute();
  const provinces = [
    '河南省,南阳市,宛城区',
    '河南省,郑州市,金水区',
    '广东省,深圳市,宝安区',
    '浙江省,宁波市,北仑区',
  ];
  const lines = [
    '姓名,身份证号,就业人员类别,务工开始年月,务工省,务工市,务工县,务工月收入,就业渠道,务工企业名称,是否点对点输送',
  ];
  const plain: string[] = [];
  people.forEach((p, i) => {
    const id = secrets.decrypt(p.id_enc);
    const start = `${year}-${String(1 + (i % 6)).padStart(2, '0')}`;
    lines.push(
      `${p.name},${id},其他形式务工就业人员,${start},${provinces[i % 4]},${2000 + (i % 30) * 100},市场化就业,某企业,否`,
    );
    plain.push(`${secrets.hash(id)}\t${start}-01\t${2000 + (i % 30) * 100}`);
  });
  const file = Buffer.from(lines.join('\n'), 'utf8');
  console.log(`employment: importing a work file of ${people.length.toLocaleString()} rows`);
  const [imported, importMs] = await time(() =>
    services.workImport.submit(systemActor('bench'), { file, filename: 'bench.csv', skipBadRows: false }),
  );
  const client = await pool.connect();
  let plainImportMs = 0;
  try {
    await client.query(
      'create temp table plain_work (id_hash text, start_month date, income numeric(14, 2))',
    );
    await client.query(
      'create temp table plain_record (person_id bigint, household_id bigint, start_month date, income numeric(14, 2))',
    );
    [, plainImportMs] = await time(async () => {
      await pipeline(
        Readable.from(`${plain.join('\n')}\n`),
        client.query(copyFrom('copy plain_work from stdin')),
      );
      await client.query(`insert into plain_record select p.id, p.household_id, s.start_month, s.income
                          from plain_work s join person p on p.id_hash = s.id_hash`);
    });
  } finally {
    client.release();
  }
  results.push({
    what: `work file import, ${people.length.toLocaleString()} rows (${imported.matchedRows.toLocaleString()} matched)`,
    shoudi: seconds(importMs),
    plain: seconds(plainImportMs),
    ratio: (importMs / plainImportMs).toFixed(1),
  });

  // Up to `workers` workers in all: the imported ones plus records straight into the table (setup, not timed).
  await pool.query(
    `insert into work_record (person_id, household_id, county_code, category, start_month, place, monthly_income, source)
     select p.id, p.household_id, p.county_code, 'other', make_date($2, 1 + (p.id % 12)::int, 1),
            (array['county', 'city', 'province', 'outside'])[1 + (p.id % 4)::int], 2500, 'clerk'
     from person p join household h on h.id = p.household_id
     where h.household_type in ('exited_poverty', 'monitored')
       and not exists (select 1 from work_record w where w.person_id = p.id)
     order by p.id limit greatest($1 - (select count(*) from work_record), 0)`,
    [options.workers, year],
  );
  const workers = Number(
    (await pool.query('select count(distinct person_id) as n from work_record')).rows[0].n,
  );
  console.log(`employment: ${workers.toLocaleString()} workers; 12 monthly snapshots`);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const [, snapshotsMs] = await time(async () => {
    for (const month of months) {
      await services.reports.refresh(month);
    }
  });
  const [, plainSnapshotsMs] = await time(async () => {
    for (const month of months) {
      await pool.query(
        `select h.region_code, count(*) from (
           select w.person_id, min(w.household_id) as household_id
           from work_record w where w.start_month <= $1::date and (w.end_month is null or w.end_month >= date_trunc('year', $1::date))
           group by w.person_id) x
         join household h on h.id = x.household_id
         where h.household_type in ('exited_poverty', 'monitored') group by 1`,
        [`${month}-01`],
      );
    }
  });
  results.push({
    what: `12 monthly snapshots (all summary figures), ${workers.toLocaleString()} workers`,
    shoudi: seconds(snapshotsMs),
    plain: `${seconds(plainSnapshotsMs)} (workers only)`,
    ratio: (snapshotsMs / plainSnapshotsMs).toFixed(1),
  });

  const city = systemActor('bench');
  const [scale, scaleMs] = await time(() => services.employment.scale(city, { month: `${year}-12` }));
  const [, plainScaleMs] = await time(() =>
    pool.query(
      `select h.county_code, count(distinct w.person_id) from work_record w join household h on h.id = w.household_id
       where h.household_type in ('exited_poverty', 'monitored') and w.start_month <= $1::date group by 1`,
      [`${year}-12-01`],
    ),
  );
  results.push({
    what: `city employment scale by county (${scale.total.workers.toLocaleString()} workers), from the summary`,
    shoudi: millis(scaleMs),
    plain: `${millis(plainScaleMs)} (count from work_record)`,
    ratio: (scaleMs / plainScaleMs).toFixed(2),
  });
  return results;
}
