import { describe, expect, it } from 'vitest';
import {
  addMoney,
  ageOn,
  allowedLoanActions,
  computeSubsidy,
  dpdBucket,
  nextLoanStatus,
  nplBreaker,
  quartersBetween,
  type SubsidyEpoch,
  statusForDaysPastDue,
  subsidyScheduleProblem,
} from './credit.js';

const EPOCHS: SubsidyEpoch[] = [
  {
    version: 1,
    appliesTo: 'new',
    fromOn: '2021-03-15',
    toOn: '2023-12-31',
    rate: '1.00',
    principalCap: '50000.00',
  },
  {
    version: 1,
    appliesTo: 'new',
    fromOn: '2024-01-01',
    toOn: '2025-12-31',
    rate: '0.70',
    principalCap: '50000.00',
  },
  { version: 1, appliesTo: 'old', fromOn: '2015-01-01', toOn: null, rate: '1.00', principalCap: '50000.00' },
];

describe('interest subsidy by policy epoch', () => {
  it('splits a loan across the 2023/2024 boundary, caps the principal at 5万 and follows a partial repayment', () => {
    // 60,000 at 3.60 %, lent 2023-11-01, 20,000 repaid 2024-01-16, settled to the end of 2024 Q1:
    //   2023-11-01..12-31  61 days  cap 50,000: 50,000 × 3.6 % × 61 / 360 = 305.00, share 100 % → 305.00
    //   2024-01-01..01-15  15 days  cap 50,000: 50,000 × 3.6 % × 15 / 360 =  75.00, share  70 % →  52.50
    //   2024-01-16..03-31  76 days  bal 40,000: 40,000 × 3.6 % × 76 / 360 = 304.00, share  70 % → 212.80
    // subsidy 305.00 + 52.50 + 212.80 = 570.30; contract interest on the whole balance: 366 + 90 + 304 = 760.00
    const result = computeSubsidy(
      {
        amount: '60000.00',
        ratePercent: '3.60',
        disbursedOn: '2023-11-01',
        settledOn: null,
        oldPolicy: false,
        repayments: [{ paidOn: '2024-01-16', principal: '20000.00' }],
      },
      EPOCHS,
      { fromOn: '2023-10-01', toOn: '2024-03-31' },
    );
    expect(result.interest).toBe('760.00');
    expect(result.subsidisableInterest).toBe('684.00');
    expect(result.subsidy).toBe('570.30');
    expect(result.parts.map((p) => [p.fromOn, p.days, p.subsidisedPrincipal, p.rate])).toEqual([
      ['2023-11-01', 61, '50000.00', '1.00'],
      ['2024-01-01', 15, '50000.00', '0.70'],
      ['2024-01-16', 76, '40000.00', '0.70'],
    ]);
  });

  it('keeps full subsidy for an old-policy loan and rounds half up to the fen once', () => {
    // 30,000 × 4.35 % × 91 / 360 = 329.875 → 329.88 (2024 Q1 has 91 days)
    const result = computeSubsidy(
      {
        amount: '30000.00',
        ratePercent: '4.35',
        disbursedOn: '2022-06-01',
        settledOn: null,
        oldPolicy: true,
        repayments: [],
      },
      EPOCHS,
      { fromOn: '2024-01-01', toOn: '2024-03-31' },
    );
    expect(result.interest).toBe('329.88');
    expect(result.subsidy).toBe('329.88');
  });

  it('pays nothing on overdue days', () => {
    // 91 days at 50,000 × 3.6 % / 360 = 5.00 a day: interest 455.00; 61 days not overdue × 5.00 × 70 % = 213.50
    const result = computeSubsidy(
      {
        amount: '50000.00',
        ratePercent: '3.60',
        disbursedOn: '2024-01-01',
        settledOn: null,
        oldPolicy: false,
        repayments: [],
        overdue: [{ fromOn: '2024-05-01', toOn: '2024-05-30' }],
      },
      EPOCHS,
      { fromOn: '2024-04-01', toOn: '2024-06-30' },
    );
    expect(result.interest).toBe('455.00');
    expect(result.subsidy).toBe('213.50');
  });

  it('stops on the settlement day and gives nothing outside every epoch', () => {
    // 10,000 × 3.6 % / 360 = 1.00 a day for 2024-01-01..01-30: 30.00, 70 % → 21.00
    const settled = computeSubsidy(
      {
        amount: '10000.00',
        ratePercent: '3.60',
        disbursedOn: '2024-01-01',
        settledOn: '2024-01-31',
        oldPolicy: false,
        repayments: [{ paidOn: '2024-01-31', principal: '10000.00' }],
      },
      EPOCHS,
      { fromOn: '2024-01-01', toOn: '2024-03-31' },
    );
    expect(settled).toMatchObject({ interest: '30.00', subsidy: '21.00' });
    const after = computeSubsidy(
      {
        amount: '10000.00',
        ratePercent: '3.60',
        disbursedOn: '2026-01-01',
        settledOn: null,
        oldPolicy: false,
        repayments: [],
      },
      EPOCHS,
      { fromOn: '2026-01-01', toOn: '2026-01-10' },
    );
    expect(after).toMatchObject({ interest: '10.00', subsidisableInterest: '0.00', subsidy: '0.00' });
  });
});

