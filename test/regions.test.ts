import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/server/errors.js';
import { systemActor } from '../src/server/services/actor.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const DIVISIONS = new URL('../../shared/data/nanyang_divisions.csv', import.meta.url);

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('city_admin');
});
afterAll(async () => {
  await t.close();
});

describe('regions', () => {
  it('ships the city and its 15 county-level units in the demo', async () => {
    const roots = await t.app.inject({ url: '/api/regions', headers: { cookie: admin } });
    expect(roots.json()).toEqual([
      expect.objectContaining({ code: '411300000000', name: '南阳市', level: 'city' }),
    ]);
    const counties = await t.app.inject({
      url: '/api/regions/411300000000/children',
      headers: { cookie: admin },
    });
    const names = counties.json().map((c: { name: string }) => c.name);
    expect(names.filter((n: string) => n !== '官庄工区' && !n.startsWith('职教园区'))).toHaveLength(15);
    expect(names).toContain('邓州市');
  });

  it('models the management zones over real towns', async () => {
    const zones = await t.app.inject({ url: '/api/zones', headers: { cookie: admin } });
    expect(zones.json()).toEqual([
      {
        code: '4113Z1',
        name: '官庄工区',
        parentCode: '411300000000',
        towns: [{ code: '411302102000', name: '官庄镇' }],
      },
      {
        code: '4113Z2',
        name: '职教园区（鸭河工区）',
        parentCode: '411300000000',
        towns: [{ code: '411321103000', name: '皇路店镇' }],
      },
    ]);
  });

  it('shows a region with its path from the city', async () => {
    const response = await t.app.inject({ url: '/api/regions/411302102201', headers: { cookie: admin } });
    expect(response.json().path.map((r: { name: string }) => r.name)).toEqual([
      '南阳市',
      '宛城区',
      '官庄镇',
      '东岗村',
    ]);
  });

  it('refuses a bad division file whole, naming every bad line', async () => {
    const text =
      'code,name,level,parent_code\n411302999000,新镇,town,411302000000\n4113,坏,town,\n411302999201,新村,village,411302998000\n';
    const error = await t.services.regionImport
      .importDivisions(systemActor(), text, 'bad.csv')
      .catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.details.problems.map((p: { row: number }) => p.row)).toEqual([3, 4]);
    const stillMissing = await t.app.inject({ url: '/api/regions/411302999000', headers: { cookie: admin } });
    expect(stillMissing.statusCode).toBe(404);
  });

  it.skipIf(!fs.existsSync(DIVISIONS))(
    'imports the real Nanyang division file (GBK too), idempotently',
    async () => {
      const text = fs.readFileSync(DIVISIONS, 'utf8');
      const first = await t.services.regionImport.importDivisions(
        systemActor(),
        text,
        'nanyang_divisions.csv',
      );
      expect(first.rows).toBe(5231);
      const counts = await t.database.db
        .selectFrom('region')
        .select(['level'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'code',
          'in',
          text
            .split('\n')
            .slice(1)
            .map((l) => l.split(',')[0] ?? ''),
        )
        .groupBy('level')
        .execute();
      expect(Object.fromEntries(counts.map((c) => [c.level, Number(c.n)]))).toEqual({
        county: 15,
        town: 256,
        village: 4960,
      });
      const again = await t.services.regionImport.importDivisions(
        systemActor(),
        iconv.decode(iconv.encode(text, 'gbk'), 'gbk'),
        'gbk.csv',
      );
      expect(again).toMatchObject({ added: 0, renamed: 0 });
      const audit = await t.app.inject({
        url: '/api/audit?action=region.import',
        headers: { cookie: admin },
      });
      expect(audit.json().items[1].newValues).toMatchObject({ rows: 5231, added: expect.any(Number) });
      const guanzhuang = await t.app.inject({
        url: '/api/regions/411302102000/children',
        headers: { cookie: admin },
      });
      expect(guanzhuang.json().map((v: { name: string }) => v.name)).toContain('官庄社区');
    },
  );
});
