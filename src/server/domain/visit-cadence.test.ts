import { expect, it } from 'vitest';
import { DEFAULT_VISIT_MONTHS, isVisitOverdue, nextVisitDue } from './visit-cadence.js';

it('visits 脱贫户 and 监测户 monthly, other low-income households quarterly, the rest half-yearly', () => {
  expect(DEFAULT_VISIT_MONTHS).toEqual({ exited_poverty: 1, monitored: 1, low_income: 3, ordinary: 6 });
});

it('is due one cadence after the last visit, at a short month’s last day when the day does not exist', () => {
  expect(nextVisitDue('2026-03-15', 1, '2026-01-01')).toBe('2026-04-15');
  expect(nextVisitDue('2026-01-31', 1, '2026-01-01')).toBe('2026-02-28');
  expect(nextVisitDue('2026-11-30', 3, '2026-01-01')).toBe('2027-02-28');
  expect(nextVisitDue('2026-08-31', 6, '2026-01-01')).toBe('2027-02-28');
});

it('a household never visited is first due one cadence after it entered the registry', () => {
  expect(nextVisitDue(null, 1, '2026-05-20')).toBe('2026-06-20');
});

it('is overdue only after the due day', () => {
  expect(isVisitOverdue('2026-05-20', '2026-05-20')).toBe(false);
  expect(isVisitOverdue('2026-05-20', '2026-05-21')).toBe(true);
  expect(isVisitOverdue('2026-05-20', '2026-05-19')).toBe(false);
});
