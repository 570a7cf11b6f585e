import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, monthBounds, shanghaiToday } from './calendar.js';

describe('Shanghai calendar', () => {
  it('is already tomorrow in Beijing at 17:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(shanghaiToday(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-11-20', 15)).toBe('2026-12-05');
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
    expect(addDays('2028-02-20', 15)).toBe('2028-03-06');
    expect(addDays('2027-02-20', 15)).toBe('2027-03-07');
    expect(daysBetween('2026-12-25', '2027-01-09')).toBe(15);
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-08-31', 6)).toBe('2029-02-28');
    expect(addMonths('2026-05-15', -6)).toBe('2025-11-15');
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(() => monthBounds('2026-13')).toThrow();
  });
});
