import type { MonitoringLine } from '../../../data/monitoring-lines.js';

/**
 * What administrators are warned of when the current year has no monitoring line: screening and the household
 * pages then apply the latest earlier year's line (or none at all). Null when the year has its line.
 */
export function missingLineWarning(
  lines: readonly MonitoringLine[],
  year: number,
): { year: number; fallback: MonitoringLine | null } | null {
  if (lines.some((l) => l.year === year)) {
    return null;
  }
  const earlier = lines.filter((l) => l.year < year).sort((a, b) => b.year - a.year);
  return { year, fallback: earlier[0] ?? null };
}
