import { describe, expect, it } from 'vitest';
import { benefitDateProblem, linkageYearProblem } from './linkage.js';

describe('farmer linkage terms', () => {
  it('links households only for years within the agreement', () => {
    expect(linkageYearProblem('2024-03-01', null, 2024)).toBeNull();
    expect(linkageYearProblem('2024-03-01', null, 2030)).toBeNull();
    expect(linkageYearProblem('2024-03-01', null, 2023)).toContain('2024-03-01 起');
    expect(linkageYearProblem('2024-03-01', '2025-02-28', 2025)).toBeNull();
    expect(linkageYearProblem('2024-03-01', '2025-02-28', 2026)).toContain('已于 2025-02-28 到期');
  });

  it('takes a payment within the term and not in the future', () => {
    const term = { startedOn: '2025-01-01', endedOn: '2026-06-30' };
    expect(benefitDateProblem('2026-06-30', term, '2026-12-02')).toBeNull();
    expect(benefitDateProblem('2026-07-01', term, '2026-12-02')).toContain('晚于协议结束日期');
    expect(benefitDateProblem('2024-12-31', term, '2026-12-02')).toContain('早于协议开始日期');
    expect(benefitDateProblem('2026-12-03', { startedOn: '2025-01-01', endedOn: null }, '2026-12-02')).toBe(
      '发放日期不能晚于今天',
    );
  });
});
