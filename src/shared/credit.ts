import { addDays, daysBetween } from './calendar.js';

/**
 * Microcredit (小额信贷, domain-cdefg §C4): the loan lifecycle, days-past-due buckets, the NPL circuit breakers and
 * the interest subsidy (贴息) by policy epoch. Pure functions: the server's SQL twins are checked against them.
 */

export const LOAN_STATUSES = [
  'applied',
  'endorsed',
  'rated',
  'approved',
  'refused',
  'normal',
  'overdue',
  'npl',
  'settled',
  'compensated',
  'recovered',
  'written_off',
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  applied: '已申请',
  endorsed: '村级推荐',
  rated: '已评级授信',
  approved: '已审批',
  refused: '未获批',
  normal: '正常',
  overdue: '逾期',
  npl: '不良',
  settled: '已结清',
  compensated: '已代偿',
  recovered: '已追偿',
  written_off: '已核销',
};

/** Loans that have been disbursed and not yet ended: they carry a balance. */
export const OUTSTANDING_STATUSES: readonly LoanStatus[] = ['normal', 'overdue', 'npl'];

export const LOAN_ACTIONS = [
  'endorse',
  'rate',
  'approve',
  'refuse',
  'disburse',
  'renew',
  'extend',
  'compensate',
  'recover',
  'write_off',
] as const;
export type LoanAction = (typeof LOAN_ACTIONS)[number];

/** Who acts on a step: the village endorses, the bank rates, approves and lends, the county runs the risk fund. */
export type LoanActor = 'village' | 'township' | 'county' | 'bank';

const TRANSITIONS: Record<
  LoanAction,
  { from: readonly LoanStatus[]; to: LoanStatus; by: readonly LoanActor[] }
> = {
  endorse: { from: ['applied'], to: 'endorsed', by: ['village', 'township'] },
  rate: { from: ['endorsed'], to: 'rated', by: ['bank'] },
  approve: { from: ['rated'], to: 'approved', by: ['bank'] },
  refuse: { from: ['applied', 'endorsed', 'rated'], to: 'refused', by: ['bank', 'township'] },
  disburse: { from: ['approved'], to: 'normal', by: ['bank'] },
  // 续贷 / 展期: only for a non-subjective cause, approved at township and bank (default, §C4 UNCONFIRMED).
  renew: { from: ['normal', 'overdue'], to: 'normal', by: ['township'] },
  extend: { from: ['normal', 'overdue'], to: 'normal', by: ['township'] },
  compensate: { from: ['npl'], to: 'compensated', by: ['county'] },
  recover: { from: ['compensated'], to: 'recovered', by: ['county'] },
  write_off: { from: ['compensated', 'recovered'], to: 'written_off', by: ['county'] },
};

/** The status a step leads to, or null when the step is not allowed from `status` for `by`. */
export function nextLoanStatus(status: LoanStatus, action: LoanAction, by: LoanActor): LoanStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) && t.by.includes(by) ? t.to : null;
}

/** The steps `by` may take on a loan in `status`, for the page's buttons. */
export function allowedLoanActions(status: LoanStatus, by: LoanActor): LoanAction[] {
  return LOAN_ACTIONS.filter((a) => nextLoanStatus(status, a, by) !== null);
}

/** Non-subjective causes accepted for a renewal or extension (default list, §C4 UNCONFIRMED). */
export const RENEWAL_CAUSES = ['illness', 'disaster', 'market', 'other_objective'] as const;
export type RenewalCause = (typeof RENEWAL_CAUSES)[number];
export const RENEWAL_CAUSE_LABELS: Record<RenewalCause, string> = {
  illness: '因病',
  disaster: '因灾',
  market: '市场波动',
  other_objective: '其他客观原因',
};
/** At most one renewal and one extension per loan (configurable default). */
export const MAX_RENEWALS = 1;
export const MAX_EXTENSIONS = 1;

/** The loan rules of 银保监发〔2021〕6号 (§C4). */
export const CREDIT_RULES = {
  subsidisedCap: '50000.00',
  householdCap: '100000.00',
  maxTermMonths: 36,
  minAge: 18,
  maxAge: 65,
  /** Overdue from day 1 after a missed instalment; non-performing beyond this many days (bank classification). */
  nplDays: 90,
  /** 风险补偿金 share of a confirmed loss (the bank carries the rest). */
  riskFundShare: '0.70',
} as const;

