import { describe, expect, it } from 'vitest';
import { changedFacts, keepMine, sideBySide } from './facts.js';

describe('household facts corrected offline', () => {
  it('sends only the fields the user changed, blank text as null', () => {
    const before = { address: '东岗村 3 组', housingGrade: 'B', waterQuantityOk: true, waterQualityOk: null };
    expect(changedFacts(before, { ...before, housingGrade: 'C', address: ' 东岗村 3 组 ' })).toEqual({
      housingGrade: 'C',
    });
    expect(changedFacts(before, { address: '  ' })).toEqual({ address: null });
    expect(changedFacts(before, before)).toEqual({});
  });

  it("shows the user's values beside the server's, for the fields the user changed", () => {
    expect(sideBySide({ housingGrade: 'C' }, { housingGrade: 'A', address: 'x' })).toEqual([
      { field: 'housingGrade', mine: 'C', server: 'A' },
    ]);
  });

  it("keeps mine: the user's fields again under the server's new version", () => {
    const server = { version: 5, housingGrade: 'A', address: '改过的地址' };
    expect(keepMine({ version: 3, housingGrade: 'C' }, server)).toEqual({ version: 5, housingGrade: 'C' });
  });

  it('has nothing to resend when the server already holds the same values', () => {
    expect(keepMine({ version: 3, housingGrade: 'C' }, { version: 4, housingGrade: 'C' })).toBeNull();
  });
});
