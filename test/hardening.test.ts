import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { departmentUser, id, PEOPLE, seedDonggang } from './helpers/department.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers/test-app.js';

/**
 * Issue #12: each finding of the attacker's and careless user's probes, as a test that failed before the fix.
 */
let t: TestApp;
let households: Record<'h1' | 'h2' | 'h3', number>;
let county: string;
beforeAll(async () => {
  t = await createTestApp();
  households = await seedDonggang(t);
  county = await t.login('county_wancheng');
}, 180_000);
afterAll(async () => {
  await t.close();
});

const expectErrorShape = (response: LightMyRequestResponse, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json()).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
};

const count = async (table: 'import_job' | 'lead' | 'household' | 'dept_feed' | 'person') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const importFile = (payload: Buffer, cookie = county) =>
  t.app.inject({
    method: 'POST',
    url: '/api/households/import?filename=x.csv',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload,
  });

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.alloc(300, 7),
]);
const HEADER =
  '县,乡,村,行政区划代码,户编号,户类型,姓名,证件号码,与户主关系,劳动技能,户联系电话,住房安全等级,家庭住址';

async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('户');
  sheet.addRow(HEADER.split(','));
  for (let i = 0; i < 50; i++) {
    sheet.addRow(['宛城区', '官庄镇', '东岗村', '411302102201', `X${i}`, '一般农户', `某${i}`, '', '户主']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('bad input never reaches 500', () => {
  it('a NUL byte in the head-name search or in a lead note is a 400, nothing written', async () => {
    const search = await t.app.inject({
      url: '/api/households?headName=%E5%BC%A0%00',
      headers: { cookie: county },
    });
    expectErrorShape(search, 400, 'VALIDATION');
    const leads = await count('lead');
    const note = await t.app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { cookie: county },
      payload: { householdId: households.h2, reasons: ['income_drop'], note: '收入\u0000下降' },
    });
    expectErrorShape(note, 400, 'VALIDATION');
    expect(note.json().details.issues[0].field).toBe('note');
    expect(await count('lead')).toBe(leads);
  });

  it('a PNG, random bytes, a corrupt or truncated .xlsx and a CSV with a stray quote are each a 400 saying why', async () => {
    const jobs = await count('import_job');
    const truncated = (await realXlsx()).subarray(0, 900);
    const corrupt = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 0x41)]);
    const random = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    const strayQuote = Buffer.from(
      `${HEADER}\n宛城区,官庄镇,东岗村,411302102201,Q1,一般农户,"王,${id('41130219900101123')},户主\n`,
    );
    for (const [file, pattern] of [
      [PNG, /不是 \.xlsx 或 \.csv/],
      [random, /不是 \.xlsx 或 \.csv/],
      [corrupt, /损坏或不完整/],
      [truncated, /损坏或不完整/],
      [strayQuote, /引号/],
    ] as const) {
      const response = await importFile(file);
      expectErrorShape(response, 400, 'VALIDATION');
      expect(response.json().message).toMatch(pattern);
    }
    const dibao = await departmentUser(t, '民政');
    const feed = await t.app.inject({
      method: 'POST',
      url: '/api/feeds/upload?feedType=dibao&filename=d.csv',
      headers: { cookie: dibao, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('姓名,身份证号,保障类别\n"张三,411302197001010010,城市低保\n'),
    });
    expectErrorShape(feed, 400, 'VALIDATION');
    expect(await count('import_job')).toBe(jobs);
  });

  it('a file with only a header row is refused ("no rows"), for the import and the feeds', async () => {
    const jobs = await count('import_job');
    const onlyHeader = await importFile(Buffer.from(`${HEADER}\n`));
    expectErrorShape(onlyHeader, 400, 'VALIDATION');
    expect(onlyHeader.json().details.reason).toBe('no_rows');
    expect(await count('import_job')).toBe(jobs);
    const feeds = await count('dept_feed');
    const yibao = await departmentUser(t, '医保');
    const feed = await t.app.inject({
      method: 'POST',
      url: '/api/feeds/upload?feedType=medical&filename=m.csv',
      headers: { cookie: yibao, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('姓名,身份证号,个人自付金额\n'),
    });
    expectErrorShape(feed, 400, 'VALIDATION');
    expect(await count('dept_feed')).toBe(feeds);
  });
});

