import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, DEMO_PASSWORD, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('auth', () => {
  it('answers health without a session', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: 'pglite' === t.database.kind ? 'pglite' : 'postgresql',
    });
  });

  it('logs in with an httpOnly cookie and shows who the user is', async () => {
    const response = await login('city_admin', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'shoudi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(response) } });
    expect(me.json()).toMatchObject({ username: 'city_admin', role: 'city', regionName: '南阳市' });
    expect(me.json().permissions).toContain('user.manage');
  });

  it('marks the cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const secure = await createTestApp({ trustProxy: 1 });
    try {
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city_admin', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.cookies.find((c) => c.name === 'shoudi_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('gives one message for a wrong password, an unknown user and a disabled user', async () => {
    const wrong = await login('leader_city', 'nope-nope', '10.0.0.2');
    const unknown = await login('no_such_user', 'nope-nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it('backs off repeated failures for a username from one address (login policy)', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('county_wolong', 'wrong-password', '10.0.0.3')).statusCode).toBe(401);
    }
    const limited = await login('county_wolong', DEMO_PASSWORD, '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    // The first back-off past five failures is 30 s; it doubles with each further failure.
    expect(limited.headers['retry-after']).toBe('30');
  });

  it('ends the session at logout', async () => {
    const cookie = await t.login('leader_city');
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('expires idle sessions and sessions past their lifetime', async () => {
    const idle = await t.login('dept_minzheng');
    await sql`update user_session set last_seen_at = now() - interval '3 hours'`.execute(t.database.db);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: idle } })).statusCode).toBe(401);
    const old = await t.login('dept_minzheng');
    await sql`update user_session set expires_at = now() - interval '1 second'`.execute(t.database.db);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(401);
  });

  it('refuses a forged session token', async () => {
    const response = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: 'shoudi_session=forged' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('sets security headers', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('forces a temporary password to be changed before anything else', async () => {
    const admin = await t.login('city_admin');
    const found = await t.app.inject({ url: '/api/users?q=village_guanzhuang', headers: { cookie: admin } });
    const id = found.json().items[0].id as number;
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${id}/reset-password`,
      headers: { cookie: admin },
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    const cookie = await t.login('village_guanzhuang', temporaryPassword);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ url: '/api/regions', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().details).toEqual({ reason: 'password_change_required' });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: temporaryPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: temporaryPassword, newPassword: 'a-new-long-password' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/regions', headers: { cookie } })).statusCode).toBe(200);
    const stale = await t.login('village_guanzhuang', temporaryPassword).catch((e: Error) => e.message);
    expect(stale).toMatch(/401/);
  });

  it('answers malformed requests with the one error shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION', requestId: expect.any(String) });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION');
    const unknownRoute = await t.app.inject('/api/nope');
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json().code).toBe('NOT_FOUND');
  });
});
