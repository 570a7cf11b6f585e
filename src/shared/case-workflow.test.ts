import { describe, expect, it } from 'vitest';
import {
  CASE_STAGES,
  identificationDueOn,
  isIdentificationLate,
  STAGE_RULES,
  transition,
} from './case-workflow.js';
import type { Role } from './roles.js';

const base = { today: '2026-11-29', noticeStartsOn: null, category: 'marginal', riskCount: 1 };

describe('case workflow', () => {
  it('walks identification from the data cross-check to monitoring, each step by its level', () => {
    const path: Array<[string, Role, string]> = [
      ['home_check', 'village', 'cross_check'],
      ['cross_check', 'township', 'village_review'],
      ['village_review', 'village', 'public_notice'],
      ['town_review', 'township', 'county_approval'],
      ['county_approval', 'county', 'announcement'],
      ['announcement', 'township', 'monitored'],
    ];
    for (const [stage, role, to] of path) {
      expect(transition({ ...base, stage: stage as 'home_check', action: 'advance', role })).toEqual({
        ok: true,
        to,
      });
    }
  });

  it('refuses a level that does not act at a step', () => {
    expect(transition({ ...base, stage: 'county_approval', action: 'advance', role: 'township' }).ok).toBe(
      false,
    );
    expect(transition({ ...base, stage: 'home_check', action: 'advance', role: 'county' }).ok).toBe(false);
    expect(transition({ ...base, stage: 'monitored', action: 'advance', role: 'county' }).ok).toBe(false);
  });

  it('keeps the public notice open at least 5 days', () => {
    const notice = {
      ...base,
      stage: 'public_notice' as const,
      action: 'advance' as const,
      role: 'village' as const,
    };
    expect(transition({ ...notice, noticeStartsOn: '2026-11-25' }).ok).toBe(false);
    expect(transition({ ...notice, noticeStartsOn: '2026-11-24' })).toEqual({ ok: true, to: 'town_review' });
    // Across a month end: notice from 2026-11-28 ends 2026-12-03.
    expect(transition({ ...notice, noticeStartsOn: '2026-11-28', today: '2026-12-02' }).ok).toBe(false);
    expect(transition({ ...notice, noticeStartsOn: '2026-11-28', today: '2026-12-03' }).ok).toBe(true);
  });

  it('needs a category and a risk type before the review moves on', () => {
    const review = {
      ...base,
      stage: 'village_review' as const,
      action: 'advance' as const,
      role: 'village' as const,
    };
    expect(transition({ ...review, category: null }).ok).toBe(false);
    expect(transition({ ...review, riskCount: 0 }).ok).toBe(false);
  });

  it('sends back and rejects where the procedure allows; elimination refusals return to monitoring', () => {
    expect(transition({ ...base, stage: 'town_review', action: 'return', role: 'township' })).toEqual({
      ok: true,
      to: 'village_review',
    });
    expect(transition({ ...base, stage: 'county_approval', action: 'reject', role: 'county' })).toEqual({
      ok: true,
      to: 'rejected',
    });
    expect(transition({ ...base, stage: 'elim_county_approval', action: 'reject', role: 'county' })).toEqual({
      ok: true,
      to: 'monitored',
    });
    expect(transition({ ...base, stage: 'announcement', action: 'reject', role: 'township' }).ok).toBe(false);
    expect(transition({ ...base, stage: 'home_check', action: 'return', role: 'village' }).ok).toBe(false);
  });

  it('every stage has a rule, and terminal stages have no actors', () => {
    for (const stage of CASE_STAGES) {
      expect(STAGE_RULES[stage]).toBeDefined();
    }
    expect(STAGE_RULES.eliminated.actors).toEqual([]);
    expect(STAGE_RULES.rejected.actors).toEqual([]);
  });

  it('is due 15 calendar days after the lead, late the day after', () => {
    expect(identificationDueOn('2026-11-20')).toBe('2026-12-05');
    expect(isIdentificationLate('town_review', '2026-12-05', '2026-12-05')).toBe(false);
    expect(isIdentificationLate('town_review', '2026-12-05', '2026-12-06')).toBe(true);
    expect(isIdentificationLate('monitored', '2026-12-05', '2026-12-06')).toBe(false);
  });
});

describe('categoryConflict', () => {
  it('keeps 脱贫不稳定户 for 脱贫户 and 边缘易致贫户 for others; 突发严重困难户 fits any', async () => {
    const { categoryConflict } = await import('./case-workflow.js');
    expect(categoryConflict('unstable_ex_poor', 'ordinary')).toContain('只适用于脱贫户');
    expect(categoryConflict('marginal', 'exited_poverty')).toContain('脱贫户不能');
    expect(categoryConflict('unstable_ex_poor', 'exited_poverty')).toBeNull();
    expect(categoryConflict('marginal', 'low_income')).toBeNull();
    expect(categoryConflict('sudden_hardship', 'exited_poverty')).toBeNull();
    expect(categoryConflict('marginal', 'monitored')).toBeNull();
  });
});

describe('nextStep', () => {
  it('names who acts and by when, and during the notice the day the next step opens', async () => {
    const { nextStep, transition } = await import('./case-workflow.js');
    expect(nextStep({ stage: 'cross_check', dueOn: '2026-12-15', noticeStartsOn: null })).toEqual({
      actors: ['township', 'county'],
      byOn: '2026-12-15',
      opensOn: null,
    });
    const notice = nextStep({ stage: 'public_notice', dueOn: '2026-12-15', noticeStartsOn: '2026-12-03' });
    expect(notice?.opensOn).toBe('2026-12-08');
    const early = transition({
      stage: 'public_notice',
      action: 'advance',
      role: 'village',
      today: '2026-12-05',
      noticeStartsOn: '2026-12-03',
      category: 'marginal',
      riskCount: 1,
    });
    // The refusal and the shown date come from the same rule.
    expect(early).toMatchObject({ ok: false, opensOn: notice?.opensOn });
    expect(nextStep({ stage: 'monitored', dueOn: '2026-12-15', noticeStartsOn: null })).toBeNull();
  });
});
