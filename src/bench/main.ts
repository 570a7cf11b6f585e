/**
 * `npm run bench` — the registry at city scale on PostgreSQL, each figure beside the best plain-SQL
 * way of doing the same work in the same run:
 *   load      the product's generator + bulk loader  vs  raw COPY of the same rows into same-schema tables
 *   screening one screening run (service)             vs  one hand-written statement applying the same rules
 *   search    household search / detail over HTTP, 50 concurrent clients  vs  the same SQL over a 50-connection pool
 *   feeds     a 医保 feed of --feed-rows rows (default 1,000,000) matched, evaluated and alerted  vs  COPY + one INSERT … SELECT
 *   --cases   instead of search: the monthly cycle, the data-quality rules and the city dashboard over every 监测户
 *   --reuse --feeds   only the feed scenario, on the population of an earlier run
 *   --employment      instead of search: a 人社 work file of --work-rows rows (default 200,000), 12 monthly snapshots
 *                     of --workers workers (default 300,000) and the city's employment scale (employment-bench.ts)
 *   --funds   only connection funds: 20,000 projects, 60,000 lines, 500,000 payments; the monthly bulletin
 *             from the summary vs one plain statement, and an Excel import of 100,000 payments vs a bare INSERT
 *   --credit  instead of search: 100,000 loans (--loans N) with 3 years of monthly repayments, a bank file of one row
 *             per loan, the 贴息台账 of a quarter and the NPL breakers (use --feed-rows 0 to skip the feeds)
 * Options: --households N (default 1,700,000), --url postgresql://… (default: local socket), --db NAME (default shoudi_bench).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createSecrets } from '../server/adapters/secrets.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { incomeWindow } from '../server/domain/income.js';
import { DEFAULT_SCREENING_RULES } from '../server/domain/screening-rules.js';
import {
  generatePopulation,
  HOUSEHOLD_COLUMNS,
  INCOME_COLUMNS,
  PERSON_COLUMNS,
  type PopulationBatch,
} from '../server/population/generator.js';
import { systemActor } from '../server/services/actor.js';
import { createServices } from '../server/services/index.js';
import { benchCases } from './cases.js';
import { benchCredit } from './credit-bench.js';
import { benchEmployment } from './employment-bench.js';
import { benchDepartmentFeed } from './feed-bench.js';
import { benchFunds } from './funds-bench.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const HOUSEHOLDS = Number(arg('--households') ?? 1_700_000);
/** Reuse the population of an earlier run (skips load and screening; runs only the search figures). */
const REUSE = args.includes('--reuse');
/** Run the cases figures (monthly cycle, data-quality rules) instead of search and detail. */
const CASES = args.includes('--cases');
/** Run only the connection-funds scenario (needs the regions, not the population). */
const FUNDS = args.includes('--funds');
/** Run the microcredit figures instead of search and detail. */
const CREDIT = args.includes('--credit');
const DATE = '2026-11-15';
const BENCH_DB = arg('--db') ?? 'shoudi_bench';
/** Rows of the department-feed scenario (0 skips it). */
const FEED_ROWS = Number(arg('--feed-rows') ?? 1_000_000);
const adminUrl =
  arg('--url') ??
  process.env.BENCH_DATABASE_URL ??
  `postgresql://${os.userInfo().username}@localhost/postgres?host=/var/run/postgresql`;
const benchUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
})();
/** Another division file to load over the real Nanyang divisions the product ships (reference/). */
const divisionsFile = arg('--divisions');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const results: Array<{ what: string; shoudi: string; plain: string; ratio: string }> = [];

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `worker` from `clients` concurrent loops for `durationMs`; latencies in ms. */
async function load(clients: number, durationMs: number, worker: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const i = n++;
        const start = performance.now();
        await worker(i);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return {
    count: latencies.length,
    perSecond: latencies.length / (durationMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  console.log(
    `Shoudi registry benchmark: ${HOUSEHOLDS.toLocaleString()} households on ${os.cpus().length} cores, ${new Date().toISOString()}`,
  );
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  console.log(`PostgreSQL: ${(await admin.query('show server_version')).rows[0].server_version}`);
  if (!REUSE) {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  }
  await admin.end();

  const database = await openDatabase({ kind: 'postgresql', url: benchUrl });
  await migrateToLatest(database.db);
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const secrets = createSecrets(Buffer.alloc(32, 3));
  const services = createServices(database, config, secrets);
  const pool = new pg.Pool({ connectionString: benchUrl, max: 50 });
  if (FUNDS) {
    await services.demoSeed.seedDemo(systemActor('bench'));
    results.push(...(await benchFunds(pool, services)));
    await pool.end();
    await database.close();
    printResults();
    return;
  }
  if (!REUSE) {
    await loadAndScreen(services, database, secrets, pool);
    if (FEED_ROWS > 0) {
      results.push(...(await benchDepartmentFeed({ services, database, secrets, pool, rows: FEED_ROWS })));
    }
  }

  if (REUSE && args.includes('--feeds')) {
    // The feed scenario alone, on the population of an earlier run.
    results.push(...(await benchDepartmentFeed({ services, database, secrets, pool, rows: FEED_ROWS })));
    await pool.end();
    await database.close();
    printResults();
    return;
  }

  if (args.includes('--employment')) {
    results.push(
      ...(await benchEmployment({
        services,
        database,
        secrets,
        pool,
        rows: Number(arg('--work-rows') ?? 200_000),
        workers: Number(arg('--workers') ?? 300_000),
        year: Number(DATE.slice(0, 4)),
      })),
    );
    await pool.end();
    await database.close();
    printResults();
    return;
  }
  if (CREDIT) {
    const loans = Number(arg('--loans') ?? 100_000);
    results.push(...(await benchCredit({ services, secrets, pool, loans, today: DATE })));
    await pool.end();
    await database.close();
    printResults();
    return;
  }

  if (CASES) {
    results.push(...(await benchCases(pool, services, DATE)));
    await pool.end();
    await database.close();
    printResults();
    return;
  }

  // 3. Search and detail over HTTP with 50 concurrent clients, against the same SQL over a 50-connection pool.
  const app = await buildApp({ config, services, databaseKind: 'postgresql', webDir: null, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_wancheng', password: config.demoPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const towns = (
    await pool.query(`select code from region where level = 'town' and code like '411302%'`)
  ).rows.map((x) => x.code as string);
  const ids = (
    await pool.query(`select id from household where region_code like '411302%' order by random() limit 5000`)
  ).rows.map((x) => Number(x.id));
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
  const searchUrl = (i: number) =>
    i % 3 === 0
      ? `/api/households?headName=${encodeURIComponent(surnames[i % surnames.length] ?? '王')}`
      : i % 3 === 1
        ? `/api/households?regionCode=${towns[i % towns.length]}&type=exited_poverty`
        : `/api/households?regionCode=${towns[i % towns.length]}&page=2`;
  const searchPaths = Array.from({ length: 3000 }, (_, i) => searchUrl(i));
  const detailPaths = ids.map((id) => `/api/households/${id}`);
  await httpLoad(address, cookie, searchPaths, 10, 2000);
  const httpSearch = await httpLoad(address, cookie, searchPaths, 50, 15_000);
  const httpDetail = await httpLoad(address, cookie, detailPaths, 50, 15_000);
  // The same page and capped total that the API returns, as two plain statements.
  const plainSearch = await load(50, 15_000, async (i) => {
    const town = towns[i % towns.length] ?? '';
    const [where, params, order, offset] =
      i % 3 === 0
        ? [
            "h.county_code = '411302000000' and h.head_name like $1",
            [`${surnames[i % surnames.length]}%`],
            'h.head_name, h.id',
            0,
          ]
        : [
            'h.region_code like $1 and ($2::text is null or h.household_type = $2)',
            [`${town.slice(0, 9)}%`, i % 3 === 1 ? 'exited_poverty' : null],
            'h.region_code, h.id',
            i % 3 === 2 ? 20 : 0,
          ];
    await Promise.all([
      pool.query(
        `select h.id, h.head_name, h.household_type, v.name from household h join region v on v.code = h.region_code
         where ${where} order by ${order} limit 20 offset ${offset}`,
        params,
      ),
      pool.query(`select count(*) from (select 1 from household h where ${where} limit 10001) c`, params),
    ]);
  });
  const plainDetail = await load(50, 15_000, async (i) => {
    const id = ids[i % ids.length];
    await Promise.all([
      pool.query('select * from household where id = $1', [id]),
      pool.query('select * from person where household_id = $1', [id]),
      pool.query('select * from income_item where household_id = $1', [id]),
    ]);
  });
  await app.close();
  const fmt = (x: { p50: number; p95: number; perSecond: number }) =>
    `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, ${x.perSecond.toFixed(0)}/s`;
  results.push({
    what: 'household search, 50 clients (HTTP)',
    shoudi: fmt(httpSearch),
    plain: fmt(plainSearch),
    ratio: `${(httpSearch.p95 / plainSearch.p95).toFixed(2)}× plain p95`,
  });
  results.push({
    what: 'household detail, 50 clients (HTTP)',
    shoudi: fmt(httpDetail),
    plain: fmt(plainDetail),
    ratio: `${(httpDetail.p95 / plainDetail.p95).toFixed(2)}× plain p95`,
  });

  await pool.end();
  await database.close();
  printResults();
}

function printResults() {
  console.log('\n| work | shoudi | plain SQL | ratio |\n|---|---|---|---|');
  for (const x of results) {
    console.log(`| ${x.what} | ${x.shoudi} | ${x.plain} | ${x.ratio} |`);
  }
}

async function loadAndScreen(
  services: ReturnType<typeof createServices>,
  database: Awaited<ReturnType<typeof openDatabase>>,
  secrets: ReturnType<typeof createSecrets>,
  pool: pg.Pool,
) {
  // The real divisions shipped with the product, found without being told where they are.
  await services.demoSeed.seedDemo(systemActor('bench'), { divisions: 'real' });
  if (divisionsFile) {
    await services.regionImport.importDivisions(
      systemActor('bench'),
      fs.readFileSync(divisionsFile, 'utf8'),
      divisionsFile,
    );
  }
  const villages = await database.db
    .selectFrom('region')
    .select(['code', 'parent_code', 'county_code'])
    .where('level', '=', 'village')
    .orderBy('code')
    .execute();
  console.log(`regions: ${villages.length} villages`);

  // 1. Load. The plain-SQL side gets the same rows, generated beforehand into files, COPYed into tables
  //    with the same columns, defaults, checks and indexes (LIKE … INCLUDING ALL).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoudi-bench-'));
  const files = {
    household: path.join(dir, 'h.csv'),
    person: path.join(dir, 'p.csv'),
    income_item: path.join(dir, 'i.csv'),
  };
  const [, generateMs] = await time(async () => {
    const out = {
      household: fs.openSync(files.household, 'w'),
      person: fs.openSync(files.person, 'w'),
      income_item: fs.openSync(files.income_item, 'w'),
    };
    for (const batch of generatePopulation({
      villages: villages.map((v) => ({
        code: v.code,
        townCode: v.parent_code ?? '',
        countyCode: v.county_code ?? '',
      })),
      households: HOUSEHOLDS,
      referenceDate: DATE,
      secrets,
    })) {
      fs.writeSync(out.household, `${batch.households.join('\n')}\n`);
      fs.writeSync(out.person, `${batch.persons.join('\n')}\n`);
      fs.writeSync(out.income_item, `${batch.incomes.join('\n')}\n`);
    }
    for (const fd of Object.values(out)) {
      fs.closeSync(fd);
    }
  });
  console.log(`generate (JS, incl. encrypting IDs and phones): ${seconds(generateMs)}`);

  // The product's load path (one transaction, COPY per batch, foreign keys validated set-based at the
  // end, sequences, ANALYZE, audit) fed with the same rows the raw COPY gets.
  async function* fromFiles(): AsyncGenerator<PopulationBatch> {
    for (const table of ['household', 'person', 'income_item'] as const) {
      let lines: string[] = [];
      for await (const line of readline.createInterface({ input: fs.createReadStream(files[table]) })) {
        if (line !== '') {
          lines.push(line);
        }
        if (lines.length === 50_000) {
          yield batchOf(table, lines);
          lines = [];
        }
      }
      if (lines.length > 0) {
        yield batchOf(table, lines);
      }
    }
  }
  const [loaded, oursMs] = await time(() =>
    services.population.loadPopulation(systemActor('bench'), fromFiles(), { total: HOUSEHOLDS }),
  );
  console.log(
    `shoudi load: ${loaded.households} households, ${loaded.persons} persons, ${loaded.incomeItems} income items in ${seconds(oursMs)}`,
  );

  for (const table of ['household', 'person', 'income_item']) {
    await pool.query(`create table raw_${table} (like ${table} including all)`);
  }
  const [, rawMs] = await time(async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      for (const [table, columns] of [
        ['household', HOUSEHOLD_COLUMNS],
        ['person', PERSON_COLUMNS],
        ['income_item', INCOME_COLUMNS],
      ] as const) {
        const stream = client.query(
          copyFrom(`COPY raw_${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(fs.createReadStream(files[table]), stream);
      }
      await client.query('commit');
    } finally {
      client.release();
    }
  });
  console.log(`raw COPY of the same rows: ${seconds(rawMs)}`);
  results.push({
    what: `load ${HOUSEHOLDS.toLocaleString()} households, ${loaded.persons.toLocaleString()} persons, ${loaded.incomeItems.toLocaleString()} income items (generated beforehand in ${seconds(generateMs)})`,
    shoudi: seconds(oursMs),
    plain: `${seconds(rawMs)} raw COPY into same-schema tables`,
    ratio: `${(rawMs / oursMs).toFixed(2)}× raw speed`,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  for (const table of ['household', 'person', 'income_item']) {
    await pool.query(`drop table raw_${table}`);
  }
  await pool.query('vacuum analyze');

  // 2. Screening: the service (run record, rules, line, upsert of leads) against one plain statement.
  const screenTimes: number[] = [];
  let lastRun = null as Awaited<ReturnType<typeof services.screening.run>> | null;
  for (let i = 0; i < 3; i++) {
    // Screening leads carry signals (lead_signal references lead).
    await pool.query('delete from lead_signal');
    await pool.query('delete from lead');
    const [run, ms] = await time(() => services.screening.run(systemActor('bench'), { date: DATE }));
    screenTimes.push(ms);
    lastRun = run;
  }
  const window = incomeWindow(DATE);
  const previous = incomeWindow(DATE, 12);
  const line = lastRun?.line ?? '8300.00';
  const r = DEFAULT_SCREENING_RULES;
  // The hand-written statement: the same rules, the same leads written (into a same-schema table).
  const mi = (d: string) => `(date_part('year', ${d})::int * 12 + date_part('month', ${d})::int)`;
  const amount = "(case when i.category = 'production_cost' then -i.amount else i.amount end)";
  const share = (ws: number, we: number) =>
    `round(${amount} * greatest(0, least(${mi('i.period_end')}, ${we}) - greatest(${mi('i.period_start')}, ${ws}) + 1) / (${mi('i.period_end')} - ${mi('i.period_start')} + 1), 2)`;
  const pc = 'round(coalesce(inc.cur, 0) / h.member_count, 2)';
  const ppc = 'round(coalesce(inc.prev, 0) / h.member_count, 2)';
  const plainScreen = `
    insert into plain_lead (household_id, county_code, region_code, source, reasons, found_on)
    select id, county_code, region_code, 'screening', to_jsonb(codes), '${DATE}'::date from (
      select h.id, h.county_code, h.region_code, array_remove(array[
        case when ${pc} < ${line} then 'income_below_line' end,
        case when ${pc} >= ${line} and ${pc} < ${line} * (1 + ${r.nearLine.marginPercent}::numeric / 100) then 'income_near_line' end,
        case when ${ppc} > 0 and ${pc} <= ${ppc} * (1 - ${r.sharpDrop.dropPercent}::numeric / 100) then 'income_drop' end,
        case when coalesce(mem.dropout, false) then 'guarantee_education' end,
        case when coalesce(mem.uninsured, false) then 'guarantee_medical' end,
        case when h.housing_grade in ('C', 'D', 'none') and not h.has_safe_house_elsewhere then 'guarantee_housing' end,
        case when h.water_quantity_ok is false or h.water_quality_ok is false or h.water_convenience_ok is false
                  or h.water_reliability_ok is false then 'guarantee_water' end,
        case when h.medical_out_of_pocket > ${r.medicalSpending.threshold}::numeric then 'medical_spending' end
      ]::text[], null) as codes
      from household h
      left join (
        select i.household_id, sum(${share(monthIdx(window.start), monthIdx(window.end))}) as cur,
               sum(${share(monthIdx(previous.start), monthIdx(previous.end))}) as prev
        from income_item i
        where i.is_counted and i.period_end >= '${previous.start}' and i.period_start <= '${window.end}'
        group by i.household_id) inc on inc.household_id = h.id
      left join (
        select household_id, bool_or(not medical_insured) as uninsured,
               bool_or(dropout_reason is not null and birth_date > '${DATE}'::date - interval '16 years'
                       and birth_date <= '${DATE}'::date - interval '6 years') as dropout
        from person group by household_id) mem on mem.household_id = h.id
      where h.member_count > 0
    ) flagged
    where cardinality(codes) > 0
    on conflict (household_id) where status = 'open' do update set reasons = excluded.reasons, updated_at = now()`;
  await pool.query('create table plain_lead (like lead including all)');
  const plainTimes: number[] = [];
  let plainFlagged = 0;
  for (let i = 0; i < 3; i++) {
    const client = await pool.connect();
    try {
      await client.query('truncate plain_lead');
      await client.query('set jit = off');
      const [result, ms] = await time(() => client.query(plainScreen));
      plainTimes.push(ms);
      plainFlagged = result.rowCount ?? 0;
    } finally {
      client.release();
    }
  }
  await pool.query('drop table plain_lead');
  const oursScreen = percentile(screenTimes, 50);
  const plainScreenMs = percentile(plainTimes, 50);
  console.log(
    `screening: shoudi ${seconds(oursScreen)} (${lastRun?.leadsCreated} leads), plain ${seconds(plainScreenMs)} (${plainFlagged} flagged)`,
  );
  results.push({
    what: `screening run over ${HOUSEHOLDS.toLocaleString()} households (median of 3)`,
    shoudi: `${seconds(oursScreen)} → ${lastRun?.leadsCreated} leads`,
    plain: `${seconds(plainScreenMs)} → ${plainFlagged} leads`,
    ratio: `${(oursScreen / plainScreenMs).toFixed(2)}× plain time`,
  });
}

/** Runs the HTTP clients in a separate process, so they do not compete with the server's event loop. */
function httpLoad(base: string, cookie: string, paths: string[], clients: number, durationMs: number) {
  return new Promise<{
    count: number;
    perSecond: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
  }>((resolve, reject) => {
    const script = fileURLToPath(new URL('./http-load.js', import.meta.url));
    const file = path.join(os.tmpdir(), `shoudi-load-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ base, cookie, paths, clients, durationMs }));
    execFile(process.execPath, [script, file], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) {
        reject(error);
        return;
      }
      const result = JSON.parse(stdout);
      if (result.errors > 0) {
        reject(new Error(`${result.errors} requests failed`));
        return;
      }
      resolve(result);
    });
  });
}

function batchOf(table: 'household' | 'person' | 'income_item', lines: string[]): PopulationBatch {
  return {
    households: table === 'household' ? lines : [],
    persons: table === 'person' ? lines : [],
    incomes: table === 'income_item' ? lines : [],
  };
}

function monthIdx(date: string) {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
