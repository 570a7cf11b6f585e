import { shanghaiToday } from './calendar.js';
import { clock } from './clock.js';

/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2; 10 is written X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdProblem =
  | { kind: 'length'; length: number }
  | { kind: 'characters' }
  | { kind: 'birth_date'; date: string }
  | { kind: 'check_digit'; expected: string };

export interface IdFacts {
  sex: 'male' | 'female';
  birthDate: string;
  addressCode: string;
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? '?';
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks an ID number exactly as written (no clean-up): the first problem found, or null. */
export function idNumberProblem(id: string, today: Date = clock().now()): IdProblem | null {
  if (id.length !== 18) {
    return { kind: 'length', length: id.length };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { kind: 'characters' };
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  // Born after today's Shanghai date (a baby born this morning in Beijing is not in the future).
  const isFuture = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > shanghaiToday(today);
  if (year < 1900 || !isRealDate(year, month, day) || isFuture) {
    return { kind: 'birth_date', date: id.slice(6, 14) };
  }
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    return { kind: 'check_digit', expected };
  }
  return null;
}

/** Sex and birth date read from a valid ID number. */
export function idFacts(id: string): IdFacts {
  return {
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    addressCode: id.slice(0, 6),
  };
}

/** Chinese wording of a problem, for forms and import reports. */
export function describeIdProblem(problem: IdProblem): string {
  switch (problem.kind) {
    case 'length':
      return `身份证号应为 18 位，实为 ${problem.length} 位`;
    case 'characters':
      return '身份证号只能是 17 位数字加 1 位数字或大写 X';
    case 'birth_date':
      return `身份证号中的出生日期 ${problem.date} 无效`;
    case 'check_digit':
      return `身份证号校验位错误（应为 ${problem.expected}）`;
  }
}

/** Masks an ID for lists: the address code and the last four characters stay. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) {
    return '*'.repeat(id.length);
  }
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) {
    return '*'.repeat(phone.length);
  }
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
