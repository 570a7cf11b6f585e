import { afterEach, describe, expect, it } from 'vitest';
import { clock, setClock } from '../../shared/clock.js';
import { followServerClock } from './server-clock.js';

const original = clock();
afterEach(() => {
  setClock(original);
});

describe('server clock', () => {
  it('dates by the server’s day, not the phone’s own', () => {
    // A phone whose clock says another day: the server answered at 00:10 Beijing time on New Year's Day.
    followServerClock('2027-01-01T00:10:00+08:00');
    expect(clock().today()).toBe('2027-01-01');
    followServerClock('2026-06-30T23:50:00+08:00');
    expect(clock().today()).toBe('2026-06-30');
  });

  it('ignores a time it cannot read', () => {
    const before = clock();
    followServerClock('not a time');
    expect(clock()).toBe(before);
  });
});
