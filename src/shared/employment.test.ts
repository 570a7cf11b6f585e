import { describe, expect, it } from 'vitest';
import { classifyWorkPlace, countsAsWorker, isLocalPlace, monthsWorked, placeKey } from './employment.js';

const home = { province: '河南', city: '南阳市', county: '宛城区' };

describe('local or away (县内 … 境外)', () => {
  it('compares names without their administrative suffix', () => {
    expect(placeKey('河南省')).toBe('河南');
    expect(placeKey(' 宛城 区 ')).toBe('宛城');
    expect(placeKey('广西壮族自治区')).toBe('广西');
    expect(placeKey('市')).toBe('市');
  });

  it('derives each of the five places', () => {
    expect(classifyWorkPlace({ province: '河南省', city: '南阳', county: '宛城' }, home)).toBe('county');
    expect(classifyWorkPlace({ province: '河南', city: '南阳市', county: '卧龙区' }, home)).toBe('city');
    expect(classifyWorkPlace({ province: '河南省', city: '郑州市', county: '金水区' }, home)).toBe(
      'province',
    );
    expect(classifyWorkPlace({ province: '广东省', city: '深圳市', county: null }, home)).toBe('outside');
    expect(classifyWorkPlace({ province: '境外', city: null, county: null }, home)).toBe('abroad');
  });

  it('leaves the place unknown rather than guess local when the county or city is missing', () => {
    expect(classifyWorkPlace({ province: '河南', city: '南阳', county: '' }, home)).toBeNull();
    expect(classifyWorkPlace({ province: '河南', city: null, county: null }, home)).toBeNull();
    expect(classifyWorkPlace({ province: null, city: '南阳', county: '宛城' }, home)).toBeNull();
  });

  it('counts only 县内 as local', () => {
    expect(isLocalPlace('county')).toBe(true);
    expect(isLocalPlace('city')).toBe(false);
  });
});

describe('the counting rule of the 务工规模', () => {
  it('counts the months of the year up to the month, each month once', () => {
    expect(monthsWorked([{ startMonth: '2025-10', endMonth: null }], '2026-03')).toBe(3);
    expect(
      monthsWorked(
        [
          { startMonth: '2026-01', endMonth: '2026-04' },
          { startMonth: '2026-03', endMonth: '2026-05' },
        ],
        '2026-12',
      ),
    ).toBe(5);
    expect(monthsWorked([{ startMonth: '2026-07', endMonth: null }], '2026-03')).toBe(0);
    expect(monthsWorked([{ startMonth: '2025-01', endMonth: '2025-12' }], '2026-06')).toBe(0);
  });

  it('applies the configured minimum (1 by default; 3 and 6 as variants)', () => {
    const records = [{ startMonth: '2026-05', endMonth: '2026-06' }];
    expect(countsAsWorker(records, '2026-06', 1)).toBe(true);
    expect(countsAsWorker(records, '2026-06', 3)).toBe(false);
    expect(countsAsWorker(records, '2026-05', 2)).toBe(false);
    expect(countsAsWorker([{ startMonth: '2026-01', endMonth: null }], '2026-06', 6)).toBe(true);
  });
});