describe('one set of field rules for the API and the import', () => {
  it('refuses a 300-character name and a 3,000-character address in an import, as the API does', async () => {
    const before = await count('person');
    const longName = '王'.repeat(300);
    const longAddress = '村'.repeat(3000);
    const response = await importFile(
      Buffer.from(
        `${HEADER}\n宛城区,官庄镇,东岗村,411302102201,L1,一般农户,${longName},${id('41130219900101123')},户主,普通劳动力,,B,${longAddress}\n`,
      ),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('refused');
    const reason = response
      .json()
      .problems.map((p: { reason: string }) => p.reason)
      .join('；');
    expect(reason).toMatch(/姓名超过 30 个字/);
    expect(reason).toMatch(/家庭住址超过 200 个字/);
    expect(await count('person')).toBe(before);
    const api = await t.app.inject({
      method: 'PATCH',
      url: `/api/households/${households.h1}`,
      headers: { cookie: county },
      payload: { version: 1, address: longAddress },
    });
    expectErrorShape(api, 400, 'VALIDATION');
  });
});

describe('Idempotency-Key', () => {
  it('the same key with a different body is refused with 422 naming the key; the same body is a duplicate', async () => {
    const yibao = await departmentUser(t, '医保');
    const push = (amount: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/feeds/push',
        headers: { cookie: yibao, 'idempotency-key': 'hardening-key-1' },
        payload: {
          feedType: 'medical',
          period: '2026-09',
          rows: [{ 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id, 个人自付金额: amount }],
        },
      });
    const first = await push('100');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().duplicate).toBe(false);
    const again = await push('100');
    expect(again.json()).toMatchObject({ duplicate: true, feedId: first.json().feedId });
    const other = await push('99999');
    expectErrorShape(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(other.json().message).toContain('hardening-key-1');
  });
});

describe('same-site request forgery', () => {
  const withSession = async () => t.login('county_wancheng');

  it('a form posted from another port of the same site cannot log the user out nor reveal an ID', async () => {
    const cookie = await withSession();
    const person = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('household_id', '=', households.h1)
      .executeTakeFirstOrThrow();
    const reveal = `/api/households/${households.h1}/members/${person.id}/reveal`;
    const forged = [
      { headers: { origin: 'http://localhost:5173' } },
      { headers: { 'sec-fetch-site': 'same-site' } },
      { headers: { 'content-type': 'text/plain' }, payload: 'x=1' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'x=1' },
    ];
    for (const request of forged) {
      for (const url of ['/api/auth/logout', reveal]) {
        const response = await t.app.inject({
          method: 'POST',
          url,
          ...request,
          headers: { cookie, ...request.headers },
        });
        expect([403, 415], `${url} ${JSON.stringify(request.headers)}`).toContain(response.statusCode);
        expect(response.json().code).toMatch(/FORBIDDEN|UNSUPPORTED_MEDIA_TYPE/);
      }
    }
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const reveals = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', 'like', '%reveal%')
      .where('entity_id', '=', String(person.id))
      .execute();
    expect(reveals).toHaveLength(0);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('nobody can lock anybody out (login policy)', () => {
  const login = (username: string, password: string, ip: string, device?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
      headers: device ? { cookie: device } : {},
    });
  const deviceOf = (response: LightMyRequestResponse) =>
    `shoudi_device=${response.cookies.find((c) => c.name === 'shoudi_device')?.value}`;

  it('failures from rotating addresses do not stop the right password from the user’s own device', async () => {
    const first = await login('town_guanzhuang', DEMO_PASSWORD, '10.20.0.1');
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first);
    const guesses = [];
    for (let i = 0; i < 12; i++) {
      guesses.push((await login('town_guanzhuang', 'wrong-guess', `10.21.0.${i + 1}`)).statusCode);
    }
    // Ten guesses are tried; after them the account's back-off answers before any password is checked.
    expect(guesses).toEqual([...Array(10).fill(401), 429, 429]);
    // From a new device the account is slowed down (a back-off that ends by itself)…
    const stranger = await login('town_guanzhuang', DEMO_PASSWORD, '10.22.0.1');
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // …but the user's own device passes.
    expect((await login('town_guanzhuang', DEMO_PASSWORD, '10.20.0.1', device)).statusCode).toBe(200);
  });

  it('thirty failures from one address do not lock out the other users behind it', async () => {
    const office = '10.30.0.1';
    const colleague = await login('zone_guanzhuang', DEMO_PASSWORD, office);
    expect(colleague.statusCode).toBe(200);
    for (let i = 0; i < 30; i++) {
      await login(`nobody_${i}`, 'wrong-guess', office);
    }
    expect((await login('zone_guanzhuang', DEMO_PASSWORD, office, deviceOf(colleague))).statusCode).toBe(200);
  });

  it('an administrator sees the slowed account and resets it; only in scope', async () => {
    const admin = await t.login('city_admin');
    const list = await t.app.inject({ url: '/api/auth/lockouts', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const entry = list.json().items.find((i: { username: string }) => i.username === 'town_guanzhuang');
    expect(entry).toMatchObject({ failures: 10, addresses: 10, slowedUntil: expect.any(String) });
    const wolong = await t.login('county_wolong');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/lockouts/reset',
      headers: { cookie: wolong },
      payload: { username: 'town_guanzhuang' },
    });
    expect(foreign.statusCode).toBe(404);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/lockouts/reset',
      headers: { cookie: admin },
      payload: { username: 'town_guanzhuang' },
    });
    expect(reset.json()).toEqual({ cleared: 10 });
    expect((await login('town_guanzhuang', DEMO_PASSWORD, '10.22.0.1')).statusCode).toBe(200);
  });
});