describe('days-past-due buckets and status', () => {
  it('puts each day count in its bucket', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 400].map(dpdBucket)).toEqual([
      'current',
      'dpd_1_30',
      'dpd_1_30',
      'dpd_31_60',
      'dpd_31_60',
      'dpd_61_90',
      'dpd_61_90',
      'dpd_90_plus',
      'dpd_90_plus',
    ]);
    expect([0, 1, 90, 91].map(statusForDaysPastDue)).toEqual(['normal', 'overdue', 'overdue', 'npl']);
  });
});

describe('NPL circuit breakers', () => {
  it('trips above 5 % in a township and 7 % in a village, not at the limit', () => {
    expect(nplBreaker('town', '5000.00', '100000.00')).toEqual({ rate: '5.00', tripped: false });
    expect(nplBreaker('town', '5000.01', '100000.00')).toEqual({ rate: '5.00', tripped: true });
    expect(nplBreaker('village', '6000.00', '100000.00')).toEqual({ rate: '6.00', tripped: false });
    expect(nplBreaker('village', '7500.00', '100000.00')).toEqual({ rate: '7.50', tripped: true });
    expect(nplBreaker('village', '0.00', '0.00')).toEqual({ rate: null, tripped: false });
  });
});

describe('loan lifecycle', () => {
  it('lets each actor take only its own steps', () => {
    expect(nextLoanStatus('applied', 'endorse', 'village')).toBe('endorsed');
    expect(nextLoanStatus('applied', 'endorse', 'bank')).toBeNull();
    expect(nextLoanStatus('endorsed', 'rate', 'bank')).toBe('rated');
    expect(nextLoanStatus('approved', 'disburse', 'bank')).toBe('normal');
    expect(nextLoanStatus('settled', 'renew', 'township')).toBeNull();
    expect(nextLoanStatus('npl', 'compensate', 'county')).toBe('compensated');
    expect(allowedLoanActions('rated', 'bank')).toEqual(['approve', 'refuse']);
    expect(allowedLoanActions('normal', 'township')).toEqual(['renew', 'extend']);
  });

  it('counts the borrower age in whole years', () => {
    expect(ageOn('1961-12-02', '2026-12-01')).toBe(64);
    expect(ageOn('1961-12-01', '2026-12-01')).toBe(65);
    expect(ageOn('2008-12-02', '2026-12-01')).toBe(17);
  });

  it('adds money exactly and lists quarters', () => {
    expect(addMoney('0.10', '0.20', '49999.70')).toBe('50000.00');
    expect(quartersBetween('2023-11-15', '2024-04-01').map((q) => q.quarter)).toEqual([
      '2023Q4',
      '2024Q1',
      '2024Q2',
    ]);
  });
});

describe('subsidyScheduleProblem', () => {
  const old = {
    appliesTo: 'old' as const,
    fromOn: '2014-01-01',
    toOn: null,
    rate: '1',
    principalCap: '50000',
  };
  const schedule = [
    old,
    { appliesTo: 'new' as const, fromOn: '2021-03-15', toOn: '2023-12-31', rate: '1', principalCap: '50000' },
    { appliesTo: 'new' as const, fromOn: '2024-01-01', toOn: null, rate: '0.7', principalCap: '50000' },
  ];
  it('accepts periods in order that touch, with only the last open', () => {
    expect(subsidyScheduleProblem(schedule)).toBeNull();
    // The order they are sent in does not matter.
    expect(subsidyScheduleProblem([...schedule].reverse())).toBeNull();
  });
  it('refuses overlaps, gaps, an open period before another, a missing kind and a rate above 1', () => {
    expect(
      subsidyScheduleProblem([old, { ...schedule[1], toOn: '2024-01-01' } as never, schedule[2] as never]),
    ).toContain('重叠');
    expect(
      subsidyScheduleProblem([old, { ...schedule[1], toOn: '2023-12-30' } as never, schedule[2] as never]),
    ).toContain('空档');
    expect(
      subsidyScheduleProblem([old, { ...schedule[1], toOn: null } as never, schedule[2] as never]),
    ).toContain('只有最后一个时段');
    expect(subsidyScheduleProblem(schedule.slice(1))).toContain('原扶贫小额信贷');
    expect(
      subsidyScheduleProblem([old, schedule[1] as never, { ...schedule[2], rate: '1.2' } as never]),
    ).toContain('0 至 1');
  });
});
