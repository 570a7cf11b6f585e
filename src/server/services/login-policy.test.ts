import { describe, expect, it } from 'vitest';
import { backoffSeconds, LOGIN_POLICY, loginWaitSeconds, type RecentFailures } from './login-policy.js';

const now = new Date('2026-12-01T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const none = { count: 0, lastAt: null };
const failures = (over: Partial<RecentFailures>): RecentFailures => ({
  device: none,
  pair: none,
  ip: none,
  account: none,
  ...over,
});

describe('login policy', () => {
  it('backs off from the threshold on, doubling, up to the cap', () => {
    expect(backoffSeconds(4, 5)).toBe(0);
    expect(backoffSeconds(5, 5)).toBe(30);
    expect(backoffSeconds(6, 5)).toBe(60);
    expect(backoffSeconds(50, 5)).toBe(LOGIN_POLICY.maxDelaySeconds);
  });

  it('makes an unknown device wait after five failures of the pair, and the wait ends by itself', () => {
    expect(loginWaitSeconds(failures({ pair: { count: 5, lastAt: ago(10) } }), false, now)).toBe(20);
    expect(loginWaitSeconds(failures({ pair: { count: 5, lastAt: ago(31) } }), false, now)).toBe(0);
  });

  it('slows an account attacked from many addresses, but a known device of the user passes', () => {
    const attacked = failures({ account: { count: 12, lastAt: ago(1) }, pair: { count: 0, lastAt: null } });
    expect(loginWaitSeconds(attacked, false, now)).toBe(119);
    expect(loginWaitSeconds(attacked, true, now)).toBe(0);
  });

  it('weighs a known device against its own failures only', () => {
    expect(loginWaitSeconds(failures({ device: { count: 5, lastAt: ago(0) } }), true, now)).toBe(30);
  });

  it('slows an address after thirty failures, except for known devices behind it', () => {
    const office = failures({ ip: { count: 30, lastAt: ago(0) } });
    expect(loginWaitSeconds(office, false, now)).toBe(30);
    expect(loginWaitSeconds(office, true, now)).toBe(0);
  });
});
