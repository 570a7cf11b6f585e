import type { RegionLevel } from './roles.js';

/**
 * 12-digit statistical division codes (GB/T 2260 + NBS town/village extension):
 * PP CC DD TTT VVV. A region's descendants share the prefix that its level fixes,
 * which lets scope checks and SQL filters be plain prefix matches.
 */
const PREFIX_LENGTH: Record<Exclude<RegionLevel, 'zone'>, number> = {
  city: 4,
  county: 6,
  town: 9,
  village: 12,
};

export const REGION_CODE_PATTERN = /^\d{12}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

export function scopePrefix(code: string, level: Exclude<RegionLevel, 'zone'>): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

/** The county-level code (6 digits + six zeros) a region belongs to, or null above county level. */
export function countyCodeOf(code: string, level: RegionLevel): string | null {
  if (level === 'city' || level === 'zone' || !isRegionCode(code)) {
    return null;
  }
  return `${code.slice(0, 6)}000000`;
}

/** The level a code's shape implies: trailing zeros mark the higher levels. */
export function levelFromCode(code: string): Exclude<RegionLevel, 'zone'> | null {
  if (!isRegionCode(code)) {
    return null;
  }
  if (code.slice(4) === '00000000') {
    return 'city';
  }
  if (code.slice(6) === '000000') {
    return 'county';
  }
  if (code.slice(9) === '000') {
    return 'town';
  }
  return 'village';
}

export function isWithinScope(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => code.startsWith(prefix));
}
