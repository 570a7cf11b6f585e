import { describe, expect, it } from 'vitest';
import { allowedProjectActions, canEditProject, isInLibrary, nextStage } from './project-workflow.js';

describe('project workflow', () => {
  it('takes a village project through notice, township review and county approval', () => {
    expect(nextStage('draft', 'start_notice', 'village')).toBe('notice');
    expect(nextStage('notice', 'submit', 'village')).toBe('town_review');
    expect(nextStage('town_review', 'town_pass', 'village')).toBe('county_assessment');
    expect(nextStage('county_assessment', 'county_approve', 'village')).toBe('approved');
  });
  it('lets township and county projects skip the township review', () => {
    expect(nextStage('notice', 'submit', 'town')).toBe('county_assessment');
    expect(nextStage('notice', 'submit', 'county')).toBe('county_assessment');
  });
  it('sends back one level down', () => {
    expect(nextStage('town_review', 'send_back', 'village')).toBe('draft');
    expect(nextStage('county_assessment', 'send_back', 'village')).toBe('town_review');
    expect(nextStage('county_assessment', 'send_back', 'town')).toBe('draft');
    expect(nextStage('approved', 'send_back', 'village')).toBeNull();
  });
  it('names the level that acts', () => {
    expect(allowedProjectActions('draft', 'village', 'village')).toEqual(['start_notice']);
    expect(allowedProjectActions('draft', 'village', 'town')).toEqual([]);
    expect(allowedProjectActions('town_review', 'village', 'town')).toEqual(['town_pass', 'send_back']);
    expect(allowedProjectActions('county_assessment', 'village', 'county')).toEqual([
      'county_approve',
      'send_back',
    ]);
    expect(allowedProjectActions('approved', 'village', 'county')).toEqual(['advance']);
    expect(allowedProjectActions('settled', 'village', 'county')).toEqual([]);
  });
  it('advances through implementation in order, and only in the library', () => {
    expect(nextStage('approved', 'advance', 'village')).toBe('plan_approved');
    expect(nextStage('finished', 'advance', 'village')).toBe('accepted');
    expect(nextStage('town_review', 'advance', 'village')).toBeNull();
    expect(isInLibrary('town_review')).toBe(false);
    expect(isInLibrary('approved')).toBe(true);
    expect(isInLibrary('settled')).toBe(true);
  });
  it('lets only the declaring level change a draft', () => {
    expect(canEditProject('draft', 'village', 'village')).toBe(true);
    expect(canEditProject('draft', 'village', 'town')).toBe(false);
    expect(canEditProject('draft', 'town', 'town')).toBe(true);
    expect(canEditProject('notice', 'village', 'village')).toBe(false);
    expect(canEditProject('town_review', 'village', 'town')).toBe(false);
    expect(canEditProject('draft', 'county', null)).toBe(false);
  });
});