/** Days-past-due buckets (the Fineract pattern): moves between them are kept as history. */
export const DPD_BUCKETS = ['current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_90_plus'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];
export const DPD_BUCKET_LABELS: Record<DpdBucket, string> = {
  current: '未逾期',
  dpd_1_30: '逾期1-30天',
  dpd_31_60: '逾期31-60天',
  dpd_61_90: '逾期61-90天',
  dpd_90_plus: '逾期90天以上',
};

export function dpdBucket(daysPastDue: number): DpdBucket {
  if (daysPastDue <= 0) {
    return 'current';
  }
  if (daysPastDue <= 30) {
    return 'dpd_1_30';
  }
  if (daysPastDue <= 60) {
    return 'dpd_31_60';
  }
  return daysPastDue <= CREDIT_RULES.nplDays ? 'dpd_61_90' : 'dpd_90_plus';
}

/** The status a disbursed, unsettled loan has at `daysPastDue`. */
export function statusForDaysPastDue(daysPastDue: number): 'normal' | 'overdue' | 'npl' {
  if (daysPastDue <= 0) {
    return 'normal';
  }
  return daysPastDue > CREDIT_RULES.nplDays ? 'npl' : 'overdue';
}

/** The risk circuit breakers (Henan 2017): banks suspend new lending above these NPL rates (per cent). */
export const NPL_BREAKERS = { town: '5', village: '7' } as const;

/** NPL rate in per cent (2 decimals) of a balance, and whether it trips the breaker of its level. */
export function nplBreaker(
  level: 'town' | 'village',
  nplBalance: string,
  totalBalance: string,
): { rate: string | null; tripped: boolean } {
  const total = cents(totalBalance);
  if (total === 0n) {
    return { rate: null, tripped: false };
  }
  const npl = cents(nplBalance);
  // rate in hundredths of a per cent, rounded half up
  const hundredths = (npl * 10000n * 2n + total) / (2n * total);
  const limit = BigInt(NPL_BREAKERS[level]) * 100n;
  return { rate: formatScaled(hundredths, 2), tripped: npl * 10000n > limit * total };
}

/** Borrower age in whole years on `on` (YYYY-MM-DD) from a birth date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

// ---------------------------------------------------------------------------------------------------------------
// Exact decimal helpers: money as integer cents (bigint), rates as integer millionths.

/** '12345.6' → 1234560n cents. */
export function cents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) {
    throw new Error(`not a money amount: ${amount}`);
  }
  const value = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0') || '0');
  return match[1] === '-' ? -value : value;
}

/** '3.45' (per cent) or '0.70' (a share) → millionths of the number as written. */
export function millionths(decimal: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(decimal.trim());
  if (!match) {
    throw new Error(`not a decimal: ${decimal}`);
  }
  return BigInt(match[1] ?? '0') * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0') || '0');
}

function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

export const formatCents = (value: bigint) => formatScaled(value, 2);

/** numerator / denominator rounded half up (both positive or zero numerator). */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (2n * denominator);
}

export function addMoney(...amounts: string[]): string {
  return formatCents(amounts.reduce((sum, a) => sum + cents(a), 0n));
}

