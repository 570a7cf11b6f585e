import type { Role } from './roles.js';

/**
 * Every permission in Shoudi. A route names the one it needs; the server refuses the request
 * before the handler runs when the actor's role lacks it. Region scope is checked afterwards,
 * in the service, on the records themselves.
 */
export const PERMISSIONS = [
  'region.read',
  'user.read',
  'user.manage',
  'audit.read',
  'household.read',
  'household.write',
  'household.reveal',
  'household.import',
  'household.export',
  'screening.read',
  'screening.run',
  'screening.configure',
  'lead.read',
  'lead.write',
  'case.read',
  'case.act',
  'measure.write',
  'helper.assign',
  'visit.read',
  'visit.write',
  'quality.read',
  'cycle.run',
  'attachment.write',
  'report.read',
  'report.manage',
  'ranking.read',
  'bulletin.write',
  'selfcheck.sign',
  'verification.manage',
  'feed.submit',
  'feed.read',
  'alert.read',
  'alert.handle',
  'alert.configure',
  'department.export',
  'declaration.read',
  'declaration.handle',
  'lead.register',
  'employment.read',
  'employment.write',
  'employment.import',
  'employment.configure',
  'project.read',
  'project.write',
  'fund.read',
  'fund.write',
  'fund.bulletin',
  'credit.read',
  'credit.apply',
  'credit.act',
  'credit.bank',
  'credit.manage',
  'credit.report',
  'credit.configure',
  'operator.read',
  'operator.write',
  'linkage.read',
  'linkage.write',
  'linkage.verify',
  'industry.read',
  'industry.declare',
  'consumer.read',
  'consumer.declare',
  'consumer.act',
  'consumer.configure',
  'industry.act',
  'industry.configure',
  'industry.coverage',
  'courtyard.read',
  'courtyard.nominate',
  'courtyard.act',
  'courtyard.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Role[] = ['city', 'county', 'township', 'village', 'helper', 'department', 'leader'];

export const ROLE_PERMISSIONS: Record<Permission, readonly Role[]> = {
  'region.read': ALL,
  'user.read': ['city', 'county'],
  'user.manage': ['city', 'county'],
  'audit.read': ['city', 'county', 'leader'],
  // Helpers reach only their assigned households (see household.repository accessFilter).
  'household.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  'household.write': ['county', 'township', 'village', 'helper'],
  // Full ID numbers and phones: the staff who visit and contact households, not city desks or leaders.
  'household.reveal': ['county', 'township', 'village', 'helper'],
  'household.import': ['county', 'township', 'village'],
  'household.export': ['city', 'county', 'township'],
  'screening.read': ['city', 'county', 'township', 'village', 'leader'],
  'screening.run': ['city', 'county', 'township'],
  'screening.configure': ['city'],
  'lead.read': ['city', 'county', 'township', 'village', 'leader'],
  // Cadres report and verify leads; the county too (petitions and department hand-offs land there).
  'lead.write': ['county', 'township', 'village'],
  // Helpers read the cases of their own households (household access filter).
  'case.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  // Each workflow step names the level that acts (shared/case-workflow.ts); this is the outer gate.
  'case.act': ['county', 'township', 'village'],
  'measure.write': ['county', 'township', 'village'],
  'helper.assign': ['county', 'township'],
  'visit.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  'visit.write': ['county', 'township', 'village', 'helper'],
  'quality.read': ['city', 'county', 'township', 'village', 'leader'],
  'cycle.run': ['city'],
  // Photos and signed forms, for case steps and visits.
  'attachment.write': ['county', 'township', 'village', 'helper'],
  'report.read': ['city', 'county', 'township', 'village', 'leader'],
  // 一季一排序 ranks the children of a city, county or town: a village has none to rank.
  'ranking.read': ['city', 'county', 'township', 'leader'],
  // Closing months, ranking weights and bulletins are the city bureau's.
  'report.manage': ['city'],
  // A bulletin ranks the units below: the city drafts one on its counties, a county on its towns.
  'bulletin.write': ['city', 'county'],
  'selfcheck.sign': ['county', 'township', 'village'],
  'verification.manage': ['county', 'township'],
  // Departments send their own feeds and see the outcome of each row; never the household registry.
  'feed.submit': ['department'],
  'feed.read': ['city', 'county', 'department'],
  'alert.read': ['city', 'county', 'township', 'village', 'leader'],
  'alert.handle': ['county', 'township', 'village'],
  'alert.configure': ['city'],
  'department.export': ['city', 'county'],
  'declaration.read': ['city', 'county', 'township', 'village', 'leader'],
  'declaration.handle': ['county', 'township', 'village'],
  'lead.register': ['county', 'township'],
  // Work monitoring (务工监测): helpers record a member's job at a visit, for their own households.
  'employment.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  'employment.write': ['county', 'township', 'village', 'helper'],
  // 人社 uploads its work files and sees each row's outcome, never the registry; county and township clerks too.
  'employment.import': ['county', 'township', 'department'],
  // The counting rule, the targets and the job-end scan are the city bureau's.
  'employment.configure': ['city'],
  // Projects and connection funds (domain-cdefg §D): villages declare, townships review, counties assess and
  // approve (each workflow step names its level, shared/project-workflow.ts); counties record the money;
  // the city sees all and issues the city bulletin.
  'project.read': ['city', 'county', 'township', 'village', 'leader'],
  'project.write': ['county', 'township', 'village'],
  'fund.read': ['city', 'county', 'township', 'leader'],
  'fund.write': ['county'],
  'fund.bulletin': ['city'],
  // Microcredit: 银行 department users see their own bank's loans; other departments see none.
  'credit.read': ['city', 'county', 'township', 'village', 'leader', 'department'],
  // The village records a household's application (the township and county may too).
  'credit.apply': ['county', 'township', 'village'],
  // A lifecycle step; the loan state machine (shared/credit.ts) names who takes each one.
  'credit.act': ['county', 'township', 'village', 'department'],
  // Repayments, days past due and bank files: reported by the bank.
  'credit.bank': ['department'],
  // Banks lending in the county and the risk compensation fund.
  'credit.manage': ['county'],
  // The interest-subsidy schedule: the province sets the shares, the city keeps them for every county.
  'credit.configure': ['city'],
  // Indicators, breakers and the risk fund: the bureaus' view over regions, not a bank's.
  'credit.report': ['city', 'county', 'township', 'village', 'leader'],
  // The operator registry (经营主体): counties and townships register the operators in their scope, once.
  'operator.read': ['city', 'county', 'township', 'village', 'leader'],
  'operator.write': ['county', 'township'],
  // Consumer assistance (消费帮扶): the township or county enters a producer's application and the sales; the
  // township checks, the county reviews, posts the notice and certifies; the county sets its floors and brands.
  'consumer.read': ['city', 'county', 'township', 'leader'],
  'consumer.declare': ['county', 'township'],
  'consumer.act': ['county', 'township'],
  'consumer.configure': ['county'],
  // Farmer linkage (联农带农): who registers operators records their agreements, linked households and payments.
  'linkage.read': ['city', 'county', 'township', 'village', 'leader'],
  'linkage.write': ['county', 'township'],
  // 四查四促 and 帮扶龙头企业: the county sets up the campaign and the criteria, adds to the sample and verifies
  // rectified findings; townships and counties record checks and rectifications under linkage.write.
  'linkage.verify': ['county'],
  // Industry rewards (产业奖补): the county sets the schemes; a household declares through the village or its
  // helper records the claim at a visit; village, township and county each take their step (shared/industry-rewards.ts).
  'industry.read': ['city', 'county', 'township', 'village', 'leader', 'helper'],
  'industry.declare': ['county', 'township', 'village', 'helper'],
  'industry.act': ['county', 'township', 'village'],
  'industry.configure': ['county'],
  // Who is still without industry help: the desks that plan it, not helpers (their own households are on their visits).
  'industry.coverage': ['city', 'county', 'township', 'village', 'leader'],
  // Courtyard economy demo villages and households (庭院经济示范): the township nominates, township and county
  // take the steps (shared/courtyard.ts), the county sets the criteria; the city tallies per county.
  'courtyard.read': ['city', 'county', 'township', 'village', 'leader'],
  'courtyard.nominate': ['township'],
  'courtyard.act': ['county', 'township'],
  'courtyard.configure': ['county'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}
