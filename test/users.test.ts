import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
let wancheng: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('city_admin');
  wancheng = await t.login('county_wancheng');
});
afterAll(async () => {
  await t.close();
});

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'zhang_san',
  displayName: '张三',
  password: 'initial-pass-1',
  role: 'village',
  regionCode: '411302101201',
  phone: '13800000000',
  ...overrides,
});

describe('user management', () => {
  it('creates a user who must change the password, and audits it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser(),
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: 'zhang_san',
      role: 'village',
      regionName: '东岗村',
      mustChangePassword: true,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(user)).not.toContain('argon2');
    const audit = await t.app.inject({
      url: `/api/audit?entityType=user&entityId=${user.id}&action=user.create`,
      headers: { cookie: admin },
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({
      actorName: 'city_admin',
      newValues: { username: 'zhang_san' },
    });
    expect(audit.json().items[0].ip).toEqual(expect.any(String));
  });

  it('refuses a duplicate username (case-insensitive) with CONFLICT', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser({ username: 'ZHANG_SAN' }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CONFLICT', details: { field: 'username' } });
  });

  it('checks the role against the region level and the department', async () => {
    const wrongLevel = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser({ username: 'li_si', role: 'county' }),
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().details.field).toBe('regionCode');
    const noDepartment = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser({ username: 'li_si', role: 'department', regionCode: '411300000000' }),
    });
    expect(noDepartment.statusCode).toBe(400);
    expect(noDepartment.json().details.field).toBe('department');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser({ username: 'li_si', password: 'short' }),
    });
    expect(weak.statusCode).toBe(400);
  });

  it('places a township user on a management zone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: newUser({ username: 'zone_staff', role: 'township', regionCode: '4113Z2' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().regionName).toBe('职教园区（鸭河工区）');
  });

  it('updates with optimistic concurrency: a stale version gets CONFLICT', async () => {
    const list = await t.app.inject({ url: '/api/users?q=zhang_san', headers: { cookie: admin } });
    const user = list.json().items[0];
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { version: user.version, displayName: '张三丰' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(user.version + 1);
    const second = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: wancheng },
      payload: { version: user.version, phone: '13900000000' },
    });
    expect(second.statusCode).toBe(409);
    const current = await t.app.inject({ url: `/api/users/${user.id}`, headers: { cookie: admin } });
    expect(current.json()).toMatchObject({ displayName: '张三丰', phone: '13800000000' });
    const audit = await t.app.inject({
      url: `/api/audit?entityId=${user.id}&action=user.update`,
      headers: { cookie: admin },
    });
    expect(audit.json().items[0]).toMatchObject({
      oldValues: { display_name: '张三' },
      newValues: { display_name: '张三丰' },
    });
  });

  it('disables a user, ending their sessions, and re-enables them', async () => {
    const target = await t.login('village_guanzhuang');
    const list = await t.app.inject({ url: '/api/users?q=village_guanzhuang', headers: { cookie: admin } });
    const user = list.json().items[0];
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: wancheng },
      payload: { version: user.version, disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: target } })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'village_guanzhuang', password: 'test-demo-password' },
        })
      ).statusCode,
    ).toBe(401);
    const enable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: wancheng },
      payload: { version: disable.json().version, disabled: false },
    });
    expect(enable.json().disabled).toBe(false);
    const audit = await t.app.inject({ url: `/api/audit?entityId=${user.id}`, headers: { cookie: admin } });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'auth.login_failed']));
  });

  it('does not let administrators lock themselves out', async () => {
    const me = await t.app.inject({ url: '/api/users?q=city_admin', headers: { cookie: admin } });
    const self = me.json().items[0];
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${self.id}`,
      headers: { cookie: admin },
      payload: { version: self.version, disabled: true },
    });
    expect(response.statusCode).toBe(403);
  });

  it('filters users by role, region and text within the scope', async () => {
    const byRole = await t.app.inject({
      url: '/api/users?role=county&pageSize=50',
      headers: { cookie: admin },
    });
    expect(
      byRole
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['county_wancheng', 'county_wolong']);
    const byZone = await t.app.inject({
      url: '/api/users?regionCode=4113Z1&pageSize=50',
      headers: { cookie: admin },
    });
    const names = byZone.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(['zone_guanzhuang', 'town_guanzhuang', 'village_guanzhuang']),
    );
    expect(names).not.toContain('county_wancheng');
    const county = await t.app.inject({ url: '/api/users?pageSize=200', headers: { cookie: wancheng } });
    expect(county.json().items.length).toBeGreaterThan(0);
    for (const user of county.json().items as Array<{ regionCode: string }>) {
      expect(user.regionCode.startsWith('411302')).toBe(true);
    }
    expect(county.json().total).toBe(county.json().items.length);
  });
});
