import { describe, expect, it } from 'vitest';
import { coverageRate } from './industry-coverage.js';

describe('coverageRate', () => {
  it('gives one decimal, rounded half up, and a dash when nobody is to be covered', () => {
    expect(coverageRate(0, 0)).toBe('—');
    expect(coverageRate(0, 7)).toBe('0.0');
    expect(coverageRate(7, 7)).toBe('100.0');
    expect(coverageRate(2, 3)).toBe('66.7');
    expect(coverageRate(1, 8)).toBe('12.5');
    expect(coverageRate(1, 16)).toBe('6.3');
  });
});
