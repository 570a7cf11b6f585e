import type { Figures } from '../../data/reports.js';

/** A count from a figures record (0 when absent). */
export function num(figures: Figures | undefined, key: string): number {
  const value = figures?.[key];
  return typeof value === 'number' ? value : 0;
}

/** A breakdown map from a figures record ({} when absent). */
export function breakdown(figures: Figures | undefined, key: string): Record<string, number> {
  const value = figures?.[key];
  return typeof value === 'object' && value !== null ? value : {};
}
