/** 一季一排序: indicators, their scores and the weighted ranking (pure; the figures come from SQL). */
export const INDICATORS = [
  'identification_on_time',
  'measure_coverage',
  'visits_on_time',
  'alerts_on_time',
  'quality_issues',
  'eliminations_held',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Record<Indicator, string> = {
  identification_on_time: '15天内完成识别',
  measure_coverage: '有劳动能力监测户开发式措施覆盖',
  visits_on_time: '按期走访',
  alerts_on_time: '预警按期核实',
  quality_issues: '数据质量',
  eliminations_held: '风险消除稳定（未返贫）',
};

/** A rate as a fraction `good / total`; null when there is nothing to judge (then it does not count). */
export interface Measure {
  good: number;
  total: number;
}

export interface RankingInput {
  code: string;
  name: string;
  measures: Partial<Record<Indicator, Measure>>;
}

export interface RankedRow {
  code: string;
  name: string;
  /** Null when no indicator has data: such a unit is listed last and is neither ranked nor named. */
  rank: number | null;
  score: number;
  hasData: boolean;
  indicators: Array<{
    indicator: Indicator;
    rate: number | null;
    good: number;
    total: number;
    weight: number;
    points: number;
  }>;
}

/**
 * Each indicator scores its rate (0–1); the total is the weighted mean over the indicators that have data,
 * times 100. Ties share a rank. The rows explain themselves: rate, counts, weight and points per indicator.
 */
export function rank(
  inputs: readonly RankingInput[],
  weights: Partial<Record<Indicator, number>>,
): RankedRow[] {
  const scored = inputs.map((input) => {
    let weighted = 0;
    let weightSum = 0;
    const indicators = INDICATORS.map((indicator) => {
      const m = input.measures[indicator];
      const weight = weights[indicator] ?? 0;
      const rate = m && m.total > 0 ? Math.max(0, Math.min(1, m.good / m.total)) : null;
      if (rate !== null) {
        weighted += rate * weight;
        weightSum += weight;
      }
      return {
        indicator,
        rate,
        good: m?.good ?? 0,
        total: m?.total ?? 0,
        weight,
        points: rate === null ? 0 : Math.round(rate * weight * 100) / 100,
      };
    });
    const score = weightSum > 0 ? Math.round((weighted / weightSum) * 10000) / 100 : 0;
    return { code: input.code, name: input.name, score, hasData: weightSum > 0, indicators };
  });
  const sorted = [...scored].sort(
    (a, b) => Number(b.hasData) - Number(a.hasData) || b.score - a.score || a.code.localeCompare(b.code),
  );
  return sorted.map((row) => ({
    ...row,
    // Ties share a rank: one plus the number of units scoring strictly better.
    rank: row.hasData ? sorted.filter((r) => r.hasData && r.score > row.score).length + 1 : null,
  }));
}

/**
 * The units a bulletin names for rectification: those holding the lowest three ranks, all of a tied rank
 * together (never cut by list order), only units with data, and nobody when everyone with data ties.
 */
export function laggardsOf(rows: readonly RankedRow[], places = 3): RankedRow[] {
  const ranked = rows.filter((r) => r.hasData && r.rank !== null);
  const ranks = [...new Set(ranked.map((r) => r.rank as number))].sort((a, b) => a - b);
  if (ranks.length < 2) {
    return [];
  }
  // The lowest ranks, but never the first: a unit at the top is not a laggard.
  const lowest = new Set(ranks.slice(1).slice(-places));
  return ranked.filter((r) => lowest.has(r.rank as number)).reverse();
}

/** The quarter (YYYYQn) a date falls in, and its months. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quarterMonths(quarter: string): string[] {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${match[1]}-${String(first + i).padStart(2, '0')}`);
}
