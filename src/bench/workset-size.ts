/**
 * `npm run build:server && node dist/bench/workset-size.js` — how many bytes a village's offline work set
 * costs on the wire. 500 generated households are moved into one village, each gets a visit (half with a
 * new risk, so half carry an open lead), and the village cadre's work set is read through the real app.
 * @fastify/compress is not installed, so the gzip figure is node:zlib at Fastify's default level (6), the
 * size a reverse proxy or the compress plugin would send. On in-memory PGlite: no server needed.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { createSecrets } from '../server/adapters/secrets.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { systemActor } from '../server/services/actor.js';
import { createServices } from '../server/services/index.js';
import { clock } from '../shared/clock.js';

const HOUSEHOLDS = Number(process.argv[2] ?? 500);
const VILLAGE = '411302102201';
const PASSWORD = 'bench-password';

const database = await openDatabase({ kind: 'pglite-memory' });
await migrateToLatest(database.db);
const config = { ...loadConfig({}), demoPassword: PASSWORD, logLevel: 'silent' as const };
const services = createServices(database, config, createSecrets(Buffer.alloc(32, 7)));
const seed = systemActor('bench');
const today = clock().today();
await services.demoSeed.seedDemo(seed, { divisions: 'generated' });
await services.population.seedHouseholds(seed, { households: HOUSEHOLDS, referenceDate: today });
await database.db
  .updateTable('household')
  .set({ region_code: VILLAGE, town_code: `${VILLAGE.slice(0, 9)}000`, county_code: '411302000000' })
  .execute();
await database.db.updateTable('person').set({ county_code: '411302000000' }).execute();
const ids = (await database.db.selectFrom('household').select('id').execute()).map((r) => r.id);
const app = await buildApp({ config, services, databaseKind: database.kind, webDir: null, logger: false });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'village_guanzhuang', password: PASSWORD },
});
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
/** Records a visit through the API, as the village cadre would. */
const visit = (householdId: number, i: number) =>
  app.inject({
    method: 'POST',
    url: '/api/visits',
    headers: { cookie },
    payload: {
      id: randomUUID(),
      householdId,
      visitedOn: today,
      incomeChanged: i % 2 === 0,
      incomeNote: i % 2 === 0 ? '务工收入减少，家中老人住院' : null,
      newRisks: i % 2 === 0 ? ['unstable_employment'] : [],
      note: '入户走访，了解两不愁三保障和饮水安全情况，户主在家。',
    },
  });
for (const [i, householdId] of ids.entries()) {
  const r = await visit(householdId, i);
  if (r.statusCode !== 201) {
    throw new Error(`visit: ${r.statusCode} ${r.body}`);
  }
}
// Age every timestamp by an hour, so the refresh below is not widened by the cursor overlap (5 minutes).
const hourAgo = sql<Date>`now() - interval '1 hour'`;
await database.db.updateTable('household').set({ updated_at: hourAgo }).execute();
await database.db.updateTable('person').set({ updated_at: hourAgo }).execute();
await database.db.updateTable('visit').set({ created_at: hourAgo }).execute();
await database.db.updateTable('lead').set({ updated_at: hourAgo }).execute();
await database.db.updateTable('visit_policy').set({ updated_at: hourAgo }).execute();
const started = performance.now();
const full = await app.inject({ method: 'GET', url: '/api/sync/workset', headers: { cookie } });
const fullMs = performance.now() - started;
const body = JSON.parse(full.body);
const cursor = body.cursor as string;
const oneVisit = await visit(ids[0] ?? 0, 1);
const refresh = await app.inject({
  method: 'GET',
  url: `/api/sync/workset?since=${encodeURIComponent(cursor)}`,
  headers: { cookie },
});
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  JSON.stringify(
    {
      households: body.households.length,
      members: body.households.reduce((n: number, h: { members: unknown[] }) => n + h.members.length, 0),
      openLeads: body.households.reduce(
        (n: number, h: { openLeads: unknown[] }) => n + h.openLeads.length,
        0,
      ),
      fullJson: kib(Buffer.byteLength(full.body)),
      fullGzip: kib(gzipSync(full.body, { level: 6 }).length),
      fullMs: Math.round(fullMs),
      refreshHouseholds: JSON.parse(refresh.body).households.length,
      refreshJson: kib(Buffer.byteLength(refresh.body)),
      refreshGzip: kib(gzipSync(refresh.body, { level: 6 }).length),
      visitCreated: oneVisit.statusCode === 201,
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
