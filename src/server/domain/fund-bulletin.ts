import { bpToPercent, fromCents, toCents } from '../../shared/money.js';
import { workingDaysBetween } from '../../shared/working-days.js';
import { industryShare, milestoneStatus, spendRateBp, timeProportionalBp } from './fund-rules.js';

/** Allocations a county must pass down to projects within this many working days (Yunnan scoring, §D2). */
export const DOWNSTREAM_WORKDAYS = 25;

export interface SummaryRow {
  county_code: string;
  source_code: string;
  received: string;
  allocated: string;
  allocated_industry: string;
  paid: string;
}

export interface BulletinInput {
  asOf: string;
  counties: ReadonlyArray<{ code: string; name: string }>;
  sourceNames: Readonly<Record<string, string>>;
  summary: readonly SummaryRow[];
  lastYear: readonly SummaryRow[];
  allocationTimes: ReadonlyArray<{ county_code: string; received_on: string; first_line_on: string | null }>;
}

const pct = (bp: number) => bpToPercent(bp);

/**
 * The figures of a monthly bulletin or quarterly dispatch from the summary rows: per county the money
 * received, allocated and paid (all connection-fund sources together), the spend rate against the
 * milestone and the time-proportional curve, the central-funds rate the 30/50/75 % milestones are about,
 * the industry share against 60 % and last year, and allocation speed; counties ranked by spend rate.
 * Totals are sums of the county lines in cents, so the report adds up.
 */
export function buildBulletinFigures(input: BulletinInput) {
  const sum = (rows: readonly SummaryRow[], pick: (r: SummaryRow) => string) =>
    rows.reduce((total, r) => total + toCents(pick(r)), 0n);
  const counties = input.counties.map((c) => {
    const rows = input.summary.filter((r) => r.county_code === c.code);
    const central = rows.filter((r) => r.source_code === 'central');
    const last = input.lastYear.filter((r) => r.county_code === c.code);
    const received = sum(rows, (r) => r.received);
    const allocated = sum(rows, (r) => r.allocated);
    const industry = sum(rows, (r) => r.allocated_industry);
    const paid = sum(rows, (r) => r.paid);
    const rate = spendRateBp(paid, received);
    const milestone = milestoneStatus(rate, input.asOf);
    const lastAllocated = sum(last, (r) => r.allocated);
    const lastShareBp =
      lastAllocated > 0n
        ? industryShare(
            sum(last, (r) => r.allocated_industry),
            lastAllocated,
            null,
          ).bp
        : null;
    const share = industryShare(industry, allocated, lastShareBp);
    const times = input.allocationTimes.filter((a) => a.county_code === c.code);
    const passed = times.filter((a) => a.first_line_on !== null);
    const late = times.filter(
      (a) => workingDaysBetween(a.received_on, a.first_line_on ?? input.asOf) > DOWNSTREAM_WORKDAYS,
    ).length;
    const avgWorkdays =
      passed.length > 0
        ? Math.round(
            passed.reduce(
              (n, a) => n + workingDaysBetween(a.received_on, a.first_line_on ?? a.received_on),
              0,
            ) / passed.length,
          )
        : null;
    return {
      countyCode: c.code,
      countyName: c.name,
      receivedCents: received,
      allocatedCents: allocated,
      industryCents: industry,
      paidCents: paid,
      rateBp: rate,
      row: {
        countyCode: c.code,
        countyName: c.name,
        received: fromCents(received),
        allocated: fromCents(allocated),
        allocatedIndustry: fromCents(industry),
        paid: fromCents(paid),
        unpaid: fromCents(received - paid),
        spendRate: pct(rate),
        milestone: pct(milestone.target.bp),
        milestoneDueOn: milestone.target.dueOn,
        gapToMilestone: pct(milestone.gapBp),
        missedMilestone:
          milestone.lastPassed && milestone.lastPassed.shortfallBp > 0 ? pct(milestone.lastPassed.bp) : null,
        timeProportional: pct(timeProportionalBp(input.asOf)),
        gapToSchedule: pct(rate - timeProportionalBp(input.asOf)),
        centralSpendRate: pct(
          spendRateBp(
            sum(central, (r) => r.paid),
            sum(central, (r) => r.received),
          ),
        ),
        industryShare: pct(share.bp),
        lastYearIndustryShare: lastShareBp === null ? null : pct(lastShareBp),
        industryShareMet: share.isMet,
        avgAllocationWorkdays: avgWorkdays,
        lateAllocations: late,
      },
    };
  });
  const ranked = [...counties]
    .sort((a, b) => b.rateBp - a.rateBp || a.countyCode.localeCompare(b.countyCode))
    .map((c, i) => ({ rank: i + 1, ...c.row }));
  const totalOf = (pick: (c: (typeof counties)[number]) => bigint) =>
    counties.reduce((n, c) => n + pick(c), 0n);
  const received = totalOf((c) => c.receivedCents);
  const allocated = totalOf((c) => c.allocatedCents);
  const industry = totalOf((c) => c.industryCents);
  const paid = totalOf((c) => c.paidCents);
  const rate = spendRateBp(paid, received);
  const sources = Object.entries(input.sourceNames)
    .map(([code, name]) => {
      const rows = input.summary.filter((r) => r.source_code === code);
      const r = sum(rows, (x) => x.received);
      const p = sum(rows, (x) => x.paid);
      return {
        source: code,
        sourceName: name,
        received: fromCents(r),
        paid: fromCents(p),
        spendRate: pct(spendRateBp(p, r)),
      };
    })
    .filter((s) => s.received !== '0.00' || s.paid !== '0.00');
  return {
    asOf: input.asOf,
    totals: {
      received: fromCents(received),
      allocated: fromCents(allocated),
      allocatedIndustry: fromCents(industry),
      paid: fromCents(paid),
      unpaid: fromCents(received - paid),
      spendRate: pct(rate),
      milestone: pct(milestoneStatus(rate, input.asOf).target.bp),
      gapToMilestone: pct(milestoneStatus(rate, input.asOf).gapBp),
      timeProportional: pct(timeProportionalBp(input.asOf)),
      industryShare: pct(industryShare(industry, allocated, null).bp),
      countiesBehindMilestone: counties.filter((c) => milestoneStatus(c.rateBp, input.asOf).gapBp < 0).length,
      countiesBelowIndustryShare: ranked.filter((c) => !c.industryShareMet).length,
    },
    counties: ranked,
    sources,
  };
}

export type BulletinFigures = ReturnType<typeof buildBulletinFigures>;
