import { describe, expect, it } from 'vitest';
import {
  allowedFindingActions,
  DEFAULT_LEAD_CRITERIA,
  drawSample,
  isOverdue,
  leadStatus,
  meetsLeadCriteria,
  nextFindingStatus,
  sampleSize,
} from './linkage-checks.js';

const ids = Array.from({ length: 37 }, (_, i) => 100 + i * 3);

describe('四查四促 sample draw', () => {
  it('samples the percentage, rounded up, at least one', () => {
    expect(sampleSize(0, 20)).toBe(0);
    expect(sampleSize(1, 20)).toBe(1);
    expect(sampleSize(4, 20)).toBe(1);
    expect(sampleSize(6, 20)).toBe(2);
    expect(sampleSize(10, 20)).toBe(2);
    expect(sampleSize(3, 100)).toBe(3);
    expect(drawSample(7, ids, 20)).toHaveLength(8);
    expect(drawSample(7, [42], 20)).toEqual([42]);
  });

  it('is fixed by the campaign and the agreements, whatever their order', () => {
    const a = drawSample(7, ids, 20);
    expect(drawSample(7, [...ids].reverse(), 20)).toEqual(a);
    expect(drawSample(7, [...ids, ...ids], 20)).toEqual(a);
    // Another campaign draws another sample.
    expect(drawSample(8, ids, 20)).not.toEqual(a);
    // Every drawn id is one of the agreements.
    expect(a.every((id) => ids.includes(id))).toBe(true);
  });

  it('keeps a drawn agreement drawn when the percentage grows', () => {
    const small = drawSample(11, ids, 10);
    const large = drawSample(11, ids, 30);
    expect(small.every((id) => large.includes(id))).toBe(true);
  });
});

describe('finding state machine', () => {
  it('goes open → rectified → verified, or back to open', () => {
    expect(nextFindingStatus('open', 'rectify')).toBe('rectified');
    expect(nextFindingStatus('rectified', 'verify')).toBe('verified');
    expect(nextFindingStatus('rectified', 'reopen')).toBe('open');
    expect(nextFindingStatus('open', 'verify')).toBeNull();
    expect(nextFindingStatus('verified', 'reopen')).toBeNull();
    expect(nextFindingStatus('verified', 'rectify')).toBeNull();
  });

  it('lets the township rectify and the county verify', () => {
    expect(allowedFindingActions('open', 'township')).toEqual(['rectify']);
    expect(allowedFindingActions('rectified', 'township')).toEqual([]);
    expect(allowedFindingActions('rectified', 'county')).toEqual(['verify', 'reopen']);
    expect(allowedFindingActions('verified', 'county')).toEqual([]);
    expect(allowedFindingActions('open', null)).toEqual([]);
  });

  it('flags an open finding past its deadline', () => {
    expect(isOverdue('open', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('open', '2026-12-01', '2026-12-01')).toBe(false);
    expect(isOverdue('rectified', '2026-11-30', '2026-12-01')).toBe(false);
  });
});

describe('帮扶龙头企业 status', () => {
  const c = DEFAULT_LEAD_CRITERIA;
  const met = { households: 120, workers: 0, agreements: 1 };
  const workers = { households: 10, workers: 30, agreements: 2 };
  const below = { households: 99, workers: 29, agreements: 3 };
  const unwritten = { households: 300, workers: 0, agreements: 0 };
  const base = { certified: true, certifiedYear: 2020, year: 2026, criteria: c };

  it('meets by households or by workers, in writing', () => {
    expect(meetsLeadCriteria(met, c)).toBe(true);
    expect(meetsLeadCriteria(workers, c)).toBe(true);
    expect(meetsLeadCriteria(below, c)).toBe(false);
    expect(meetsLeadCriteria(unwritten, c)).toBe(false);
    expect(meetsLeadCriteria(unwritten, { ...c, requireAgreement: false })).toBe(true);
  });

  it('de-lists a lead enterprise below the threshold two years running', () => {
    expect(leadStatus({ ...base, thisYear: met, lastYear: below })).toBe('met');
    expect(leadStatus({ ...base, thisYear: below, lastYear: met })).toBe('below_first');
    expect(leadStatus({ ...base, thisYear: below, lastYear: below })).toBe('delist');
    // Monitoring starts the year after certification: the certification year does not count.
    expect(leadStatus({ ...base, certifiedYear: 2025, thisYear: below, lastYear: below })).toBe(
      'below_first',
    );
    expect(leadStatus({ ...base, certifiedYear: 2024, thisYear: below, lastYear: below })).toBe('delist');
    expect(leadStatus({ ...base, certifiedYear: null, thisYear: below, lastYear: below })).toBe('delist');
  });

  it('could recommend an uncertified operator that meets them', () => {
    expect(leadStatus({ ...base, certified: false, thisYear: workers, lastYear: below })).toBe('recommend');
    expect(leadStatus({ ...base, certified: false, thisYear: below, lastYear: met })).toBe('none');
  });
});
