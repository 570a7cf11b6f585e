import { describe, expect, it } from 'vitest';
import { ageOn, judgeGuarantees } from './guarantees.js';

const adult = { birthDate: '1980-03-01', dropoutReason: null, medicalInsured: true };
const base = {
  members: [adult],
  housingGrade: 'B',
  hasSafeHouseElsewhere: false,
  water: [true, true, true, true],
};

describe('guarantees', () => {
  it('computes ages on a date', () => {
    expect(ageOn('2010-06-01', '2023-05-31')).toBe(12);
    expect(ageOn('2010-06-01', '2023-06-01')).toBe(13);
  });

  it('passes a household with every guarantee met', () => {
    expect(judgeGuarantees(base, '2023-05-15')).toEqual({
      education: 'ok',
      medical: 'ok',
      housing: 'ok',
      water: 'ok',
    });
  });

  it('fails education for a school-age child who dropped out, not for an adult', () => {
    const child = { birthDate: '2012-01-01', dropoutReason: '厌学', medicalInsured: true };
    expect(judgeGuarantees({ ...base, members: [adult, child] }, '2023-05-15').education).toBe('problem');
    const grown = { ...child, birthDate: '2000-01-01' };
    expect(judgeGuarantees({ ...base, members: [adult, grown] }, '2023-05-15').education).toBe('ok');
  });

  it('fails medical when any member is uninsured', () => {
    const uninsured = { ...adult, medicalInsured: false };
    expect(judgeGuarantees({ ...base, members: [adult, uninsured] }, '2023-05-15').medical).toBe('problem');
  });

  it('judges housing by grade: C, D or none fail unless there is a safe house elsewhere', () => {
    expect(judgeGuarantees({ ...base, housingGrade: 'C' }, '2023-05-15').housing).toBe('problem');
    expect(
      judgeGuarantees({ ...base, housingGrade: 'D', hasSafeHouseElsewhere: true }, '2023-05-15').housing,
    ).toBe('ok');
    expect(judgeGuarantees({ ...base, housingGrade: null }, '2023-05-15').housing).toBe('unknown');
  });

  it('needs all four water indicators', () => {
    expect(judgeGuarantees({ ...base, water: [true, false, true, true] }, '2023-05-15').water).toBe(
      'problem',
    );
    expect(judgeGuarantees({ ...base, water: [true, null, true, true] }, '2023-05-15').water).toBe('unknown');
  });
});