export function compareMoney(a: string, b: string): number {
  const d = cents(a) - cents(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------------------------
// 贴息 by policy epoch.

/** One row of the versioned subsidy schedule: the share of subsidisable interest arising in [fromOn, toOn]. */
export interface SubsidyEpoch {
  version: number;
  /** 'new' for loans under the 2021 policy; 'old' for 扶贫小额信贷 loans originated before it. */
  appliesTo: 'new' | 'old';
  fromOn: string;
  /** Inclusive last day; null = open-ended. */
  toOn: string | null;
  /** Share, e.g. '1.00' or '0.70'. */
  rate: string;
  /** Principal above this is never subsidised. */
  principalCap: string;
}

export interface SubsidyLoan {
  amount: string;
  /** Annual contract rate in per cent, e.g. '3.45'. */
  ratePercent: string;
  disbursedOn: string;
  /** Interest stops accruing on the settlement day (the last accruing day is the day before). */
  settledOn: string | null;
  oldPolicy: boolean;
  /** Principal repaid, by day; the balance falls from that day on. */
  repayments: ReadonlyArray<{ paidOn: string; principal: string }>;
  /** Days on which the loan was overdue: no subsidy accrues (INFERRED, §C4). Inclusive ranges. */
  overdue?: ReadonlyArray<{ fromOn: string; toOn: string }>;
}

export interface SubsidyPart {
  fromOn: string;
  toOn: string;
  days: number;
  balance: string;
  subsidisedPrincipal: string;
  rate: string;
  overdue: boolean;
}

export interface SubsidyResult {
  /** Contract interest on the whole balance. */
  interest: string;
  /** Interest on the principal up to the cap: what the subsidy is a share of. */
  subsidisableInterest: string;
  subsidy: string;
  parts: SubsidyPart[];
}

/**
 * The interest subsidy of a loan over [fromOn, toOn] (inclusive days), actual days / 360: the day's interest is
 * min(balance, cap) × rate / 360, times the epoch's share on that day, nothing on overdue days. Segments are cut at
 * every repayment, epoch boundary and overdue boundary; sums are exact and rounded to the fen once per result.
 */
export function computeSubsidy(
  loan: SubsidyLoan,
  epochs: readonly SubsidyEpoch[],
  period: { fromOn: string; toOn: string },
): SubsidyResult {
  const start = loan.disbursedOn > period.fromOn ? loan.disbursedOn : period.fromOn;
  const lastAccruing = loan.settledOn ? addDays(loan.settledOn, -1) : period.toOn;
  const end = lastAccruing < period.toOn ? lastAccruing : period.toOn;
  const applicable = epochs.filter((e) => e.appliesTo === (loan.oldPolicy ? 'old' : 'new'));
  const cuts = new Set<string>([start, addDays(end, 1)]);
  for (const r of loan.repayments) {
    cuts.add(r.paidOn);
  }
  for (const e of applicable) {
    cuts.add(e.fromOn);
    if (e.toOn) {
      cuts.add(addDays(e.toOn, 1));
    }
  }
  for (const o of loan.overdue ?? []) {
    cuts.add(o.fromOn);
    cuts.add(addDays(o.toOn, 1));
  }
  const points = [...cuts].filter((d) => d >= start && d <= addDays(end, 1)).sort();
  const rate = millionths(loan.ratePercent); // per cent × 1e6
  let interestNum = 0n;
  let subsidisableNum = 0n;
  let subsidyNum = 0n; // × 1e6 more (the epoch share)
  const parts: SubsidyPart[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as string;
    const to = addDays(points[i + 1] as string, -1);
    const days = daysBetween(from, to) + 1;
    const repaid = loan.repayments
      .filter((r) => r.paidOn <= from)
      .reduce((s, r) => s + cents(r.principal), 0n);
    const balance = cents(loan.amount) - repaid;
    if (balance <= 0n || days <= 0) {
      continue;
    }
    const epoch = applicable.find((e) => e.fromOn <= from && (e.toOn === null || from <= e.toOn));
    const cap = epoch ? cents(epoch.principalCap) : 0n;
    const subsidised = balance < cap ? balance : cap;
    const overdue = (loan.overdue ?? []).some((o) => o.fromOn <= from && from <= o.toOn);
    const share = epoch && !overdue ? millionths(epoch.rate) : 0n;
    // cents × (per cent × 1e6) × days → divide by 100 × 1e6 × 360 for cents
    interestNum += balance * rate * BigInt(days);
    subsidisableNum += subsidised * rate * BigInt(days);
    subsidyNum += subsidised * rate * BigInt(days) * share;
    parts.push({
      fromOn: from,
      toOn: to,
      days,
      balance: formatCents(balance),
      subsidisedPrincipal: formatCents(subsidised),
      rate: epoch && !overdue ? epoch.rate : '0.00',
      overdue,
    });
  }
  const denominator = 100n * 1_000_000n * 360n;
  return {
    interest: formatCents(roundDiv(interestNum, denominator)),
    subsidisableInterest: formatCents(roundDiv(subsidisableNum, denominator)),
    subsidy: formatCents(roundDiv(subsidyNum, denominator * 1_000_000n)),
    parts,
  };
}

/** The calendar quarters (inclusive first and last day) that [fromOn, toOn] touches: the default 贴息 period. */
export function quartersBetween(
  fromOn: string,
  toOn: string,
): Array<{ quarter: string; fromOn: string; toOn: string }> {
  const out: Array<{ quarter: string; fromOn: string; toOn: string }> = [];
  let year = Number(fromOn.slice(0, 4));
  let q = Math.floor((Number(fromOn.slice(5, 7)) - 1) / 3);
  for (;;) {
    const first = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    if (first > toOn) {
      return out;
    }
    const nextFirst = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`;
    out.push({ quarter: `${year}Q${q + 1}`, fromOn: first, toOn: addDays(nextFirst, -1) });
    q = (q + 1) % 4;
    if (q === 0) {
      year++;
    }
  }
}

/** The overdue day ranges of a loan from its days-past-due history (each move starts a range), up to `until`. */
export function overdueRanges(
  history: ReadonlyArray<{ fromOn: string; bucket: DpdBucket }>,
  until: string,
): Array<{ fromOn: string; toOn: string }> {
  const sorted = [...history].sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0));
  const ranges: Array<{ fromOn: string; toOn: string }> = [];
  sorted.forEach((h, i) => {
    const next = sorted[i + 1];
    const toOn = next ? addDays(next.fromOn, -1) : until;
    if (h.bucket !== 'current' && toOn >= h.fromOn) {
      ranges.push({ fromOn: h.fromOn, toOn });
    }
  });
  return ranges;
}

/** The uses a microcredit loan may fund (its industry code): production and business only, never consumption. */
export const LOAN_PURPOSES = [
  '种植',
  '养殖',
  '加工',
  '商贸流通',
  '乡村旅游',
  '庭院经济',
  '其他生产经营',
] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** A subsidy share: a decimal from 0 to 1 with up to four places ("0.7", "1"). */
export const SUBSIDY_RATE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** One period of the interest-subsidy schedule: the share of interest subsidised, on principal up to the cap. */
export interface SubsidyEpochInput {
  appliesTo: 'new' | 'old';
  fromOn: string;
  toOn: string | null;
  /** 0–1 as a decimal string, e.g. "0.7". */
  rate: string;
  principalCap: string;
}

/**
 * Why a subsidy schedule cannot stand, or null. Per kind of loan (new or old policy) the periods are in order,
 * do not overlap, leave no gap, and only the last may run on; a rate is between 0 and 1.
 */
export function subsidyScheduleProblem(epochs: readonly SubsidyEpochInput[]): string | null {
  for (const appliesTo of ['new', 'old'] as const) {
    const label = appliesTo === 'new' ? '新发放贷款' : '原扶贫小额信贷';
    const rows = epochs
      .filter((e) => e.appliesTo === appliesTo)
      .sort((a, b) => a.fromOn.localeCompare(b.fromOn));
    if (rows.length === 0) {
      return `${label}至少需要一个贴息时段`;
    }
    for (const [i, row] of rows.entries()) {
      if (row.toOn !== null && row.toOn < row.fromOn) {
        return `${label}：${row.fromOn} 起的时段结束日期早于开始日期`;
      }
      if (!SUBSIDY_RATE_PATTERN.test(row.rate)) {
        return `${label}：贴息比例应在 0 至 1 之间`;
      }
      const next = rows[i + 1];
      if (!next) {
        continue;
      }
      if (row.toOn === null) {
        return `${label}：只有最后一个时段可以不设结束日期`;
      }
      if (next.fromOn <= row.toOn) {
        return `${label}：${row.fromOn} 起与 ${next.fromOn} 起的时段重叠`;
      }
      if (next.fromOn !== addDays(row.toOn, 1)) {
        return `${label}：${row.toOn} 与 ${next.fromOn} 之间有空档`;
      }
    }
  }
  return null;
}
