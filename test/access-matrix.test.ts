import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/server/demo/demo-seed.service.js';
import { systemActor } from '../src/server/services/actor.js';
import { clock } from '../src/shared/clock.js';
import { hasPermission, type Permission } from '../src/shared/permissions.js';
import { ROLES } from '../src/shared/roles.js';
import { newCase, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The access matrix: every route of the API, who may call it, and how a request about another region
 * is refused. A new route that is not listed here fails the coverage test below.
 */
interface Ids {
  /** A user in 宛城区, outside 卧龙区. */
  wanchengUserId: number;
  wanchengUserVersion: number;
  /** A household in 宛城区, one of its members, and a screening round of 宛城区. */
  householdId: number;
  personId: number;
  roundId: number;
  /** A lead, a case under monitoring with a measure, and a photo, all of 宛城区. */
  leadId: number;
  caseId: number;
  measureId: number;
  attachmentId: string;
  /** A work record of the household's first member, and a work file imported by the county, both of 宛城区. */
  workRecordId: number;
  importId: number;
  /** A project of 宛城区 in the library, an allocation to 宛城区 and its line to the project. */
  projectId: number;
  allocationId: number;
  fundLineId: number;
  /** A loan of 宛城区 at a 宛城区 bank. */
  loanId: number;
  /** A co-operative registered in a village of 宛城区, and its farmer-linkage agreement. */
  operatorId: number;
  linkageId: number;
  /** A reward scheme of 宛城区, a claim of the household on it and the claim's village notice. */
  schemeId: number;
  claimId: number;
  claimNoticeId: number;
  /** A consumer-assistance product of the co-operative on notice, its notice, and a brand of 宛城区. */
  consumerProductId: number;
  consumerNoticeId: number;
  consumerBrandId: number;
  /** A 四查四促 campaign of 宛城区 with the agreement in its sample, checked, and a finding of the check. */
  campaignId: number;
  findingId: number;
  /** A courtyard demo village of 宛城区 (the household's), the household in it, and the village's list notice. */
  courtyardVillageId: number;
  courtyardHouseholdId: number;
  courtyardNoticeId: number;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  permission: Permission | 'public';
  /** The request made by role checks (inside the caller's own scope where that matters). */
  request: (ids: Ids) => { url: string; payload?: Record<string, unknown> };
  /** The same request aimed at another region: must be refused like a request for nothing. */
  foreign?: (ids: Ids) => { url: string; payload?: Record<string, unknown> };
  /** The request aimed at a record that does not exist at all. */
  missing?: () => { url: string; payload?: Record<string, unknown> };
  /** Writes that would change the caller's own session are skipped in the per-role loop. */
  skipRoleLoop?: boolean;
}

/** A check of the sampled agreement, valid in shape (the campaign decides the rest). */
const CHECK_BODY = { checkedOn: '2026-11-15', results: [{ item: '查项目', result: 'conforms' }] };

const SCHEME_EDIT = {
  year: 2026,
  item: '香菇种植',
  unit: 'mu',
  ratePercent: '20',
  householdCap: '5000.00',
  windowStart: '2026-01-01',
  windowEnd: '2026-12-31',
  version: 1,
};
const CLAIM_EDIT = { version: 1, scale: '1', revenue: '1.00', cost: '0' };
const PRODUCT_BODY = {
  name: '东岗香菇',
  category: 'fungi',
  annualValue: '200000.00',
  certLevel: 'county',
  validFrom: '2026-01-01',
  validTo: '2028-12-31',
  linkageType: 'business',
  householdIds: [],
};
const BRAND_BODY = {
  name: '宛城好物',
  kind: 'regional',
  ownerUnit: '农业农村局',
  productIds: [],
  licensees: [],
};
const SALE_BODY = {
  soldOn: '2026-11-01',
  channel: 'fair',
  buyerType: 'individual',
  buyerName: '散客',
  amount: '100.00',
};
const PRODUCT_NOTICE = { channel: '县政府网站', startsOn: '2026-11-01', endsOn: '2026-11-10' };

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', permission: 'public', request: () => ({ url: '/api/health' }) },
  {
    method: 'POST',
    path: '/api/auth/login',
    permission: 'public',
    request: () => ({ url: '/api/auth/login', payload: { username: 'x', password: 'y' } }),
    skipRoleLoop: true,
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    permission: 'region.read',
    request: () => ({ url: '/api/auth/logout' }),
    skipRoleLoop: true,
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    permission: 'region.read',
    request: () => ({ url: '/api/auth/me' }),
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    permission: 'region.read',
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'whatever-new' },
    }),
  },
  {
    method: 'GET',
    path: '/api/auth/lockouts',
    permission: 'user.manage',
    request: () => ({ url: '/api/auth/lockouts' }),
  },
  {
    method: 'POST',
    path: '/api/auth/lockouts/reset',
    permission: 'user.manage',
    request: () => ({ url: '/api/auth/lockouts/reset', payload: { username: 'village_guanzhuang' } }),
    // county_wolong may not reset a user of 宛城区: answered like an unknown user.
    foreign: () => ({ url: '/api/auth/lockouts/reset', payload: { username: 'village_guanzhuang' } }),
    missing: () => ({ url: '/api/auth/lockouts/reset', payload: { username: 'no_such_user' } }),
  },
  {
    method: 'GET',
    path: '/api/users',
    permission: 'user.read',
    request: () => ({ url: '/api/users' }),
    foreign: () => ({ url: '/api/users?regionCode=411302000000' }),
    missing: () => ({ url: '/api/users?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/users',
    permission: 'user.manage',
    request: () => ({
      url: '/api/users',
      payload: { username: '', displayName: '', password: '', role: 'village', regionCode: '' },
    }),
    foreign: () => ({
      url: '/api/users',
      payload: {
        username: 'intruder',
        displayName: '越权',
        password: 'long-enough-1',
        role: 'village',
        regionCode: '411302101201',
      },
    }),
    missing: () => ({
      url: '/api/users',
      payload: {
        username: 'intruder',
        displayName: '越权',
        password: 'long-enough-1',
        role: 'village',
        regionCode: '411399101201',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/users/{id}',
    permission: 'user.read',
    request: (ids) => ({ url: `/api/users/${ids.wanchengUserId}` }),
    foreign: (ids) => ({ url: `/api/users/${ids.wanchengUserId}` }),
    missing: () => ({ url: '/api/users/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    permission: 'user.manage',
    request: (ids) => ({ url: `/api/users/${ids.wanchengUserId}`, payload: { version: 1 } }),
    foreign: (ids) => ({
      url: `/api/users/${ids.wanchengUserId}`,
      payload: { version: ids.wanchengUserVersion, disabled: true },
    }),
    missing: () => ({ url: '/api/users/999999', payload: { version: 1, disabled: true } }),
  },
  {
    method: 'POST',
    path: '/api/users/{id}/reset-password',
    permission: 'user.manage',
    request: () => ({ url: '/api/users/999999/reset-password' }),
    foreign: (ids) => ({ url: `/api/users/${ids.wanchengUserId}/reset-password` }),
    missing: () => ({ url: '/api/users/999999/reset-password' }),
  },
  {
    method: 'GET',
    path: '/api/regions',
    permission: 'region.read',
    request: () => ({ url: '/api/regions' }),
  },
  {
    method: 'GET',
    path: '/api/regions/{code}',
    permission: 'region.read',
    request: () => ({ url: '/api/regions/411300000000' }),
    foreign: () => ({ url: '/api/regions/411302101000' }),
    missing: () => ({ url: '/api/regions/411302999000' }),
  },
  {
    method: 'GET',
    path: '/api/regions/{code}/children',
    permission: 'region.read',
    request: () => ({ url: '/api/regions/411300000000/children' }),
    foreign: () => ({ url: '/api/regions/411302101000/children' }),
    missing: () => ({ url: '/api/regions/411302999000/children' }),
  },
  { method: 'GET', path: '/api/zones', permission: 'region.read', request: () => ({ url: '/api/zones' }) },
  {
    method: 'GET',
    path: '/api/audit',
    permission: 'audit.read',
    request: () => ({ url: '/api/audit' }),
    foreign: () => ({ url: '/api/audit?regionCode=411302000000' }),
    missing: () => ({ url: '/api/audit?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/audit/actions',
    permission: 'audit.read',
    request: () => ({ url: '/api/audit/actions' }),
  },
  {
    method: 'GET',
    path: '/api/households',
    permission: 'household.read',
    request: () => ({ url: '/api/households' }),
    foreign: () => ({ url: '/api/households?regionCode=411302000000' }),
    missing: () => ({ url: '/api/households?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/households',
    permission: 'household.write',
    request: () => ({
      url: '/api/households',
      payload: { regionCode: '', householdType: 'ordinary', head: {} },
    }),
    foreign: () => ({
      url: '/api/households',
      payload: {
        regionCode: '411302101201',
        householdType: 'ordinary',
        head: { name: '越权', idNumber: '411302195803120137' },
      },
    }),
    missing: () => ({
      url: '/api/households',
      payload: {
        regionCode: '411399101201',
        householdType: 'ordinary',
        head: { name: '越权', idNumber: '411302195803120137' },
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/households/import',
    permission: 'household.import',
    request: () => ({ url: '/api/households/import?filename=x.csv', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/households/imports',
    permission: 'household.import',
    request: () => ({ url: '/api/households/imports' }),
  },
  {
    method: 'GET',
    path: '/api/imports/{id}/problems.csv',
    permission: 'household.import',
    request: () => ({ url: '/api/imports/999999/problems.csv' }),
  },
  {
    method: 'GET',
    path: '/api/households/export',
    permission: 'household.export',
    request: () => ({ url: '/api/households/export?format=csv' }),
    foreign: () => ({ url: '/api/households/export?regionCode=411302000000' }),
    missing: () => ({ url: '/api/households/export?regionCode=411399000000' }),
  },
  householdRoute('GET', '/api/households/{id}', 'household.read', (id) => `/api/households/${id}`),
  householdRoute('PATCH', '/api/households/{id}', 'household.write', (id) => `/api/households/${id}`, {
    version: 999999,
    address: '越权',
  }),
  householdRoute(
    'GET',
    '/api/households/{id}/history',
    'household.read',
    (id) => `/api/households/${id}/history`,
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/members',
    'household.write',
    (id) => `/api/households/${id}/members`,
    {
      version: 999999,
      name: '越权',
      relation: '之子',
      idNumber: '411302195803120137',
    },
  ),
  householdRoute(
    'PATCH',
    '/api/households/{id}/members/{personId}',
    'household.write',
    (id, person) => `/api/households/${id}/members/${person}`,
    { version: 999999, name: '越权' },
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/members/{personId}/remove',
    'household.write',
    (id, person) => `/api/households/${id}/members/${person}/remove`,
    { version: 999999, reason: '越权' },
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/members/{personId}/reveal',
    'household.reveal',
    (id, person) => `/api/households/${id}/members/${person}/reveal`,
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/head',
    'household.write',
    (id) => `/api/households/${id}/head`,
    {
      version: 999999,
      personId: 1,
      formerHeadRelation: '之子',
    },
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/split',
    'household.write',
    (id) => `/api/households/${id}/split`,
    {
      version: 999999,
      personIds: [1],
      newHeadId: 1,
    },
  ),
  householdRoute(
    'POST',
    '/api/households/{id}/income',
    'household.write',
    (id) => `/api/households/${id}/income`,
    {
      category: 'wage',
      item: 'wage.migrant',
      amount: '1',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
    },
  ),
  householdRoute(
    'DELETE',
    '/api/households/{id}/income/{itemId}',
    'household.write',
    (id) => `/api/households/${id}/income/999999`,
  ),
  {
    method: 'GET',
    path: '/api/screening/rules',
    permission: 'screening.read',
    request: () => ({ url: '/api/screening/rules' }),
  },
  {
    method: 'PUT',
    path: '/api/screening/rules',
    permission: 'screening.configure',
    request: () => ({ url: '/api/screening/rules', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/screening/lines',
    permission: 'screening.read',
    request: () => ({ url: '/api/screening/lines' }),
  },
  {
    method: 'PUT',
    path: '/api/screening/lines',
    permission: 'screening.configure',
    request: () => ({ url: '/api/screening/lines', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/screening/runs',
    permission: 'screening.run',
    request: () => ({ url: '/api/screening/runs', payload: { scopeCode: 'x' } }),
    foreign: () => ({ url: '/api/screening/runs', payload: { scopeCode: '411302000000' } }),
    missing: () => ({ url: '/api/screening/runs', payload: { scopeCode: '411399000000' } }),
  },
  {
    method: 'GET',
    path: '/api/screening/runs',
    permission: 'screening.read',
    request: () => ({ url: '/api/screening/runs' }),
  },
  {
    method: 'GET',
    path: '/api/screening/runs/{id}',
    permission: 'screening.read',
    request: () => ({ url: '/api/screening/runs/999999' }),
  },
  {
    method: 'POST',
    path: '/api/screening/rounds',
    permission: 'screening.configure',
    request: () => ({ url: '/api/screening/rounds', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/screening/rounds',
    permission: 'screening.read',
    request: () => ({ url: '/api/screening/rounds' }),
  },
  {
    method: 'GET',
    path: '/api/screening/rounds/{id}/progress',
    permission: 'screening.read',
    request: (ids) => ({ url: `/api/screening/rounds/${ids.roundId}/progress` }),
    foreign: (ids) => ({ url: `/api/screening/rounds/${ids.roundId}/progress` }),
    missing: () => ({ url: '/api/screening/rounds/999999/progress' }),
  },
  {
    method: 'GET',
    path: '/api/leads',
    permission: 'lead.read',
    request: () => ({ url: '/api/leads' }),
  },
  {
    method: 'POST',
    path: '/api/leads',
    permission: 'lead.write',
    request: () => ({ url: '/api/leads', payload: {} }),
    foreign: (ids) => ({
      url: '/api/leads',
      payload: { householdId: ids.householdId, reasons: ['x'], note: '外区' },
    }),
    missing: () => ({ url: '/api/leads', payload: { householdId: 99999999, reasons: ['x'], note: '外区' } }),
  },
  ...idRoutes('lead', [
    ['GET', '/api/leads/{id}', 'lead.read', '', undefined],
    ['POST', '/api/leads/{id}/close', 'lead.write', '/close', { version: 1, reason: '核实无风险' }],
    ['POST', '/api/leads/{id}/case', 'lead.write', '/case', { version: 1, note: '入户核实' }],
  ]),
  { method: 'GET', path: '/api/cases', permission: 'case.read', request: () => ({ url: '/api/cases' }) },
  {
    method: 'GET',
    path: '/api/cases/summary',
    permission: 'case.read',
    request: () => ({ url: '/api/cases/summary' }),
    foreign: () => ({ url: '/api/cases/summary?regionCode=411302000000' }),
    missing: () => ({ url: '/api/cases/summary?regionCode=411399000000' }),
  },
  ...idRoutes('case', [
    ['GET', '/api/cases/{id}', 'case.read', '', undefined],
    ['PATCH', '/api/cases/{id}', 'case.act', '', { version: 1, category: 'marginal' }],
    ['POST', '/api/cases/{id}/actions', 'case.act', '/actions', { version: 1, action: 'advance' }],
    [
      'POST',
      '/api/cases/{id}/elimination',
      'case.act',
      '/elimination',
      { version: 1, mode: 'assisted', note: '核实' },
    ],
    ['POST', '/api/cases/{id}/safety-net', 'case.act', '/safety-net', { version: 1, note: '兜底' }],
    [
      'POST',
      '/api/cases/{id}/measures',
      'measure.write',
      '/measures',
      { category: 'industry', item: '产业奖补', startsOn: '2026-11-01' },
    ],
  ]),
  ...idRoutes('measure', [
    ['PATCH', '/api/measures/{id}', 'measure.write', '', { version: 1, item: '改' }],
    ['DELETE', '/api/measures/{id}', 'measure.write', '?version=1', undefined],
  ]),
  {
    method: 'GET',
    path: '/api/helpers',
    permission: 'helper.assign',
    request: () => ({ url: '/api/helpers' }),
  },
  {
    method: 'POST',
    path: '/api/helper-assignments',
    permission: 'helper.assign',
    request: () => ({ url: '/api/helper-assignments', payload: {} }),
    foreign: (ids) => ({
      url: '/api/helper-assignments',
      payload: { householdIds: [ids.householdId], userId: 1 },
    }),
    missing: () => ({ url: '/api/helper-assignments', payload: { householdIds: [99999999], userId: 1 } }),
  },
  householdRoute(
    'GET',
    '/api/households/{id}/timeline',
    'case.read',
    (id) => `/api/households/${id}/timeline`,
  ),
  householdRoute('GET', '/api/households/{id}/visits', 'visit.read', (id) => `/api/households/${id}/visits`),
  {
    method: 'GET',
    path: '/api/visits/due',
    permission: 'visit.read',
    request: () => ({ url: '/api/visits/due' }),
  },
  {
    method: 'GET',
    path: '/api/sync/workset',
    permission: 'visit.write',
    request: () => ({ url: '/api/sync/workset' }),
  },
  {
    method: 'GET',
    path: '/api/visits/policy',
    permission: 'visit.read',
    request: () => ({ url: '/api/visits/policy' }),
  },
  {
    method: 'PUT',
    path: '/api/visits/policy',
    permission: 'screening.configure',
    request: () => ({ url: '/api/visits/policy', payload: { bad: true } }),
  },
  {
    method: 'POST',
    path: '/api/visits',
    permission: 'visit.write',
    request: () => ({ url: '/api/visits', payload: {} }),
    foreign: (ids) => ({ url: '/api/visits', payload: visitPayload(ids.householdId) }),
    missing: () => ({ url: '/api/visits', payload: visitPayload(99999999) }),
  },
  {
    method: 'POST',
    path: '/api/attachments',
    permission: 'attachment.write',
    request: () => ({ url: '/api/attachments', payload: {} }),
    foreign: (ids) => ({ url: '/api/attachments', payload: pngPayload(ids.householdId) }),
    missing: () => ({ url: '/api/attachments', payload: pngPayload(99999999) }),
  },
  {
    method: 'GET',
    path: '/api/attachments/{id}',
    permission: 'case.read',
    request: (ids) => ({ url: `/api/attachments/${ids.attachmentId}` }),
    foreign: (ids) => ({ url: `/api/attachments/${ids.attachmentId}` }),
    missing: () => ({ url: '/api/attachments/00000000-0000-4000-8000-000000000000' }),
  },
  {
    method: 'GET',
    path: '/api/quality',
    permission: 'quality.read',
    request: () => ({ url: '/api/quality' }),
  },
  {
    method: 'GET',
    path: '/api/cycle/monthly',
    permission: 'cycle.run',
    request: () => ({ url: '/api/cycle/monthly' }),
  },
  {
    method: 'POST',
    path: '/api/cycle/monthly',
    permission: 'cycle.run',
    request: () => ({ url: '/api/cycle/monthly', payload: { month: 'bad' } }),
  },
  ...regionQueryRoutes([
    ['/api/reports/monthly', 'report.read', 'month=2026-11&'],
    ['/api/reports/monthly.xlsx', 'report.read', 'month=2026-11&'],
    ['/api/dashboard', 'report.read', ''],
    ['/api/self-checks', 'report.read', 'month=2026-11&'],
    ['/api/verification-samples', 'report.read', 'month=2026-11&'],
    ['/api/rankings', 'ranking.read', 'quarter=2026Q4&'],
  ]),
  {
    method: 'POST',
    path: '/api/reports/monthly/refresh',
    permission: 'report.manage',
    request: () => ({ url: '/api/reports/monthly/refresh', payload: { month: 'bad' } }),
  },
  {
    method: 'POST',
    path: '/api/reports/monthly/close',
    permission: 'report.manage',
    request: () => ({ url: '/api/reports/monthly/close', payload: { month: 'bad' } }),
  },
  {
    method: 'POST',
    path: '/api/self-checks',
    permission: 'selfcheck.sign',
    request: () => ({ url: '/api/self-checks', payload: { month: 'bad' } }),
  },
  {
    method: 'POST',
    path: '/api/verification-samples',
    permission: 'verification.manage',
    request: () => ({ url: '/api/verification-samples', payload: { month: 'bad' } }),
  },
  {
    method: 'PATCH',
    path: '/api/verification-samples/{id}',
    permission: 'verification.manage',
    request: () => ({
      url: '/api/verification-samples/999999',
      payload: { version: 1, outcome: 'confirmed' },
    }),
  },
  {
    method: 'GET',
    path: '/api/rankings/weights',
    permission: 'report.read',
    request: () => ({ url: '/api/rankings/weights' }),
  },
  {
    method: 'PUT',
    path: '/api/rankings/weights',
    permission: 'report.manage',
    request: () => ({ url: '/api/rankings/weights', payload: { bad: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/bulletins',
    permission: 'report.read',
    request: () => ({ url: '/api/bulletins' }),
  },
  {
    method: 'POST',
    path: '/api/bulletins',
    permission: 'bulletin.write',
    request: () => ({ url: '/api/bulletins', payload: { quarter: 'bad' } }),
  },
  {
    method: 'GET',
    path: '/api/bulletins/{id}',
    permission: 'report.read',
    request: () => ({ url: '/api/bulletins/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/bulletins/{id}',
    permission: 'bulletin.write',
    request: () => ({ url: '/api/bulletins/999999', payload: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/bulletins/{id}/issue',
    permission: 'bulletin.write',
    request: () => ({ url: '/api/bulletins/999999/issue', payload: { version: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/bulletins/{id}/docx',
    permission: 'report.read',
    request: () => ({ url: '/api/bulletins/999999/docx' }),
  },
  // Microcredit: banks, loans and their lifecycle, bank reports and files, ledgers and indicators.
  {
    method: 'GET',
    path: '/api/credit/banks',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/banks' }),
  },
  {
    method: 'POST',
    path: '/api/credit/banks',
    permission: 'credit.manage',
    request: () => ({ url: '/api/credit/banks', payload: {} }),
    foreign: () => ({ url: '/api/credit/banks', payload: { countyCode: '411302000000', name: '越权银行' } }),
    missing: () => ({ url: '/api/credit/banks', payload: { countyCode: '411399000000', name: '越权银行' } }),
  },
  {
    method: 'GET',
    path: '/api/operators',
    permission: 'operator.read',
    request: () => ({ url: '/api/operators' }),
  },
  {
    method: 'POST',
    path: '/api/operators',
    permission: 'operator.write',
    request: () => ({ url: '/api/operators', payload: {} }),
    foreign: () => ({
      url: '/api/operators',
      payload: { regionCode: '411302102201', name: '越权合作社', operatorType: 'cooperative' },
    }),
    missing: () => ({
      url: '/api/operators',
      payload: { regionCode: '411399000000', name: '越权合作社', operatorType: 'cooperative' },
    }),
  },
  {
    method: 'GET',
    path: '/api/operators/{id}',
    permission: 'operator.read',
    request: (ids) => ({ url: `/api/operators/${ids.operatorId}` }),
    foreign: (ids) => ({ url: `/api/operators/${ids.operatorId}` }),
    missing: () => ({ url: '/api/operators/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/operators/{id}',
    permission: 'operator.write',
    // The version only: a permitted role saves nothing, so the operator stays as the other checks expect.
    request: (ids) => ({ url: `/api/operators/${ids.operatorId}`, payload: { version: 1 } }),
    foreign: (ids) => ({ url: `/api/operators/${ids.operatorId}`, payload: { version: 1 } }),
    missing: () => ({ url: '/api/operators/999999', payload: { version: 1 } }),
  },
  {
    method: 'PUT',
    path: '/api/operators/{id}/workshop',
    permission: 'operator.write',
    // The matrix's operator is a co-operative: a permitted role is told it has no workshop (400), nothing saved.
    request: (ids) => ({
      url: `/api/operators/${ids.operatorId}/workshop`,
      payload: { version: null, workshopType: 'factory', insured: false },
    }),
    foreign: (ids) => ({
      url: `/api/operators/${ids.operatorId}/workshop`,
      payload: { version: null, workshopType: 'factory', insured: false },
    }),
    missing: () => ({
      url: '/api/operators/999999/workshop',
      payload: { version: null, workshopType: 'factory', insured: false },
    }),
  },
  {
    method: 'GET',
    path: '/api/linkages',
    permission: 'linkage.read',
    request: () => ({ url: '/api/linkages' }),
    foreign: () => ({ url: '/api/linkages?regionCode=411302000000' }),
    missing: () => ({ url: '/api/linkages?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/linkages',
    permission: 'linkage.write',
    request: () => ({ url: '/api/linkages', payload: {} }),
    foreign: (ids) => ({
      url: '/api/linkages',
      payload: { operatorId: ids.operatorId, mode: 'employment', startedOn: '2026-01-01' },
    }),
    missing: () => ({
      url: '/api/linkages',
      payload: { operatorId: 999999, mode: 'employment', startedOn: '2026-01-01' },
    }),
  },
  {
    method: 'GET',
    path: '/api/linkages/ledger.xlsx',
    permission: 'linkage.read',
    request: () => ({ url: '/api/linkages/ledger.xlsx' }),
    foreign: () => ({ url: '/api/linkages/ledger.xlsx?regionCode=411302000000' }),
    missing: () => ({ url: '/api/linkages/ledger.xlsx?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/linkages/{id}',
    permission: 'linkage.read',
    request: (ids) => ({ url: `/api/linkages/${ids.linkageId}` }),
    foreign: (ids) => ({ url: `/api/linkages/${ids.linkageId}` }),
    missing: () => ({ url: '/api/linkages/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/linkages/{id}',
    permission: 'linkage.write',
    // The version only: a permitted role saves nothing.
    request: (ids) => ({ url: `/api/linkages/${ids.linkageId}`, payload: { version: 1 } }),
    foreign: (ids) => ({ url: `/api/linkages/${ids.linkageId}`, payload: { version: 1 } }),
    missing: () => ({ url: '/api/linkages/999999', payload: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/linkages/{id}/households',
    permission: 'linkage.write',
    request: (ids) => ({ url: `/api/linkages/${ids.linkageId}/households`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/linkages/${ids.linkageId}/households`,
      payload: { householdId: ids.householdId, year: 2026 },
    }),
    missing: () => ({ url: '/api/linkages/999999/households', payload: { householdId: 1, year: 2026 } }),
  },
  {
    method: 'DELETE',
    path: '/api/linkages/{id}/households/{householdId}',
    permission: 'linkage.write',
    // The household is not linked: a permitted role is told so (404), nothing changes.
    request: (ids) => ({ url: `/api/linkages/${ids.linkageId}/households/${ids.householdId}?year=2026` }),
    foreign: (ids) => ({ url: `/api/linkages/${ids.linkageId}/households/${ids.householdId}?year=2026` }),
    missing: () => ({ url: '/api/linkages/999999/households/1?year=2026' }),
  },
  {
    method: 'POST',
    path: '/api/linkages/{id}/benefits',
    permission: 'linkage.write',
    request: (ids) => ({ url: `/api/linkages/${ids.linkageId}/benefits`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/linkages/${ids.linkageId}/benefits`,
      payload: { householdId: ids.householdId, paidOn: '2026-06-01', benefitType: 'wage', amount: '100.00' },
    }),
    missing: () => ({
      url: '/api/linkages/999999/benefits',
      payload: { householdId: 1, paidOn: '2026-06-01', benefitType: 'wage', amount: '100.00' },
    }),
  },
  {
    method: 'GET',
    path: '/api/linkage-checks',
    permission: 'linkage.read',
    request: () => ({ url: '/api/linkage-checks' }),
  },
  {
    method: 'POST',
    path: '/api/linkage-checks',
    permission: 'linkage.verify',
    request: () => ({ url: '/api/linkage-checks', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/linkage-checks/{id}',
    permission: 'linkage.read',
    request: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}` }),
    foreign: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}` }),
    missing: () => ({ url: '/api/linkage-checks/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/linkage-checks/{id}',
    permission: 'linkage.verify',
    request: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}`, payload: {} }),
    foreign: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}`, payload: { version: 1 } }),
    missing: () => ({ url: '/api/linkage-checks/999999', payload: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/linkage-checks/{id}/sample',
    permission: 'linkage.verify',
    request: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}/sample`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/linkage-checks/${ids.campaignId}/sample`,
      payload: { agreementId: ids.linkageId },
    }),
    missing: () => ({ url: '/api/linkage-checks/999999/sample', payload: { agreementId: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/linkage-checks/{id}/ledger.xlsx',
    permission: 'linkage.read',
    request: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}/ledger.xlsx` }),
    foreign: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}/ledger.xlsx` }),
    missing: () => ({ url: '/api/linkage-checks/999999/ledger.xlsx' }),
  },
  {
    method: 'GET',
    path: '/api/linkage-checks/{id}/agreements/{agreementId}',
    permission: 'linkage.read',
    request: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}/agreements/${ids.linkageId}` }),
    foreign: (ids) => ({ url: `/api/linkage-checks/${ids.campaignId}/agreements/${ids.linkageId}` }),
    missing: () => ({ url: '/api/linkage-checks/999999/agreements/1' }),
  },
  {
    method: 'PUT',
    path: '/api/linkage-checks/{id}/agreements/{agreementId}/check',
    permission: 'linkage.write',
    request: (ids) => ({
      url: `/api/linkage-checks/${ids.campaignId}/agreements/${ids.linkageId}/check`,
      payload: {},
    }),
    foreign: (ids) => ({
      url: `/api/linkage-checks/${ids.campaignId}/agreements/${ids.linkageId}/check`,
      payload: CHECK_BODY,
    }),
    missing: () => ({ url: '/api/linkage-checks/999999/agreements/1/check', payload: CHECK_BODY }),
  },
  {
    method: 'POST',
    path: '/api/linkage-check-findings/{id}/{action}',
    permission: 'linkage.write',
    request: (ids) => ({ url: `/api/linkage-check-findings/${ids.findingId}/rectify`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/linkage-check-findings/${ids.findingId}/verify`,
      payload: { version: 1 },
    }),
    missing: () => ({ url: '/api/linkage-check-findings/999999/verify', payload: { version: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/lead-enterprises',
    permission: 'linkage.read',
    request: () => ({ url: '/api/lead-enterprises' }),
    foreign: (ids) => ({ url: `/api/lead-enterprises?operatorId=${ids.operatorId}` }),
    missing: () => ({ url: '/api/lead-enterprises?operatorId=999999' }),
  },
  {
    method: 'PUT',
    path: '/api/lead-enterprises/criteria',
    permission: 'linkage.verify',
    request: () => ({ url: '/api/lead-enterprises/criteria', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/industry-schemes',
    permission: 'industry.read',
    request: () => ({ url: '/api/industry-schemes' }),
  },
  {
    method: 'POST',
    path: '/api/industry-schemes',
    permission: 'industry.configure',
    request: () => ({ url: '/api/industry-schemes', payload: {} }),
  },
  {
    method: 'PATCH',
    path: '/api/industry-schemes/{id}',
    permission: 'industry.configure',
    request: (ids) => ({ url: `/api/industry-schemes/${ids.schemeId}`, payload: { version: 1 } }),
    foreign: (ids) => ({ url: `/api/industry-schemes/${ids.schemeId}`, payload: SCHEME_EDIT }),
    missing: () => ({ url: '/api/industry-schemes/999999', payload: SCHEME_EDIT }),
  },
  {
    method: 'GET',
    path: '/api/industry-claims',
    permission: 'industry.read',
    request: () => ({ url: '/api/industry-claims' }),
    foreign: () => ({ url: '/api/industry-claims?regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-claims?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/industry-claims',
    permission: 'industry.declare',
    request: () => ({ url: '/api/industry-claims', payload: {} }),
    foreign: (ids) => ({
      url: '/api/industry-claims',
      payload: {
        schemeId: ids.schemeId,
        householdId: ids.householdId,
        scale: '1',
        revenue: '1.00',
        cost: '0',
      },
    }),
    missing: () => ({
      url: '/api/industry-claims',
      payload: { schemeId: 999999, householdId: 1, scale: '1', revenue: '1.00', cost: '0' },
    }),
  },
  {
    method: 'GET',
    path: '/api/industry-claims/ledger.xlsx',
    permission: 'industry.read',
    request: () => ({ url: '/api/industry-claims/ledger.xlsx?year=2026' }),
    foreign: () => ({ url: '/api/industry-claims/ledger.xlsx?year=2026&regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-claims/ledger.xlsx?year=2026&regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/industry-claims/payment-list.xlsx',
    permission: 'industry.read',
    request: () => ({ url: '/api/industry-claims/payment-list.xlsx?year=2026' }),
    foreign: () => ({ url: '/api/industry-claims/payment-list.xlsx?year=2026&regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-claims/payment-list.xlsx?year=2026&regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/industry-coverage',
    permission: 'industry.coverage',
    request: () => ({ url: '/api/industry-coverage' }),
    foreign: () => ({ url: '/api/industry-coverage?regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-coverage?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/industry-coverage/uncovered',
    permission: 'industry.coverage',
    request: () => ({ url: '/api/industry-coverage/uncovered' }),
    foreign: () => ({ url: '/api/industry-coverage/uncovered?regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-coverage/uncovered?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/industry-coverage/uncovered.xlsx',
    permission: 'industry.coverage',
    request: () => ({ url: '/api/industry-coverage/uncovered.xlsx' }),
    foreign: () => ({ url: '/api/industry-coverage/uncovered.xlsx?regionCode=411302000000' }),
    missing: () => ({ url: '/api/industry-coverage/uncovered.xlsx?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/industry-claims/actions',
    permission: 'industry.act',
    request: () => ({ url: '/api/industry-claims/actions', payload: {} }),
    foreign: (ids) => ({
      url: '/api/industry-claims/actions',
      payload: { action: 'check', claims: [{ id: ids.claimId, version: 1 }] },
    }),
    missing: () => ({
      url: '/api/industry-claims/actions',
      payload: { action: 'check', claims: [{ id: 999999, version: 1 }] },
    }),
  },
  {
    method: 'POST',
    path: '/api/industry-claims/notices',
    permission: 'industry.act',
    request: () => ({ url: '/api/industry-claims/notices', payload: {} }),
    foreign: (ids) => ({
      url: '/api/industry-claims/notices',
      payload: {
        claims: [{ id: ids.claimId, version: 1 }],
        channel: '村务公开栏',
        startsOn: '2026-11-01',
        endsOn: '2026-11-10',
      },
    }),
    missing: () => ({
      url: '/api/industry-claims/notices',
      payload: {
        claims: [{ id: 999999, version: 1 }],
        channel: '村务公开栏',
        startsOn: '2026-11-01',
        endsOn: '2026-11-10',
      },
    }),
  },
  {
    method: 'PUT',
    path: '/api/industry-claims/notices/{id}/objections',
    permission: 'industry.act',
    request: (ids) => ({ url: `/api/industry-claims/notices/${ids.claimNoticeId}/objections`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/industry-claims/notices/${ids.claimNoticeId}/objections`,
      payload: { objections: 0, resolved: true },
    }),
    missing: () => ({
      url: '/api/industry-claims/notices/999999/objections',
      payload: { objections: 0, resolved: true },
    }),
  },
  {
    method: 'GET',
    path: '/api/industry-claims/{id}',
    permission: 'industry.read',
    request: (ids) => ({ url: `/api/industry-claims/${ids.claimId}` }),
    foreign: (ids) => ({ url: `/api/industry-claims/${ids.claimId}` }),
    missing: () => ({ url: '/api/industry-claims/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/industry-claims/{id}',
    permission: 'industry.declare',
    request: (ids) => ({ url: `/api/industry-claims/${ids.claimId}`, payload: { version: 1 } }),
    foreign: (ids) => ({ url: `/api/industry-claims/${ids.claimId}`, payload: CLAIM_EDIT }),
    missing: () => ({ url: '/api/industry-claims/999999', payload: CLAIM_EDIT }),
  },
  {
    method: 'GET',
    path: '/api/consumer-settings',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-settings' }),
    foreign: () => ({ url: '/api/consumer-settings?countyCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-settings?countyCode=411399000000' }),
  },
  {
    method: 'PUT',
    path: '/api/consumer-settings',
    permission: 'consumer.configure',
    request: () => ({ url: '/api/consumer-settings', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/consumer-products',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-products' }),
    foreign: () => ({ url: '/api/consumer-products?regionCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-products?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/consumer-products',
    permission: 'consumer.declare',
    request: () => ({ url: '/api/consumer-products', payload: {} }),
    foreign: (ids) => ({
      url: '/api/consumer-products',
      payload: { ...PRODUCT_BODY, operatorId: ids.operatorId },
    }),
    missing: () => ({ url: '/api/consumer-products', payload: { ...PRODUCT_BODY, operatorId: 999999 } }),
  },
  {
    method: 'GET',
    path: '/api/consumer-products/renewals',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-products/renewals' }),
    foreign: () => ({ url: '/api/consumer-products/renewals?regionCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-products/renewals?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/consumer-products/ledger.xlsx',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-products/ledger.xlsx?year=2026' }),
    foreign: () => ({ url: '/api/consumer-products/ledger.xlsx?year=2026&regionCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-products/ledger.xlsx?year=2026&regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/consumer-products/actions',
    permission: 'consumer.act',
    request: () => ({ url: '/api/consumer-products/actions', payload: {} }),
    foreign: (ids) => ({
      url: '/api/consumer-products/actions',
      payload: { action: 'certify', products: [{ id: ids.consumerProductId, version: 1 }] },
    }),
    missing: () => ({
      url: '/api/consumer-products/actions',
      payload: { action: 'certify', products: [{ id: 999999, version: 1 }] },
    }),
  },
  {
    method: 'POST',
    path: '/api/consumer-products/notices',
    permission: 'consumer.act',
    request: () => ({ url: '/api/consumer-products/notices', payload: {} }),
    foreign: (ids) => ({
      url: '/api/consumer-products/notices',
      payload: { ...PRODUCT_NOTICE, products: [{ id: ids.consumerProductId, version: 1 }] },
    }),
    missing: () => ({
      url: '/api/consumer-products/notices',
      payload: { ...PRODUCT_NOTICE, products: [{ id: 999999, version: 1 }] },
    }),
  },
  {
    method: 'PUT',
    path: '/api/consumer-products/notices/{id}/objections',
    permission: 'consumer.act',
    request: (ids) => ({
      url: `/api/consumer-products/notices/${ids.consumerNoticeId}/objections`,
      payload: {},
    }),
    foreign: (ids) => ({
      url: `/api/consumer-products/notices/${ids.consumerNoticeId}/objections`,
      payload: { objections: 0, resolved: true },
    }),
    missing: () => ({
      url: '/api/consumer-products/notices/999999/objections',
      payload: { objections: 0, resolved: true },
    }),
  },
  {
    method: 'GET',
    path: '/api/consumer-products/{id}',
    permission: 'consumer.read',
    request: (ids) => ({ url: `/api/consumer-products/${ids.consumerProductId}` }),
    foreign: (ids) => ({ url: `/api/consumer-products/${ids.consumerProductId}` }),
    missing: () => ({ url: '/api/consumer-products/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/consumer-products/{id}',
    permission: 'consumer.declare',
    request: (ids) => ({ url: `/api/consumer-products/${ids.consumerProductId}`, payload: { version: 1 } }),
    foreign: (ids) => ({
      url: `/api/consumer-products/${ids.consumerProductId}`,
      payload: { ...PRODUCT_BODY, operatorId: ids.operatorId, version: 1 },
    }),
    missing: () => ({
      url: '/api/consumer-products/999999',
      payload: { ...PRODUCT_BODY, operatorId: 999999, version: 1 },
    }),
  },
  {
    method: 'GET',
    path: '/api/consumer-brands',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-brands' }),
  },
  {
    method: 'POST',
    path: '/api/consumer-brands',
    permission: 'consumer.configure',
    request: () => ({ url: '/api/consumer-brands', payload: {} }),
  },
  {
    method: 'PATCH',
    path: '/api/consumer-brands/{id}',
    permission: 'consumer.configure',
    request: (ids) => ({ url: `/api/consumer-brands/${ids.consumerBrandId}`, payload: { version: 1 } }),
    foreign: (ids) => ({
      url: `/api/consumer-brands/${ids.consumerBrandId}`,
      payload: { ...BRAND_BODY, version: 1 },
    }),
    missing: () => ({ url: '/api/consumer-brands/999999', payload: { ...BRAND_BODY, version: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/consumer-sales',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-sales' }),
    foreign: () => ({ url: '/api/consumer-sales?regionCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-sales?regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/consumer-sales',
    permission: 'consumer.declare',
    request: () => ({ url: '/api/consumer-sales', payload: {} }),
    foreign: (ids) => ({
      url: '/api/consumer-sales',
      payload: { ...SALE_BODY, productId: ids.consumerProductId },
    }),
    missing: () => ({ url: '/api/consumer-sales', payload: { ...SALE_BODY, productId: 999999 } }),
  },
  {
    method: 'GET',
    path: '/api/consumer-sales/report',
    permission: 'consumer.read',
    request: () => ({ url: '/api/consumer-sales/report' }),
    foreign: () => ({ url: '/api/consumer-sales/report?regionCode=411302000000' }),
    missing: () => ({ url: '/api/consumer-sales/report?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/criteria',
    permission: 'courtyard.read',
    request: () => ({ url: '/api/courtyard/criteria?year=2026&countyCode=411302000000' }),
  },
  {
    method: 'PUT',
    path: '/api/courtyard/criteria',
    permission: 'courtyard.configure',
    request: () => ({ url: '/api/courtyard/criteria', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/villages',
    permission: 'courtyard.read',
    request: () => ({ url: '/api/courtyard/villages' }),
    foreign: () => ({ url: '/api/courtyard/villages?regionCode=411302000000' }),
    missing: () => ({ url: '/api/courtyard/villages?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/households',
    permission: 'courtyard.read',
    request: () => ({ url: '/api/courtyard/households' }),
    foreign: () => ({ url: '/api/courtyard/households?regionCode=411302000000' }),
    missing: () => ({ url: '/api/courtyard/households?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/progress',
    permission: 'courtyard.read',
    request: () => ({ url: '/api/courtyard/progress?year=2026' }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/ledger.xlsx',
    permission: 'courtyard.read',
    request: () => ({ url: '/api/courtyard/ledger.xlsx?year=2026' }),
    foreign: () => ({ url: '/api/courtyard/ledger.xlsx?year=2026&regionCode=411302000000' }),
    missing: () => ({ url: '/api/courtyard/ledger.xlsx?year=2026&regionCode=411399000000' }),
  },
  {
    method: 'POST',
    path: '/api/courtyard/nominations',
    permission: 'courtyard.nominate',
    request: () => ({ url: '/api/courtyard/nominations', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/courtyard/act',
    permission: 'courtyard.act',
    request: () => ({ url: '/api/courtyard/act', payload: {} }),
    foreign: (ids) => ({
      url: '/api/courtyard/act',
      payload: { action: 'name', kind: 'village', items: [{ id: ids.courtyardVillageId, version: 1 }] },
    }),
    missing: () => ({
      url: '/api/courtyard/act',
      payload: { action: 'name', kind: 'village', items: [{ id: 999999, version: 1 }] },
    }),
  },
  {
    method: 'PUT',
    path: '/api/courtyard/notices/{id}/objections',
    permission: 'courtyard.act',
    request: (ids) => ({ url: `/api/courtyard/notices/${ids.courtyardNoticeId}/objections`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/courtyard/notices/${ids.courtyardNoticeId}/objections`,
      payload: { objections: 0, resolved: true },
    }),
    missing: () => ({
      url: '/api/courtyard/notices/999999/objections',
      payload: { objections: 0, resolved: true },
    }),
  },
  {
    method: 'GET',
    path: '/api/courtyard/{kind}/{id}',
    permission: 'courtyard.read',
    request: (ids) => ({ url: `/api/courtyard/household/${ids.courtyardHouseholdId}` }),
    foreign: (ids) => ({ url: `/api/courtyard/household/${ids.courtyardHouseholdId}` }),
    missing: () => ({ url: '/api/courtyard/household/999999' }),
  },
  {
    method: 'GET',
    path: '/api/credit/subsidy-epochs',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/subsidy-epochs' }),
  },
  {
    method: 'PUT',
    path: '/api/credit/subsidy-epochs',
    permission: 'credit.configure',
    request: () => ({ url: '/api/credit/subsidy-epochs', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/credit/loans',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/loans' }),
  },
  {
    method: 'POST',
    path: '/api/credit/loans',
    permission: 'credit.apply',
    request: () => ({ url: '/api/credit/loans', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/credit/loans/{id}',
    permission: 'credit.read',
    request: (ids) => ({ url: `/api/credit/loans/${ids.loanId}` }),
    foreign: (ids) => ({ url: `/api/credit/loans/${ids.loanId}` }),
    missing: () => ({ url: '/api/credit/loans/999999' }),
  },
  {
    method: 'POST',
    path: '/api/credit/loans/{id}/steps',
    permission: 'credit.act',
    request: () => ({ url: '/api/credit/loans/999999/steps', payload: { action: 'endorse', version: 1 } }),
    foreign: (ids) => ({
      url: `/api/credit/loans/${ids.loanId}/steps`,
      payload: { action: 'endorse', version: 1 },
    }),
    missing: () => ({ url: '/api/credit/loans/999999/steps', payload: { action: 'endorse', version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/credit/loans/{id}/repayments',
    permission: 'credit.bank',
    request: () => ({ url: '/api/credit/loans/999999/repayments', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/credit/loans/{id}/days-past-due',
    permission: 'credit.bank',
    request: () => ({ url: '/api/credit/loans/999999/days-past-due', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/credit/bank-files',
    permission: 'credit.bank',
    request: () => ({ url: '/api/credit/bank-files', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/credit/bank-files',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/bank-files' }),
  },
  {
    method: 'GET',
    path: '/api/credit/bank-files/template',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/bank-files/template' }),
  },
  {
    method: 'GET',
    path: '/api/credit/bank-files/{id}',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/bank-files/999999' }),
  },
  {
    method: 'GET',
    path: '/api/credit/indicators',
    permission: 'credit.report',
    request: () => ({ url: '/api/credit/indicators' }),
    foreign: () => ({ url: '/api/credit/indicators?regionCode=411302000000' }),
    missing: () => ({ url: '/api/credit/indicators?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/credit/subsidy-ledger',
    permission: 'credit.read',
    request: () => ({ url: '/api/credit/subsidy-ledger' }),
  },
  {
    method: 'GET',
    path: '/api/credit/risk-fund',
    permission: 'credit.report',
    request: () => ({ url: '/api/credit/risk-fund' }),
  },
  {
    method: 'POST',
    path: '/api/credit/risk-fund',
    permission: 'credit.manage',
    request: () => ({ url: '/api/credit/risk-fund', payload: {} }),
  },
  // Department feeds, alerts, self-declaration and the other lead channels.
  {
    method: 'POST',
    path: '/api/feeds/upload',
    permission: 'feed.submit',
    request: () => ({ url: '/api/feeds/upload?feedType=dibao&filename=x.csv', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/feeds/push',
    permission: 'feed.submit',
    request: () => ({ url: '/api/feeds/push', payload: {} }),
  },
  { method: 'GET', path: '/api/feeds', permission: 'feed.read', request: () => ({ url: '/api/feeds' }) },
  {
    method: 'GET',
    path: '/api/feeds/column-maps/{feedType}',
    permission: 'feed.submit',
    request: () => ({ url: '/api/feeds/column-maps/dibao' }),
  },
  {
    method: 'PUT',
    path: '/api/feeds/column-maps/{feedType}',
    permission: 'feed.submit',
    request: () => ({ url: '/api/feeds/column-maps/dibao', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/feeds/templates/{feedType}',
    permission: 'feed.read',
    request: () => ({ url: '/api/feeds/templates/medical' }),
  },
  {
    method: 'GET',
    path: '/api/feeds/{id}',
    permission: 'feed.read',
    request: () => ({ url: '/api/feeds/999999' }),
  },
  {
    method: 'GET',
    path: '/api/feeds/{id}/feedback',
    permission: 'feed.read',
    request: () => ({ url: '/api/feeds/999999/feedback' }),
  },
  {
    method: 'GET',
    path: '/api/feeds/{id}/problems.csv',
    permission: 'feed.read',
    request: () => ({ url: '/api/feeds/999999/problems.csv' }),
  },
  {
    method: 'GET',
    path: '/api/employment/records',
    permission: 'employment.read',
    request: () => ({ url: '/api/employment/records' }),
    foreign: (ids) => ({ url: `/api/employment/records?householdId=${ids.householdId}` }),
    missing: () => ({ url: '/api/employment/records?householdId=999999' }),
  },
  {
    method: 'POST',
    path: '/api/employment/records',
    permission: 'employment.write',
    request: () => ({ url: '/api/employment/records', payload: {} }),
    foreign: (ids) => ({
      url: '/api/employment/records',
      payload: { personId: ids.personId, category: 'other', startMonth: '2026-01' },
    }),
    missing: () => ({
      url: '/api/employment/records',
      payload: { personId: 999999, category: 'other', startMonth: '2026-01' },
    }),
  },
  {
    method: 'GET',
    path: '/api/employment/records/{id}',
    permission: 'employment.read',
    request: (ids) => ({ url: `/api/employment/records/${ids.workRecordId}` }),
    foreign: (ids) => ({ url: `/api/employment/records/${ids.workRecordId}` }),
    missing: () => ({ url: '/api/employment/records/999999' }),
  },
  {
    method: 'PATCH',
    path: '/api/employment/records/{id}',
    permission: 'employment.write',
    request: (ids) => ({ url: `/api/employment/records/${ids.workRecordId}`, payload: {} }),
    foreign: (ids) => ({
      url: `/api/employment/records/${ids.workRecordId}`,
      payload: { category: 'other', startMonth: '2026-01', version: 1 },
    }),
    missing: () => ({
      url: '/api/employment/records/999999',
      payload: { category: 'other', startMonth: '2026-01', version: 1 },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/employment/records/{id}',
    permission: 'employment.write',
    request: (ids) => ({ url: `/api/employment/records/${ids.workRecordId}?version=99` }),
    foreign: (ids) => ({ url: `/api/employment/records/${ids.workRecordId}?version=1` }),
    missing: () => ({ url: '/api/employment/records/999999?version=1' }),
  },
  {
    method: 'GET',
    path: '/api/employment/scale',
    permission: 'employment.read',
    request: () => ({ url: '/api/employment/scale' }),
    foreign: () => ({ url: '/api/employment/scale?regionCode=411302000000' }),
    missing: () => ({ url: '/api/employment/scale?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/employment/issues',
    permission: 'employment.read',
    request: () => ({ url: '/api/employment/issues' }),
    foreign: () => ({ url: '/api/employment/issues?regionCode=411302000000' }),
    missing: () => ({ url: '/api/employment/issues?regionCode=411399000000' }),
  },
  {
    method: 'GET',
    path: '/api/employment/settings',
    permission: 'employment.read',
    request: () => ({ url: '/api/employment/settings?year=2026' }),
  },
  {
    method: 'PUT',
    path: '/api/employment/settings',
    permission: 'employment.configure',
    request: () => ({ url: '/api/employment/settings', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/employment/job-ends/scan',
    permission: 'employment.configure',
    request: () => ({ url: '/api/employment/job-ends/scan' }),
  },
  {
    method: 'POST',
    path: '/api/employment/imports',
    permission: 'employment.import',
    request: () => ({ url: '/api/employment/imports?filename=x.csv', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/employment/imports',
    permission: 'employment.import',
    request: () => ({ url: '/api/employment/imports' }),
  },
  {
    method: 'GET',
    path: '/api/employment/imports/template.csv',
    permission: 'employment.import',
    request: () => ({ url: '/api/employment/imports/template.csv' }),
  },
  {
    method: 'GET',
    path: '/api/employment/imports/{id}',
    permission: 'employment.import',
    request: (ids) => ({ url: `/api/employment/imports/${ids.importId}` }),
    foreign: (ids) => ({ url: `/api/employment/imports/${ids.importId}` }),
    missing: () => ({ url: '/api/employment/imports/999999' }),
  },
  {
    method: 'GET',
    path: '/api/employment/imports/{id}/feedback',
    permission: 'employment.import',
    request: (ids) => ({ url: `/api/employment/imports/${ids.importId}/feedback` }),
    foreign: (ids) => ({ url: `/api/employment/imports/${ids.importId}/feedback` }),
    missing: () => ({ url: '/api/employment/imports/999999/feedback' }),
  },
  {
    method: 'GET',
    path: '/api/department-lists',
    permission: 'department.export',
    request: () => ({ url: '/api/department-lists?department=民政' }),
  },
  {
    method: 'GET',
    path: '/api/alert-rules',
    permission: 'alert.read',
    request: () => ({ url: '/api/alert-rules' }),
  },
  {
    method: 'PUT',
    path: '/api/alert-rules/{code}',
    permission: 'alert.configure',
    request: () => ({ url: '/api/alert-rules/dropout', payload: {} }),
  },
  { method: 'GET', path: '/api/alerts', permission: 'alert.read', request: () => ({ url: '/api/alerts' }) },
  {
    method: 'POST',
    path: '/api/alerts/{id}/close',
    permission: 'alert.handle',
    request: () => ({ url: '/api/alerts/999999/close', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/alerts/timeliness',
    permission: 'alert.read',
    request: () => ({ url: '/api/alerts/timeliness' }),
  },
  {
    method: 'GET',
    path: '/api/public/declare/{code}',
    permission: 'public',
    request: () => ({ url: '/api/public/declare/411302102201' }),
  },
  {
    method: 'POST',
    path: '/api/public/declare/{code}',
    permission: 'public',
    request: () => ({ url: '/api/public/declare/411302102201', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/public/declarations/status',
    permission: 'public',
    request: () => ({ url: '/api/public/declarations/status', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/declarations',
    permission: 'declaration.read',
    request: () => ({ url: '/api/declarations' }),
  },
  {
    method: 'GET',
    path: '/api/declarations/{id}/photo',
    permission: 'declaration.read',
    request: () => ({ url: '/api/declarations/999999/photo' }),
  },
  {
    method: 'POST',
    path: '/api/declarations/{id}/link',
    permission: 'declaration.handle',
    request: () => ({ url: '/api/declarations/999999/link', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/declarations/{id}/close',
    permission: 'declaration.handle',
    request: () => ({ url: '/api/declarations/999999/close', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/declarations/qr/{code}',
    permission: 'declaration.read',
    request: () => ({ url: '/api/declarations/qr/411302102201' }),
    foreign: () => ({ url: '/api/declarations/qr/411302102201' }),
    missing: () => ({ url: '/api/declarations/qr/411399102201' }),
  },
  {
    method: 'POST',
    path: '/api/leads/register',
    permission: 'lead.register',
    request: () => ({ url: '/api/leads/register', payload: {} }),
    foreign: (ids) => ({
      url: '/api/leads/register',
      payload: { householdId: ids.householdId, source: 'petition', summary: '越权' },
    }),
    missing: () => ({
      url: '/api/leads/register',
      payload: { householdId: 99999999, source: 'petition', summary: '越权' },
    }),
  },
  {
    method: 'GET',
    path: '/api/funding-sources',
    permission: 'project.read',
    request: () => ({ url: '/api/funding-sources' }),
  },
  ...regionQueryRoutes([['/api/projects', 'project.read', '']]),
  {
    method: 'POST',
    path: '/api/projects',
    permission: 'project.write',
    request: () => ({ url: '/api/projects', payload: {} }),
    foreign: () => ({ url: '/api/projects', payload: projectPayload('411302102201') }),
    missing: () => ({ url: '/api/projects', payload: projectPayload('411399101201') }),
  },
  {
    method: 'GET',
    path: '/api/projects/health',
    permission: 'project.read',
    request: () => ({ url: '/api/projects/health?year=2026' }),
  },
  ...projectRoutes([
    ['GET', '/api/projects/{id}', 'project.read', '', undefined],
    ['PUT', '/api/projects/{id}', 'project.write', '', { ...projectPayload('411302102201'), version: 999 }],
    ['POST', '/api/projects/{id}/actions', 'project.write', '/actions', { action: 'submit', version: 999 }],
    [
      'PUT',
      '/api/projects/{id}/notices/{noticeId}/objections',
      'project.write',
      '/notices/99999999/objections',
      { objections: 1, resolved: true },
    ],
  ]),
  {
    method: 'GET',
    path: '/api/fund-allocations',
    permission: 'fund.read',
    request: () => ({ url: '/api/fund-allocations' }),
  },
  {
    method: 'POST',
    path: '/api/fund-allocations',
    permission: 'fund.write',
    request: () => ({ url: '/api/fund-allocations', payload: {} }),
    foreign: () => ({ url: '/api/fund-allocations', payload: allocationPayload('411302000000') }),
    missing: () => ({ url: '/api/fund-allocations', payload: allocationPayload('411399000000') }),
  },
  {
    method: 'POST',
    path: '/api/fund-allocations/{id}/lines',
    permission: 'fund.write',
    request: (ids) => ({
      url: `/api/fund-allocations/${ids.allocationId}/lines`,
      payload: { projectId: 99999999, amount: '1.00', allocatedOn: '2026-11-10' },
    }),
    foreign: (ids) => ({
      url: `/api/fund-allocations/${ids.allocationId}/lines`,
      payload: { projectId: ids.projectId, amount: '1.00', allocatedOn: '2026-11-10' },
    }),
    missing: () => ({
      url: '/api/fund-allocations/99999999/lines',
      payload: { projectId: 99999999, amount: '1.00', allocatedOn: '2026-11-10' },
    }),
  },
  {
    method: 'POST',
    path: '/api/fund-payments',
    permission: 'fund.write',
    request: (ids) => ({
      url: '/api/fund-payments',
      payload: { fundLineId: ids.fundLineId, paidOn: '2026-11-10', amount: '999999999.00' },
    }),
    foreign: (ids) => ({
      url: '/api/fund-payments',
      payload: { fundLineId: ids.fundLineId, paidOn: '2026-11-10', amount: '1.00' },
    }),
    missing: () => ({
      url: '/api/fund-payments',
      payload: { fundLineId: 99999999, paidOn: '2026-11-10', amount: '1.00' },
    }),
  },
  {
    method: 'POST',
    path: '/api/fund-payments/import',
    permission: 'fund.write',
    request: () => ({ url: '/api/fund-payments/import', payload: {} }),
  },
  {
    method: 'GET',
    path: '/api/fund-payments/template.csv',
    permission: 'fund.write',
    request: () => ({ url: '/api/fund-payments/template.csv' }),
  },
  {
    method: 'GET',
    path: '/api/funds/progress',
    permission: 'fund.read',
    request: () => ({ url: '/api/funds/progress?period=2026-11' }),
  },
  {
    method: 'GET',
    path: '/api/funds/overview',
    permission: 'fund.read',
    request: () => ({ url: '/api/funds/overview?year=2026' }),
  },
  {
    method: 'GET',
    path: '/api/fund-bulletins',
    permission: 'fund.read',
    request: () => ({ url: '/api/fund-bulletins' }),
  },
  {
    method: 'POST',
    path: '/api/fund-bulletins',
    permission: 'fund.bulletin',
    request: () => ({ url: '/api/fund-bulletins', payload: { period: 'bad' } }),
  },
  {
    method: 'GET',
    path: '/api/fund-bulletins/{period}',
    permission: 'fund.read',
    request: () => ({ url: '/api/fund-bulletins/2026-11' }),
  },
  {
    method: 'GET',
    path: '/api/fund-bulletins/{period}/xlsx',
    permission: 'fund.read',
    request: () => ({ url: '/api/fund-bulletins/2026-Q3/xlsx' }),
  },
  {
    method: 'GET',
    path: '/api/fund-bulletins/{period}/docx',
    permission: 'fund.read',
    request: () => ({ url: '/api/fund-bulletins/2026-11/docx' }),
  },
];

/** GET routes over a region given by `regionCode`: 宛城区 from 卧龙区 reads like a region that does not exist. */
function regionQueryRoutes(routes: Array<[string, Permission, string]>): RouteCase[] {
  return routes.map(([path, permission, query]) => ({
    method: 'GET',
    path,
    permission,
    request: () => ({ url: `${path}?${query}` }),
    foreign: () => ({ url: `${path}?${query}regionCode=411302000000` }),
    missing: () => ({ url: `${path}?${query}regionCode=411399000000` }),
  }));
}

/** A valid project declaration at a village (to test scope, not validation). */
function projectPayload(regionCode: string) {
  return {
    regionCode,
    year: 2026,
    name: '越权申报项目',
    categoryL1: '产业发展',
    categoryL2: '生产',
    nature: '新建',
    tasks: [{ item: '大棚', quantity: '1', unit: '座' }],
    estimatedInvestment: '100.00',
    funding: [{ source: 'central', amount: '100.00' }],
    implementingUnit: '某镇',
  };
}

function allocationPayload(countyCode: string) {
  return {
    countyCode,
    docNumber: '越权〔2026〕1号',
    source: 'central',
    year: 2026,
    amount: '100.00',
    receivedOn: '2026-11-01',
  };
}

/** Routes on one project of 宛城区: role checks, and the foreign/missing pair. */
function projectRoutes(
  routes: Array<[RouteCase['method'], string, Permission, string, Record<string, unknown> | undefined]>,
): RouteCase[] {
  return routes.map(([method, path, permission, suffix, payload]) => {
    const at = (id: number) =>
      payload ? { url: `/api/projects/${id}${suffix}`, payload } : { url: `/api/projects/${id}${suffix}` };
    return {
      method,
      path,
      permission,
      request: (ids) => at(ids.projectId),
      foreign: (ids) => at(ids.projectId),
      missing: () => at(99999999),
    };
  });
}

/** The smallest valid PNG (1×1), for attachment uploads. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function pngPayload(householdId: number) {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    householdId,
    filename: 'p.png',
    mimeType: 'image/png',
    contentBase64: TINY_PNG.toString('base64'),
  };
}

function visitPayload(householdId: number) {
  return { id: '22222222-2222-4222-8222-222222222222', householdId, visitedOn: '2026-11-01' };
}

/** Routes on one record of 宛城区 (a lead, a case, a measure): role checks, and the foreign/missing pair. */
function idRoutes(
  kind: 'lead' | 'case' | 'measure',
  routes: Array<[RouteCase['method'], string, Permission, string, Record<string, unknown> | undefined]>,
): RouteCase[] {
  const idOf = (ids: Ids) => (kind === 'lead' ? ids.leadId : kind === 'case' ? ids.caseId : ids.measureId);
  const base = kind === 'lead' ? '/api/leads' : kind === 'case' ? '/api/cases' : '/api/measures';
  return routes.map(([method, path, permission, suffix, payload]) => {
    const at = (id: number) =>
      payload ? { url: `${base}/${id}${suffix}`, payload } : { url: `${base}/${id}${suffix}` };
    return {
      method,
      path,
      permission,
      request: (ids) => at(idOf(ids)),
      foreign: (ids) => at(idOf(ids)),
      missing: () => at(99999999),
    };
  });
}

/** A household route: role checks, and the foreign/missing pair on a 宛城区 household. */
function householdRoute(
  method: RouteCase['method'],
  path: string,
  permission: Permission,
  url: (householdId: number, personId: number) => string,
  payload?: Record<string, unknown>,
): RouteCase {
  const withPayload = (u: string) => (payload ? { url: u, payload } : { url: u });
  return {
    method,
    path,
    permission,
    request: (ids) => withPayload(url(ids.householdId, ids.personId)),
    foreign: (ids) => withPayload(url(ids.householdId, ids.personId)),
    missing: () => withPayload(url(99999999, 99999999)),
  };
}

let t: TestApp;
let ids: Ids;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({}, { households: 300, date: '2026-11-15' });
  for (const user of DEMO_USERS) {
    cookies.set(user.username, await t.login(user.username));
  }
  const admin = cookies.get('city_admin') ?? '';
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: admin },
    payload: {
      username: 'wancheng_v',
      displayName: '宛城村干部',
      password: 'long-enough-1',
      role: 'village',
      regionCode: '411302101201',
    },
  });
  // Households and a case of the fixture's own in 宛城区's demo village (factories: not the first generated row).
  const today = clock().today();
  const householdId = (await newHousehold(t, today)).id;
  const detail = await t.app.inject({
    url: `/api/households/${householdId}`,
    headers: { cookie: cookies.get('county_wancheng') },
  });
  const round = await t.app.inject({
    method: 'POST',
    url: '/api/screening/rounds',
    headers: { cookie: admin },
    payload: {
      name: '宛城区排查',
      scopeCode: '411302000000',
      startsOn: '2026-11-01',
      screenBy: '2026-11-30',
    },
  });
  // A lead, and a case on another household moved into monitoring with a measure, all in 宛城区.
  const wancheng = cookies.get('county_wancheng') ?? '';
  const lead = await t.app.inject({
    method: 'POST',
    url: '/api/leads',
    headers: { cookie: wancheng },
    payload: { householdId, reasons: ['income_below_line'], note: '村里反映' },
  });
  const caseId = (await newCase(t, today, { by: 'county_wancheng' })).id;
  await t.database.db
    .updateTable('monitoring_case')
    .set({ stage: 'monitored', identified_on: '2026-05-01' })
    .where('id', '=', caseId)
    .execute();
  const measure = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/measures`,
    headers: { cookie: wancheng },
    payload: { category: 'industry', item: '产业奖补', startsOn: '2026-06-01' },
  });
  const photo = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: wancheng },
    payload: { ...pngPayload(householdId), id: '33333333-3333-4333-8333-333333333333' },
  });
  const personId = detail.json().members[0].id as number;
  const workRecord = await t.app.inject({
    method: 'POST',
    url: '/api/employment/records',
    headers: { cookie: wancheng },
    payload: { personId, category: 'other', startMonth: '2026-01' },
  });
  const workFile = await t.app.inject({
    method: 'POST',
    url: '/api/employment/imports?filename=work.csv',
    headers: { cookie: wancheng, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('姓名,身份证号,务工开始年月\n', 'utf8'),
  });
  // A project of 宛城区 put into the library, an allocation and its line to the project.
  const project = await t.app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: { cookie: cookies.get('village_guanzhuang') },
    payload: projectPayload('411302102201'),
  });
  await t.database.db
    .updateTable('project')
    .set({ stage: 'approved' })
    .where('id', '=', project.json().id)
    .execute();
  const allocation = await t.app.inject({
    method: 'POST',
    url: '/api/fund-allocations',
    headers: { cookie: wancheng },
    payload: { ...allocationPayload('411302000000'), docNumber: '宛财农〔2026〕9号' },
  });
  const line = await t.app.inject({
    method: 'POST',
    url: `/api/fund-allocations/${allocation.json().id}/lines`,
    headers: { cookie: wancheng },
    payload: { projectId: project.json().id, amount: '50.00', allocatedOn: '2026-11-10' },
  });
  const household = await t.database.db
    .selectFrom('household')
    .select(['county_code', 'town_code', 'region_code'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const bank = await t.services.credit.createBank(systemActor('matrix'), {
    countyCode: '411302000000',
    name: '宛城农商银行',
  });
  const loan = await t.database.db
    .insertInto('loan')
    .values({
      ...household,
      household_id: householdId,
      person_id: detail.json().members[0].id,
      bank_id: bank.id,
      amount: '30000',
      rate_percent: '3.45',
      lpr_percent: '3.45',
      term_months: 36,
      purpose_code: '种植',
      applied_on: '2026-11-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const operator = await t.services.operators.create(systemActor('matrix'), {
    regionCode: '411302102201',
    name: '东岗村香菇种植专业合作社',
    operatorType: 'cooperative',
  });
  const linkage = await t.services.linkage.create(systemActor('matrix'), {
    operatorId: operator.id,
    mode: 'order_farming',
    startedOn: today,
  });
  const scheme = await t.database.db
    .insertInto('industry_scheme')
    .values({
      county_code: '411302000000',
      year: 2026,
      item: '香菇种植',
      unit: 'mu',
      rate_percent: '20',
      household_cap: '5000.00',
      window_start: '2026-01-01',
      window_end: '2026-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claimNotice = await t.database.db
    .insertInto('public_notice')
    .values({
      county_code: '411302000000',
      region_code: household.region_code,
      subject_kind: 'industry_reward',
      subject_id: Number(scheme.id),
      purpose: 'claims',
      channel: '村务公开栏',
      starts_on: '2026-11-01',
      ends_on: '2026-11-10',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claim = await t.database.db
    .insertInto('industry_claim')
    .values({
      county_code: '411302000000',
      scheme_id: Number(scheme.id),
      household_id: householdId,
      region_code: household.region_code,
      scale: '1',
      revenue: '1000.00',
      cost: '0',
      net_income: '1000.00',
      reward: '200.00',
      source: 'household',
      stage: 'notice',
      notice_id: Number(claimNotice.id),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courtyardNotice = await t.database.db
    .insertInto('public_notice')
    .values({
      county_code: '411302000000',
      region_code: household.region_code,
      subject_kind: 'courtyard',
      subject_id: 0,
      purpose: 'courtyard_demo',
      channel: '县政府网站',
      starts_on: '2026-11-01',
      ends_on: '2026-11-10',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courtyardVillage = await t.database.db
    .insertInto('courtyard_village')
    .values({
      county_code: '411302000000',
      town_code: `${household.region_code.slice(0, 9)}000`,
      region_code: household.region_code,
      year: 2026,
      stage: 'building',
      notice_id: Number(courtyardNotice.id),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courtyardHousehold = await t.database.db
    .insertInto('courtyard_household')
    .values({
      county_code: '411302000000',
      village_id: Number(courtyardVillage.id),
      household_id: householdId,
      region_code: household.region_code,
      year: 2026,
      stage: 'building',
      notice_id: Number(courtyardNotice.id),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const campaign = await t.database.db
    .insertInto('linkage_check_campaign')
    .values({
      county_code: '411302000000',
      name: '四查四促',
      year: Number(today.slice(0, 4)),
      starts_on: `${today.slice(0, 4)}-01-01`,
      ends_on: `${today.slice(0, 4)}-12-31`,
      check_items: ['查项目'],
      follow_up_items: ['促运营'],
      sample_percent: 20,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('linkage_check_sample')
    .values({ campaign_id: Number(campaign.id), agreement_id: linkage.id, county_code: '411302000000' })
    .execute();
  const check = await t.database.db
    .insertInto('linkage_check')
    .values({
      campaign_id: Number(campaign.id),
      agreement_id: linkage.id,
      county_code: '411302000000',
      checked_on: today,
      results: JSON.stringify([{ item: '查项目', result: 'fails', note: null }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const finding = await t.database.db
    .insertInto('linkage_check_finding')
    .values({
      check_id: Number(check.id),
      campaign_id: Number(campaign.id),
      county_code: '411302000000',
      item: '查项目',
      problem: '项目未建成',
      follow_up_item: '促运营',
      responsible_unit: '官庄镇',
      deadline: today,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consumerProduct = await t.database.db
    .insertInto('consumer_product')
    .values({
      county_code: '411302000000',
      region_code: '411302102201',
      operator_id: operator.id,
      name: '东岗香菇',
      category: 'fungi',
      annual_value: '200000.00',
      cert_level: 'county',
      valid_from: '2026-01-01',
      valid_to: '2028-12-31',
      linkage_type: 'business',
      stage: 'notice',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consumerNotice = await t.database.db
    .insertInto('public_notice')
    .values({
      county_code: '411302000000',
      region_code: '411302102201',
      subject_kind: 'consumer_product',
      subject_id: Number(consumerProduct.id),
      purpose: 'certification',
      channel: '县政府网站',
      starts_on: '2026-11-01',
      ends_on: '2026-11-10',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable('consumer_product')
    .set({ notice_id: Number(consumerNotice.id) })
    .where('id', '=', Number(consumerProduct.id))
    .execute();
  const consumerBrand = await t.database.db
    .insertInto('consumer_brand')
    .values({
      county_code: '411302000000',
      name: '宛城好物',
      kind: 'regional',
      owner_unit: '宛城区农业农村局',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids = {
    consumerProductId: Number(consumerProduct.id),
    consumerNoticeId: Number(consumerNotice.id),
    consumerBrandId: Number(consumerBrand.id),
    campaignId: Number(campaign.id),
    findingId: Number(finding.id),
    courtyardVillageId: Number(courtyardVillage.id),
    courtyardHouseholdId: Number(courtyardHousehold.id),
    courtyardNoticeId: Number(courtyardNotice.id),
    schemeId: Number(scheme.id),
    claimId: Number(claim.id),
    claimNoticeId: Number(claimNotice.id),
    operatorId: operator.id,
    linkageId: linkage.id,
    workRecordId: workRecord.json().record?.id,
    importId: workFile.json().importId,
    loanId: Number(loan.id),
    wanchengUserId: created.json().id,
    wanchengUserVersion: created.json().version,
    householdId,
    personId: detail.json().members[0].id,
    roundId: round.json().id,
    leadId: lead.json().id,
    caseId,
    measureId: measure.json().id,
    attachmentId: photo.json().id,
    projectId: project.json().id,
    allocationId: allocation.json().id,
    fundLineId: line.json().id,
  };
  for (const [name, value] of Object.entries(ids)) {
    if (value === undefined) {
      throw new Error(`access matrix setup: no ${name}`);
    }
  }
});
afterAll(async () => {
  await t.close();
});

const userOfRole = (role: string) => DEMO_USERS.find((u) => u.role === role)?.username ?? '';

function call(route: RouteCase, req: { url: string; payload?: Record<string, unknown> }, cookie?: string) {
  return t.app.inject({
    method: route.method,
    url: req.url,
    ...(req.payload ? { payload: req.payload } : {}),
    headers: cookie ? { cookie } : {},
  });
}

/** Two refusals must look alike apart from the request id: no existence oracle. */
function comparable(body: string) {
  const { requestId: _ignored, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
}

describe('access matrix', () => {
  it('covers every route of the API', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(listed.sort());
  });

  it.each(ROUTES.filter((r) => r.permission !== 'public'))(
    'refuses $method $path without a session',
    async (route) => {
      const response = await call(route, route.request(ids));
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    },
  );

  for (const role of ROLES) {
    it.each(ROUTES.filter((r) => r.permission !== 'public' && !r.skipRoleLoop))(
      `role ${role}: $method $path is allowed only with its permission`,
      async (route) => {
        const cookie = cookies.get(userOfRole(role));
        const response = await call(route, route.request(ids), cookie);
        if (hasPermission(role, route.permission as Permission)) {
          expect([401, 403]).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode).toBe(403);
          expect(response.json().code).toBe('FORBIDDEN');
        }
      },
    );
  }

  it.each(ROUTES.filter((r) => r.foreign))(
    'county_wolong: $method $path about 宛城区 is refused exactly like a request for nothing',
    async (route) => {
      const cookie = cookies.get('county_wolong');
      const foreign = await call(route, route.foreign?.(ids) ?? { url: '' }, cookie);
      const missing = await call(route, route.missing?.() ?? { url: '' }, cookie);
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(comparable(foreign.body)).toEqual(comparable(missing.body));
    },
  );

  it('a role without the permission learns nothing either: existing and missing ids get the same 403', async () => {
    const cookie = cookies.get('town_guanzhuang');
    const existing = await t.app.inject({ url: `/api/users/${ids.wanchengUserId}`, headers: { cookie } });
    const missing = await t.app.inject({ url: '/api/users/999999', headers: { cookie } });
    expect(existing.statusCode).toBe(403);
    expect(comparable(existing.body)).toEqual(comparable(missing.body));
  });

  it('left the foreign user untouched', async () => {
    const response = await t.app.inject({
      url: `/api/users/${ids.wanchengUserId}`,
      headers: { cookie: cookies.get('city_admin') },
    });
    expect(response.json()).toMatchObject({ disabled: false, version: ids.wanchengUserVersion });
    const intruder = await t.app.inject({
      url: '/api/users?q=intruder',
      headers: { cookie: cookies.get('city_admin') },
    });
    expect(intruder.json().total).toBe(0);
  });

  it('lists only what lies in the caller’s region', async () => {
    const cookie = cookies.get('county_wolong');
    const users = await t.app.inject({ url: '/api/users?pageSize=200', headers: { cookie } });
    expect(users.json().items.map((u: { username: string }) => u.username)).toEqual(['county_wolong']);
    const audit = await t.app.inject({ url: '/api/audit?pageSize=200', headers: { cookie } });
    expect(audit.json().total).toBeGreaterThan(0);
    for (const entry of audit.json().items as Array<{ regionCode: string | null }>) {
      expect(entry.regionCode?.startsWith('411303')).toBe(true);
    }
    const children = await t.app.inject({ url: '/api/regions/411300000000/children', headers: { cookie } });
    expect(children.json().map((r: { code: string }) => r.code)).toEqual(['411303000000']);
  });

  it('scopes a zone user to the towns the zone overlays', async () => {
    const cookie = cookies.get('zone_guanzhuang');
    const towns = await t.app.inject({ url: '/api/regions/411302000000/children', headers: { cookie } });
    expect(towns.json().map((r: { name: string }) => r.name)).toEqual(['官庄镇']);
    const counties = await t.app.inject({ url: '/api/regions/411300000000/children', headers: { cookie } });
    const wancheng = counties.json().find((r: { code: string }) => r.code === '411302000000');
    expect(wancheng).toMatchObject({ isInScope: false, childCount: 1 });
    const zones = await t.app.inject({ url: '/api/zones', headers: { cookie } });
    expect(zones.json().map((z: { code: string }) => z.code)).toEqual(['4113Z1']);
    const other = await t.app.inject({ url: '/api/regions/411321103000', headers: { cookie } });
    expect(other.statusCode).toBe(404);
  });
});
