import { describe, expect, it } from 'vitest';
import { missingLineWarning } from './line-warning.js';

const line = (year: number, amount: string) => ({ province: '河南', year, amount, note: null });

describe('the missing monitoring line warning', () => {
  it('says nothing when the year has its line', () => {
    expect(missingLineWarning([line(2024, '8300.00'), line(2026, '9000.00')], 2026)).toBeNull();
  });

  it('names the year applied instead when the current year has none', () => {
    expect(missingLineWarning([line(2023, '7500.00'), line(2024, '8300.00')], 2026)).toEqual({
      year: 2026,
      fallback: line(2024, '8300.00'),
    });
  });

  it('says no line applies at all when there is none earlier', () => {
    expect(missingLineWarning([line(2027, '9500.00')], 2026)).toEqual({ year: 2026, fallback: null });
  });
});
