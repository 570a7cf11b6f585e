/**
 * The department-feed scenario of `npm run bench`: a 医保 feed of up to a million rows (most of them
 * people in the registry, some strangers) taken through the product (parse, normalise, hash, stage,
 * match, rules, alerts, audit), beside the plain-SQL way of doing the same matching and alerting: the
 * same ID hashes and amounts COPYed into a table and one INSERT … SELECT joined to person and household.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Secrets } from '../server/adapters/secrets.js';
import type { Database } from '../server/db/database.js';
import type { Actor } from '../server/services/actor.js';
import { systemActor } from '../server/services/actor.js';
import type { createServices } from '../server/services/index.js';
import { addDays } from '../shared/calendar.js';
import { clock } from '../shared/clock.js';
import { checkCharacter } from '../shared/id-number.js';

export interface BenchResult {
  what: string;
  shoudi: string;
  plain: string;
  ratio: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchDepartmentFeed(options: {
  services: ReturnType<typeof createServices>;
  database: Database;
  secrets: Secrets;
  pool: pg.Pool;
  rows: number;
}): Promise<BenchResult[]> {
  const { services, database, secrets, pool } = options;
  const known = Math.round(options.rows * 0.9);
  const people = await database.db.selectFrom('person').select(['id_enc', 'name']).limit(known).execute();
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Out-of-pocket spending: most small, about one in eight above 20,000 元.
  const amount = () => Math.round(random() ** 8 * 60000);
  const lines = ['姓名,身份证号,个人自付金额（元）,结算日期'];
  const plainRows: string[] = [];
  const [, prepareMs] = await time(async () => {
    for (const p of people) {
      const id = secrets.decrypt(p.id_enc);
      const a = amount();
      lines.push(`${p.name},${id},${a},2026-11-10`);
      plainRows.push(`${secrets.hash(id)},${a}`);
    }
    for (let i = people.length; i < options.rows; i++) {
      // Strangers born in 1990 in 北京东城 (never generated for Nanyang): 336,000 distinct numbers.
      const d = Math.floor(i / 1000);
      const month = String(1 + (d % 12)).padStart(2, '0');
      const day = String(1 + (Math.floor(d / 12) % 28)).padStart(2, '0');
      const first17 = `1101011990${month}${day}${String(i % 1000).padStart(3, '0')}`;
      const id = `${first17}${checkCharacter(first17)}`;
      const a = amount();
      lines.push(`外地人${i},${id},${a},2026-11-10`);
      plainRows.push(`${secrets.hash(id)},${a}`);
    }
  });
  const file = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  console.log(
    `feed: ${options.rows.toLocaleString()} rows (${people.length.toLocaleString()} registered) prepared in ${seconds(prepareMs)}, ${(file.length / 1e6).toFixed(1)} MB`,
  );

  const user = await services.users.create(systemActor('bench'), {
    username: `bench_yibao_${Date.now()}`,
    displayName: '医保数据员',
    password: 'bench-password-1',
    role: 'department',
    department: '医保',
    regionCode: '411300000000',
  });
  const actor: Actor = {
    ...systemActor(user.username),
    userId: user.id,
    role: 'department',
    department: '医保',
    regionCode: '411300000000',
    regionLevel: 'city',
    scope: ['4113'],
  };
  const [result, oursMs] = await time(() =>
    services.departmentFeeds.submit(actor, {
      feedType: 'medical',
      period: '2026-11',
      filename: 'bench.csv',
      skipBadRows: true,
      file,
    }),
  );
  console.log(
    `shoudi feed: ${result.acceptedRows} rows, ${result.matchedRows} matched, ${result.unmatchedRows} unmatched, ${result.alertsCreated} alerts in ${seconds(oursMs)}`,
  );
  const [again, againMs] = await time(() =>
    services.departmentFeeds.submit(actor, {
      feedType: 'medical',
      period: '2026-11',
      skipBadRows: true,
      file,
    }),
  );
  console.log(`re-upload of the same file: duplicate=${again.duplicate} in ${seconds(againMs)}`);

  // Plain SQL: the hashes and amounts (already computed) COPYed in, then one statement writing the alerts.
  await pool.query('create table plain_alert (like alert including all)');
  const client = await pool.connect();
  let plainMs = 0;
  let plainAlerts = 0;
  try {
    await client.query('begin');
    await client.query('set local jit = off');
    const start = performance.now();
    await client.query('create temp table plain_feed (id_hash text, amount numeric(12, 2)) on commit drop');
    await pipeline(
      Readable.from(plainRows.map((r) => `${r}\n`)),
      client.query(copyFrom('COPY plain_feed FROM STDIN WITH (FORMAT csv)')),
    );
    const inserted = await client.query(
      `insert into plain_alert (feed_id, feed_row_id, department, feed_type, period, rule_code, rule_version,
                                household_id, person_id, county_code, town_code, region_code, facts, due_on)
       select $1, 0, '医保', 'medical', '2026-11', 'medical_out_of_pocket', 1, h.id, p.id, h.county_code,
              h.town_code, h.region_code, jsonb_build_object('amount', f.amount), $2::date
       from plain_feed f join person p on p.id_hash = f.id_hash join household h on h.id = p.household_id
       where f.amount > 20000`,
      [result.feedId, addDays(clock().today(), 7)],
    );
    plainMs = performance.now() - start;
    plainAlerts = inserted.rowCount ?? 0;
    await client.query('commit');
  } finally {
    client.release();
  }
  await pool.query('drop table plain_alert');
  console.log(`plain SQL: ${plainAlerts} alerts in ${seconds(plainMs)}`);
  return [
    {
      what: `医保 feed of ${options.rows.toLocaleString()} rows matched against ${(await countPersons(database)).toLocaleString()} persons, rules, alerts (hashing included on our side)`,
      shoudi: `${seconds(oursMs)} → ${result.alertsCreated} alerts (${result.matchedRows} matched)`,
      plain: `${seconds(plainMs)} → ${plainAlerts} alerts (COPY of precomputed hashes + one INSERT … SELECT)`,
      ratio: `${(oursMs / plainMs).toFixed(2)}× plain time`,
    },
    {
      what: 'the same file again (idempotent re-upload)',
      shoudi: `${seconds(againMs)}, duplicate=${again.duplicate}`,
      plain: '—',
      ratio: '—',
    },
  ];
}

async function countPersons(database: Database) {
  const row = await database.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}
