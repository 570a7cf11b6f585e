import { describe, expect, it } from 'vitest';
import type { WorksetHousehold } from '../../shared/workset.js';
import { dueListFrom } from './offline-due.js';

const household = (id: number, dueOn: string): WorksetHousehold => ({
  id,
  householdNo: null,
  householdType: 'ordinary',
  headName: `户主${id}`,
  memberCount: 3,
  address: null,
  housingGrade: null,
  waterQuantityOk: null,
  waterQualityOk: null,
  phoneMasked: null,
  regionCode: '411302102201',
  regionName: '东岗村',
  version: 1,
  cadenceMonths: 6,
  lastVisitedOn: null,
  dueOn,
  members: [],
  lastVisits: [],
  openLeads: [],
  openAlerts: [],
});

describe('the visit plan from the stored work set', () => {
  const set = [household(3, '2026-12-01'), household(1, '2026-11-01'), household(2, '2026-11-01')];

  it('orders by due date then id and marks overdue against today', () => {
    const list = dueListFrom(set, { page: 1, pageSize: 20 }, '2026-11-29');
    expect(list.items.map((i) => i.householdId)).toEqual([1, 2, 3]);
    expect(list.items.map((i) => i.isOverdue)).toEqual([true, true, false]);
    expect(list.total).toBe(3);
  });

  it('filters overdue only and pages', () => {
    expect(dueListFrom(set, { overdueOnly: 'true', page: 1, pageSize: 20 }, '2026-11-29').total).toBe(2);
    const page2 = dueListFrom(set, { page: 2, pageSize: 2 }, '2026-11-29');
    expect(page2.items.map((i) => i.householdId)).toEqual([3]);
  });
});
