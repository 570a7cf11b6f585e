/**
 * Household industry rewards (产业奖补, domain-cdefg §C1): a county's scheme per year and item pays a share of a
 * household's net income from it, capped per 亩 (or head) and per household a year. A claim is declared by the
 * household or recorded by a cadre at a visit, checked by the village, posted (≥ 10 days), reviewed by the
 * township, accepted by the county (a sample on site) and paid; the payment is the household's industry measure.
 */
import { fromCents, toCents } from './money.js';

export const SCHEME_UNITS = ['mu', 'head', 'household'] as const;
export type SchemeUnit = (typeof SCHEME_UNITS)[number];
export const SCHEME_UNIT_LABELS: Record<SchemeUnit, { zh: string; en: string }> = {
  mu: { zh: '亩', en: 'mu' },
  head: { zh: '头（只）', en: 'head' },
  household: { zh: '户', en: 'household' },
};

/** Who a scheme pays by default: 脱贫户 and 监测户 (a scheme may narrow it). */
export const DEFAULT_ELIGIBLE_TYPES = ['exited_poverty', 'monitored'] as const;

/** The defaults of 汝州's 2023 scheme (§C1): 20 % of net income, ≤ 500 元/亩, ≤ 5,000 元 per household a year. */
export const SCHEME_DEFAULTS = { ratePercent: '20', unitCap: '500.00', householdCap: '5000.00' } as const;

export const CLAIM_STAGES = [
  'declared',
  'village_checked',
  'notice',
  'town_reviewed',
  'county_accepted',
  'paid',
  'returned',
  'rejected',
] as const;
export type ClaimStage = (typeof CLAIM_STAGES)[number];

export const CLAIM_STAGE_LABELS: Record<ClaimStage, { zh: string; en: string }> = {
  declared: { zh: '已申报', en: 'Declared' },
  village_checked: { zh: '村级已核查', en: 'Checked by the village' },
  notice: { zh: '村内公示中', en: 'On notice' },
  town_reviewed: { zh: '乡镇已审核', en: 'Reviewed by the township' },
  county_accepted: { zh: '县级已验收', en: 'Accepted by the county' },
  paid: { zh: '已兑付', en: 'Paid' },
  returned: { zh: '已退回', en: 'Sent back' },
  rejected: { zh: '不予奖补', en: 'Refused' },
};

export const CLAIM_ACTIONS = ['check', 'review', 'accept', 'pay', 'send_back', 'reject'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export const CLAIM_ACTION_LABELS: Record<ClaimAction, { zh: string; en: string }> = {
  check: { zh: '村级核查通过', en: 'Village check passed' },
  review: { zh: '乡镇审核通过', en: 'Township review passed' },
  accept: { zh: '县级验收通过', en: 'County acceptance passed' },
  pay: { zh: '登记兑付', en: 'Record payment' },
  send_back: { zh: '退回', en: 'Send back' },
  reject: { zh: '不予奖补', en: 'Refuse' },
};

export type ActingLevel = 'village' | 'township' | 'county';

/**
 * Who acts on a claim at each stage, and where it goes. Posting the notice is its own step (a notice covers the
 * village's checked claims); a sent-back claim is edited and declared again.
 */
export const CLAIM_TRANSITIONS: Record<
  ClaimAction,
  { from: readonly ClaimStage[]; to: ClaimStage; level: ActingLevel | 'by_stage' }
> = {
  check: { from: ['declared'], to: 'village_checked', level: 'village' },
  review: { from: ['notice'], to: 'town_reviewed', level: 'township' },
  accept: { from: ['town_reviewed'], to: 'county_accepted', level: 'county' },
  pay: { from: ['county_accepted'], to: 'paid', level: 'county' },
  send_back: {
    from: ['declared', 'village_checked', 'notice', 'town_reviewed'],
    to: 'returned',
    level: 'by_stage',
  },
  reject: { from: ['notice', 'town_reviewed'], to: 'rejected', level: 'by_stage' },
};

/** The level that holds a claim at a stage (sends it back or refuses it). */
export function holderOf(stage: ClaimStage): ActingLevel | null {
  switch (stage) {
    case 'declared':
    case 'village_checked':
      return 'village';
    case 'notice':
      return 'township';
    case 'town_reviewed':
    case 'county_accepted':
      return 'county';
    default:
      return null;
  }
}

/**
 * The county checks one claim in five on site (验收抽查): chosen by the claim's id, so the sample is fixed
 * when the township passes it and nobody picks which claims are looked at.
 */
export const SAMPLE_EVERY = 5;
export const isSampled = (claimId: number) => (Math.imul(claimId, 2654435761) >>> 0) % SAMPLE_EVERY === 0;

export interface RewardInput {
  /** 亩, heads or 1 household: a decimal string with at most two decimals. */
  scale: string;
  revenue: string;
  cost: string;
  ratePercent: string;
  /** Per unit of scale; null when the scheme has none. */
  unitCap: string | null;
  householdCap: string;
  /** What the household's other claims of the year already take of the household cap. */
  otherClaimsThisYear: string;
}

export interface Reward {
  netIncome: string;
  byRate: string;
  /** The reward and which limit set it (null: the rate alone). */
  reward: string;
  capApplied: 'unit' | 'household' | null;
}

/** Scale × a per-unit cap, both with two decimals, rounded half up to the fen. */
function scaled(scale: string, perUnit: string): bigint {
  return (toCents(scale) * toCents(perUnit) + 50n) / 100n;
}

/**
 * The reward of a claim: the rate of the net income (revenue − cost, never below 0), then the per-unit cap
 * (scale × cap), then what is left of the household's cap this year. Exact, in fen; rounded half up.
 */
export function computeReward(input: RewardInput): Reward {
  const net = toCents(input.revenue) - toCents(input.cost);
  const netIncome = net > 0n ? net : 0n;
  // The rate is a percent with up to two decimals: 20.5 % is 2050 basis points.
  const rateBp = toCents(input.ratePercent);
  const byRate = (netIncome * rateBp + 5000n) / 10000n;
  let reward = byRate;
  let capApplied: Reward['capApplied'] = null;
  if (input.unitCap !== null) {
    const unitLimit = scaled(input.scale, input.unitCap);
    if (unitLimit < reward) {
      reward = unitLimit;
      capApplied = 'unit';
    }
  }
  const left = toCents(input.householdCap) - toCents(input.otherClaimsThisYear);
  const householdLeft = left > 0n ? left : 0n;
  if (householdLeft < reward) {
    reward = householdLeft;
    capApplied = 'household';
  }
  return {
    netIncome: fromCents(netIncome),
    byRate: fromCents(byRate),
    reward: fromCents(reward),
    capApplied,
  };
}
