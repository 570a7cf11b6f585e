import { describe, expect, it } from 'vitest';
import { type WorkRuleInput, workRuleProblems } from './work-rules.js';

const TODAY = '2026-12-01';
const clean: WorkRuleInput = {
  startMonth: '2026-03',
  endMonth: null,
  monthlyIncome: '2500',
  employer: '南阳某厂',
  industry: '制造业',
  channel: 'market',
  pointToPoint: false,
  place: 'county',
  workProvince: '河南',
  workCounty: '宛城区',
  birthDate: '1980-05-01',
  isTekun: false,
  schooling: null,
};
const check = (change: Partial<WorkRuleInput>) => workRuleProblems({ ...clean, ...change }, TODAY);

describe('work data-quality rules', () => {
  it('passes a complete current record', () => {
    expect(check({})).toEqual([]);
  });

  it('5_01_007: a current worker needs income, employer, industry, channel and point-to-point', () => {
    expect(check({ employer: ' ' })).toEqual(['missing_fields']);
    expect(check({ pointToPoint: null })).toEqual(['missing_fields']);
    expect(check({ channel: null })).toEqual(['missing_fields']);
    expect(check({ monthlyIncome: null })).toEqual(['missing_fields']);
  });

  it('5_16_001/002 and 1111_12: income out of range, or low', () => {
    expect(check({ monthlyIncome: '30000.01' })).toEqual(['income_out_of_range']);
    expect(check({ monthlyIncome: '99.99' })).toEqual(['income_out_of_range']);
    expect(check({ monthlyIncome: '399' })).toEqual(['income_low']);
    expect(check({ monthlyIncome: '400' })).toEqual([]);
  });

  it('5_01_003: outside the county on a post or in a workshop', () => {
    expect(check({ place: 'city', channel: 'workshop' })).toEqual(['away_on_local_channel']);
    expect(check({ place: 'outside', channel: 'public_job' })).toContain('away_on_local_channel');
    expect(check({ place: 'county', channel: 'workshop' })).toEqual([]);
  });

  it('5_01_006: 70 or older on a public-welfare post, from the birthday on', () => {
    expect(check({ channel: 'public_job', birthDate: '1956-12-01' })).toEqual(['old_on_public_job']);
    expect(check({ channel: 'public_job', birthDate: '1956-12-02' })).toEqual([]);
    expect(check({ channel: 'market', birthDate: '1950-01-01' })).toEqual([]);
  });

  it('5_01_005: the work place must reach the county', () => {
    expect(check({ workCounty: null, place: null })).toEqual(['place_not_county_level']);
    expect(check({ workCounty: null, place: 'abroad', workProvince: '境外' })).toEqual([]);
  });

  it('5_01_004 and 4_01_006: 特困 working away, pupils working', () => {
    expect(check({ isTekun: true, place: 'province' })).toEqual(['tekun_working_away']);
    expect(check({ isTekun: true })).toEqual([]);
    expect(check({ schooling: '九年级' })).toEqual(['pupil_working']);
    expect(check({ schooling: '中职二年级' })).toEqual([]);
  });

  it('checks only current records', () => {
    expect(check({ endMonth: '2026-11', employer: null })).toEqual([]);
    expect(check({ endMonth: '2026-12', employer: null })).toEqual(['missing_fields']);
  });
});
