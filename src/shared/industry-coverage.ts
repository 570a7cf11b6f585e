/**
 * Industry coverage (产业帮扶覆盖, plan §二, domain-cdefg §C1): every 脱贫/监测 household that can develop an
 * industry has at least one developmental industry measure in the year. The registry holds no separate
 * "development intent", so the households counted are those with a member able to work (the same test as the
 * point-3 measure rule); the help is read from the facts other modules recorded, never typed again.
 */

/** Where a household's industry help of the year was recorded. */
export const COVERAGE_KINDS = ['measure', 'claim', 'linkage', 'courtyard'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export const COVERAGE_KIND_LABELS: Record<CoverageKind, { zh: string; en: string }> = {
  measure: { zh: '帮扶措施（产业类）', en: 'Industry measure on the case' },
  claim: { zh: '产业奖补（已兑付）', en: 'Industry reward paid' },
  linkage: { zh: '联农带农', en: 'Farmer linkage' },
  courtyard: { zh: '庭院经济示范户（已验收）', en: 'Courtyard demo household, accepted' },
};

/** Covered ÷ households as a percentage with one decimal ("—" when there is nobody to cover). */
export function coverageRate(covered: number, households: number): string {
  if (households === 0) {
    return '—';
  }
  const tenths = Math.round((covered * 1000) / households);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
