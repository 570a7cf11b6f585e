import { describe, expect, it } from 'vitest';
import { usccProblem, workshopFlag } from './operators.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes, whatever their check character', () => {
    expect(usccProblem('914403001922038216')).toBeNull();
    expect(usccProblem('91110000600037341L')).toBeNull();
    expect(usccProblem('911100001000079554')).toBeNull();
  });

  it('says what is wrong: the length, the characters, the check character', () => {
    expect(usccProblem('91440300192203821')).toContain('18 位');
    expect(usccProblem('91440300192203821I')).toContain('不含 I');
    expect(usccProblem('9144030019220382l6')).toContain('大写字母');
    expect(usccProblem('914403001922038217')).toContain('校验位');
  });
});

describe('workshop flags', () => {
  it('flags an idle workshop and one below the minimum of 5 workers, and none at 5', () => {
    expect(workshopFlag(0)).toBe('idle');
    expect(workshopFlag(4)).toBe('below_minimum');
    expect(workshopFlag(5)).toBeNull();
  });
});
