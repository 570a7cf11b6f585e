import { describe, expect, it } from 'vitest';
import { normaliseIdInput } from './id-input.js';

describe('normaliseIdInput', () => {
  it('accepts a clean number unchanged', () => {
    expect(normaliseIdInput('411302195803120137')).toEqual({
      ok: true,
      id: '411302195803120137',
      fixes: [],
      converted15: false,
    });
  });

  it('removes spaces and converts full-width digits', () => {
    const result = normaliseIdInput(' ４１１３０２ 1958 0312 0137 ');
    expect(result).toMatchObject({ ok: true, id: '411302195803120137' });
  });

  it('uppercases a trailing x', () => {
    expect(normaliseIdInput('41130219750815005x')).toMatchObject({ ok: true, id: '41130219750815005X' });
  });

  it('upgrades a 15-digit number', () => {
    expect(normaliseIdInput('411302580312013')).toMatchObject({
      ok: true,
      id: '411302195803120137',
      converted15: true,
    });
  });

  it('refuses scientific notation from Excel, with the reason', () => {
    const result = normaliseIdInput('4.11302E+17');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/科学计数法/);
    expect(normaliseIdInput(4.11302e17).ok).toBe(false);
  });

  it('refuses a wrong check digit and an empty cell', () => {
    expect(normaliseIdInput('411302195803120130')).toEqual({
      ok: false,
      reason: '身份证号校验位错误（应为 7）',
    });
    expect(normaliseIdInput('  ')).toEqual({ ok: false, reason: '身份证号为空' });
  });
});
