import { expect, it } from 'vitest';
import { diff } from './audit.js';

it('records only the fields that changed, with their old and new values', () => {
  const result = diff({ phone: '138', address: '东岗村', grade: 'B' }, { phone: '139', address: '东岗村' });
  expect(result).toEqual({ old: { phone: '138' }, new: { phone: '139' }, isEmpty: false });
});

it('takes a number and the numeric string the database returned for it as the same value', () => {
  // As services call it: the row read back (numeric as a string) against the input (a number).
  const row: { amount: string | number } = { amount: '12.50' };
  expect(diff(row, { amount: 12.5 }).isEmpty).toBe(true);
  expect(diff(row, { amount: 13 })).toEqual({
    old: { amount: '12.50' },
    new: { amount: 13 },
    isEmpty: false,
  });
});

it('ignores fields left undefined but records a change to null', () => {
  expect(diff({ phone: '138', unit: 'x' }, { phone: undefined }).isEmpty).toBe(true);
  expect(diff({ phone: '138' }, { phone: null as unknown as string })).toEqual({
    old: { phone: '138' },
    new: { phone: null },
    isEmpty: false,
  });
});