describe('draft bulletins', () => {
  it('a draft is visible only at the city level that writes it; an issued one to those it concerns', async () => {
    const city = await t.login('city_admin');
    const village = await t.login('village_guanzhuang');
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/bulletins',
      headers: { cookie: city },
      payload: { quarter: '2026Q3' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const bulletinId = draft.json().id as number;
    const listed = async (cookie: string) =>
      (await t.app.inject({ url: '/api/bulletins', headers: { cookie } }))
        .json()
        .map((b: { id: number }) => b.id);
    expect(await listed(city)).toContain(bulletinId);
    expect(await listed(village)).not.toContain(bulletinId);
    for (const url of [`/api/bulletins/${bulletinId}`, `/api/bulletins/${bulletinId}/docx`]) {
      expectErrorShape(await t.app.inject({ url, headers: { cookie: village } }), 404, 'NOT_FOUND');
      expectErrorShape(await t.app.inject({ url, headers: { cookie: county } }), 404, 'NOT_FOUND');
    }
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/bulletins/${bulletinId}/issue`,
      headers: { cookie: city },
      payload: { version: draft.json().version },
    });
    expect(issued.statusCode).toBe(200);
    expect(await listed(village)).toContain(bulletinId);
    expect(
      (await t.app.inject({ url: `/api/bulletins/${bulletinId}/docx`, headers: { cookie: village } }))
        .statusCode,
    ).toBe(200);
  });
});

describe('attachments', () => {
  it('reusing another region’s attachment id answers like any new id (no existence oracle)', async () => {
    const wolong = await t.login('county_wolong');
    const village = await t.database.db
      .selectFrom('region')
      .select('code')
      .where('level', '=', 'village')
      .where('code', 'like', '411303%')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie: wolong },
      payload: {
        regionCode: village.code,
        householdType: 'ordinary',
        head: { name: '卧龙户主', relation: '户主', idNumber: id('41130319700101003') },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 3)]).toString(
      'base64',
    );
    const upload = (cookie: string, householdId: number, attachmentId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        headers: { cookie },
        payload: {
          id: attachmentId,
          householdId,
          filename: 'a.jpg',
          mimeType: 'image/jpeg',
          contentBase64: jpeg,
        },
      });
    const taken = randomUUID();
    const theirsUpload = await upload(wolong, created.json().household.id, taken);
    expect(theirsUpload.statusCode, theirsUpload.body).toBe(201);
    const reused = await upload(county, households.h1, taken);
    expect(reused.statusCode, reused.body).toBe(201);
    const fresh = await upload(county, households.h1, randomUUID());
    expect(reused.statusCode).toBe(fresh.statusCode);
    expect(reused.statusCode).toBe(201);
    // Each region downloads its own file under the id; neither sees the other's.
    const mine = await t.app.inject({ url: `/api/attachments/${taken}`, headers: { cookie: county } });
    expect(mine.statusCode).toBe(200);
    const theirs = await t.app.inject({ url: `/api/attachments/${taken}`, headers: { cookie: wolong } });
    expect(theirs.statusCode).toBe(200);
    const town = await t.login('town_guanzhuang');
    expect(
      (await t.app.inject({ url: `/api/attachments/${randomUUID()}`, headers: { cookie: town } })).statusCode,
    ).toBe(404);
  });
});

describe('forged X-Forwarded-For behind the reverse proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    // The README's reverse-proxy setting, read the way the server reads it.
    proxied = await createTestApp({ trustProxy: loadConfig({ SHOUDI_TRUST_PROXY: '1' }).trustProxy });
  }, 180_000);
  afterAll(async () => {
    await proxied.close();
  });
  const declare = (i: number, forwardedFor: string, proxy = '127.0.0.1') =>
    proxied.app.inject({
      method: 'POST',
      url: '/api/public/declare/411302102201',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: {
        name: `路人${i}`,
        idNumber: id(`41130219850101${String(100 + i)}`),
        phone: `1390000${String(1000 + i)}`,
        description: '突发困难',
      },
    });

  it('a rotating forged header does not defeat the per-address limit', async () => {
    const codes = [];
    for (let i = 0; i < 12; i++) {
      // The client writes the first entry; nginx appends the address it saw.
      codes.push((await declare(i, `198.51.100.${i}, 203.0.113.7`)).statusCode);
    }
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('a burst from many real addresses cannot flood one village', async () => {
    const codes = [];
    for (let i = 20; i < 60; i++) {
      codes.push((await declare(i, `203.0.113.${i}`)).statusCode);
    }
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(30);
    expect(codes).toContain(429);
  });

  it('login failures behind the proxy count per real address, not per forged one', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) {
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.99` },
        payload: { username: 'leader_city', password: 'wrong-guess' },
      });
      codes.push(response.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
  });

  it('refuses SHOUDI_TRUST_PROXY=true, which would believe any forged header', () => {
    expect(() => loadConfig({ SHOUDI_TRUST_PROXY: 'true' })).toThrow(/hop count/);
    expect(loadConfig({ SHOUDI_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
    ]);
  });
});
