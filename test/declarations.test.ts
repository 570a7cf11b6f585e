import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id, PEOPLE, seedDonggang } from './helpers/department.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let households: Record<'h1' | 'h2' | 'h3', number>;
let village: string;
let ipCounter = 0;
/** Each test speaks from its own address, so the per-IP limit of one does not spill into another. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const VILLAGE = '411302102201';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);

function declare(body: Record<string, unknown>, ip = freshIp(), code = VILLAGE) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/declare/${code}`,
    remoteAddress: ip,
    payload: body,
  });
}
const lookup = (reference: string, phone: string, ip = freshIp()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/declarations/status',
    remoteAddress: ip,
    payload: { reference, phone },
  });

beforeAll(async () => {
  t = await createTestApp();
  households = await seedDonggang(t);
  village = await t.login('village_guanzhuang');
});
afterAll(async () => {
  await t.close();
});

describe('the public page', () => {
  it('names the village and nothing else; an unknown village is 404', async () => {
    const info = await t.app.inject(`/api/public/declare/${VILLAGE}`);
    expect(info.json()).toEqual({ code: VILLAGE, village: '东岗村', town: '官庄镇', county: '宛城区' });
    expect((await t.app.inject('/api/public/declare/411302102999')).statusCode).toBe(404);
    expect((await t.app.inject('/api/public/declare/411302102000')).statusCode).toBe(404);
  });

  it('a farmer of the village declares: a lead for the household, a reference, status by reference + phone', async () => {
    const response = await declare({
      name: PEOPLE.a.name,
      idNumber: PEOPLE.a.id,
      phone: '139 0000 1111',
      description: '老伴住院，花了很多钱',
      photo: `data:image/jpeg;base64,${JPEG.toString('base64')}`,
    });
    expect(response.statusCode).toBe(200);
    const { reference, merged } = response.json();
    expect(merged).toBe(false);
    expect(reference).toMatch(/^SB\d{6}[A-Z2-9]{8}$/);
    // The answer is the same whether or not the ID is registered: it reveals no one's data.
    expect(Object.keys(response.json()).sort()).toEqual(['merged', 'reference']);
    const lead = await t.database.db
      .selectFrom('lead_signal')
      .innerJoin('lead', 'lead.id', 'lead_signal.lead_id')
      .select(['lead.household_id', 'lead_signal.source', 'lead_signal.ref'])
      .where('lead_signal.ref', '=', reference)
      .executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ household_id: households.h1, source: 'self_declaration' });
    const stored = await t.database.db
      .selectFrom('declaration')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(stored.id_enc).not.toContain(PEOPLE.a.id);
    expect(stored.phone_enc).not.toContain('13900001111');
    expect(stored.phone_masked).toBe('139****1111');
    const status = await lookup(reference, '13900001111');
    expect(status.json()).toMatchObject({ reference, statusText: '已受理，村里正在核实' });
    const wrongPhone = await lookup(reference, '13900002222');
    const noSuch = await lookup('SB000000XXXXXXXX', '13900001111');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.json().message).toBe(noSuch.json().message);
  });

  it('the same ID again within 24 hours joins the first declaration', async () => {
    const body = { name: PEOPLE.c.name, idNumber: PEOPLE.c.id, phone: '13900003333', description: '失业了' };
    const first = await declare(body);
    const second = await declare({ ...body, description: '孩子上学也要钱' });
    expect(second.json()).toEqual({ reference: first.json().reference, merged: true });
    // From another village's page too: one person, one declaration a day.
    const elsewhere = await declare({ ...body, description: '又来申报' }, freshIp(), '411302102202');
    expect(elsewhere.json()).toEqual({ reference: first.json().reference, merged: true });
    const rows = await t.database.db
      .selectFrom('declaration')
      .selectAll()
      .where(
        'id_hash',
        '=',
        (
          await t.database.db
            .selectFrom('person')
            .select('id_hash')
            .where('name', '=', PEOPLE.c.name)
            .executeTakeFirstOrThrow()
        ).id_hash,
      )
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.repeat_count).toBe(2);
    expect(rows[0]?.description).toContain('孩子上学也要钱');
  });

  it('refuses bad input, a non-image or oversized photo', async () => {
    const base = {
      name: '某人',
      idNumber: id('41130219900101123'),
      phone: '13900004444',
      description: '困难',
    };
    const badId = await declare({ ...base, idNumber: '411302199001011234' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details).toMatchObject({ field: 'idNumber' });
    const pdf = await declare({ ...base, photo: Buffer.from('%PDF-1.4 not a photo').toString('base64') });
    expect(pdf.statusCode).toBe(415);
    const huge = await declare({
      ...base,
      photo: Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]).toString('base64'),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('rate-limits a burst from one address, and from one phone across addresses', async () => {
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        declare(
          {
            name: `路人${i}`,
            idNumber: id(`41130219850101${String(100 + i)}`),
            phone: `1370000${String(1000 + i)}`,
            description: '测试连续提交',
          },
          ip,
        ),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
    expect(answers.find((a) => a.statusCode === 429)?.json().code).toBe('RATE_LIMITED');
    const phone = '13711112222';
    const fromMany = [];
    for (let i = 0; i < 5; i++) {
      fromMany.push(
        (
          await declare({
            name: `同号${i}`,
            idNumber: id(`41130219860202${String(200 + i)}`),
            phone,
            description: '同一手机号',
          })
        ).statusCode,
      );
    }
    expect(fromMany).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('the village queue', () => {
  const pending = async () => {
    const list = await t.app.inject({
      url: '/api/declarations?status=pending&pageSize=100',
      headers: { cookie: village },
    });
    return list.json().items as Array<{ id: number; version: number; name: string; idMasked: string }>;
  };

  it('keeps an unmatched declaration for the village, masked, and links it to a household as its lead', async () => {
    const response = await declare({
      name: '外来人',
      idNumber: id('41130219910303033'),
      phone: '13900005555',
      description: '刚迁回村里，没有登记',
    });
    expect(response.statusCode).toBe(200);
    const item = (await pending()).find((d) => d.name === '外来人');
    expect(item?.idMasked).toMatch(/\*/);
    const wolong = await t.login('county_wolong');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/declarations/${item?.id}/link`,
      headers: { cookie: wolong },
      payload: { householdId: households.h2, version: item?.version },
    });
    expect(foreign.statusCode).toBe(404);
    const linked = await t.app.inject({
      method: 'POST',
      url: `/api/declarations/${item?.id}/link`,
      headers: { cookie: village },
      payload: { householdId: households.h2, version: item?.version },
    });
    expect(linked.json()).toMatchObject({ status: 'linked', leadId: expect.any(Number) });
    const status = await lookup(response.json().reference, '13900005555');
    expect(status.json().statusText).toBe('已核实，已转为监测线索');
  });

  it('closes one with a reason; the photo is served only in scope', async () => {
    await declare({
      name: '重复人',
      idNumber: id('41130219920404044'),
      phone: '13900006666',
      description: '其他',
      photo: JPEG.toString('base64'),
    });
    const item = (await pending()).find((d) => d.name === '重复人');
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/declarations/${item?.id}/close`,
      headers: { cookie: village },
      payload: { reason: ' ', version: item?.version },
    });
    expect(noReason.statusCode).toBe(400);
    const photo = await t.app.inject({
      url: `/api/declarations/${item?.id}/photo`,
      headers: { cookie: village },
    });
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/declarations/${item?.id}/close`,
      headers: { cookie: village },
      payload: { reason: '非本村人员，已告知到户籍地申报', version: item?.version },
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'declaration')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'declaration.create',
        'declaration.merge',
        'declaration.link',
        'declaration.close',
      ]),
    );
  });

  it('serves the village QR code as a PNG to staff in scope', async () => {
    const png = await t.app.inject({ url: `/api/declarations/qr/${VILLAGE}`, headers: { cookie: village } });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect([...png.rawPayload.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const other = await t.app.inject({
      url: '/api/declarations/qr/411302101201',
      headers: { cookie: village },
    });
    expect(other.statusCode).toBe(404);
  });
});
