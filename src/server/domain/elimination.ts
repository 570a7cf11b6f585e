import { addMonths } from '../../shared/calendar.js';
import { toSignedCents } from '../../shared/money.js';

/** The facts the elimination criteria (domain.md §6) are judged on. */
export interface EliminationFacts {
  today: string;
  identifiedOn: string | null;
  /** 元, decimal strings; a missing line (none set yet) is never reached. */
  perCapitaNow: string;
  lineNow: string | null;
  /** Per-capita net income over the 12 months that ended six months ago, and that year's line. */
  perCapitaSixMonthsAgo: string;
  lineSixMonthsAgo: string | null;
  measureCount: number;
  guaranteesOk: boolean;
  hasOpenLead: boolean;
  hasLabour: boolean;
}

export type EliminationMode = 'assisted' | 'natural';

export const ELIMINATION_CRITERIA = [
  'income_above_line',
  'income_stable_half_year',
  'monitored_half_year',
  'has_measure',
  'guarantees_secured',
  'no_new_risk',
] as const;
export type EliminationCriterion = (typeof ELIMINATION_CRITERIA)[number];

export interface CriterionResult {
  code: EliminationCriterion;
  met: boolean;
  /** Whether this mode needs it: natural elimination (自然消除) does not need a measure. */
  required: boolean;
}

/** Whether an income reaches a line, compared exactly in fen. */
function reaches(perCapita: string, line: string | null): boolean {
  return line !== null && toSignedCents(perCapita) >= toSignedCents(line);
}

export function eliminationCriteria(f: EliminationFacts, mode: EliminationMode): CriterionResult[] {
  const monitoredHalfYear = f.identifiedOn !== null && addMonths(f.identifiedOn, 6) <= f.today;
  const met: Record<EliminationCriterion, boolean> = {
    income_above_line: reaches(f.perCapitaNow, f.lineNow),
    income_stable_half_year:
      reaches(f.perCapitaNow, f.lineNow) && reaches(f.perCapitaSixMonthsAgo, f.lineSixMonthsAgo),
    monitored_half_year: monitoredHalfYear,
    has_measure: f.measureCount > 0,
    guarantees_secured: f.guaranteesOk,
    no_new_risk: !f.hasOpenLead,
  };
  return ELIMINATION_CRITERIA.map((code) => ({
    code,
    met: met[code],
    required: !(mode === 'natural' && code === 'has_measure'),
  }));
}

export function meetsElimination(results: readonly CriterionResult[]): boolean {
  return results.every((r) => r.met || !r.required);
}
