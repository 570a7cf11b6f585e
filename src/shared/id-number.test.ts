import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCharacter, idFacts, idNumberProblem, maskIdNumber } from './id-number.js';

const VECTORS = new URL('../../../shared/data/id_vectors.csv', import.meta.url);

describe('GB 11643 ID numbers', () => {
  it.skipIf(!fs.existsSync(VECTORS))('agrees with every shared test vector', () => {
    const lines = fs.readFileSync(VECTORS, 'utf8').trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const [id = '', valid, ...reason] = line.split(',');
      const isPolicyOnly = reason.join(',').startsWith('sequence 000');
      const problem = idNumberProblem(id, new Date('2026-01-01'));
      expect({ id, valid: problem === null }).toEqual({ id, valid: valid === 'true' || isPolicyOnly });
    }
  });

  it('computes the check character, X for 10', () => {
    expect(checkCharacter('41130219750815005')).toBe('X');
    expect(checkCharacter('41130219580312013')).toBe('7');
  });

  it('names the problem', () => {
    expect(idNumberProblem('411302195803120130')).toEqual({ kind: 'check_digit', expected: '7' });
    expect(idNumberProblem('411302199902290260')).toEqual({ kind: 'birth_date', date: '19990229' });
    expect(idNumberProblem('41130219750815005x')).toEqual({ kind: 'characters' });
    expect(idNumberProblem('411302580312013')).toEqual({ kind: 'length', length: 15 });
  });

  it('refuses birth dates in the future', () => {
    const id17 = '41130220300101001';
    expect(idNumberProblem(`${id17}${checkCharacter(id17)}`, new Date('2026-01-01'))?.kind).toBe(
      'birth_date',
    );
  });

  it('derives sex and birth date', () => {
    expect(idFacts('411302196711050244')).toEqual({
      sex: 'female',
      birthDate: '1967-11-05',
      addressCode: '411302',
    });
    expect(idFacts('41130219750815005X').sex).toBe('male');
  });

  it('masks all but the address code and the last four', () => {
    expect(maskIdNumber('411302195803120137')).toBe('411302********0137');
  });
});
