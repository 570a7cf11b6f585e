import { checkCharacter, describeIdProblem, idNumberProblem } from '../../shared/id-number.js';

/**
 * Cleans an ID number as typed or as it comes out of a spreadsheet, keeping only what can be trusted:
 * spaces and full-width characters are normalised, a lowercase x becomes X, and an old 15-digit number
 * is upgraded to 18 digits (GB 11643 rule: century 19, computed check character). A number Excel turned
 * into scientific notation has lost digits and is refused.
 */
export type IdInputResult =
  | { ok: true; id: string; fixes: string[]; converted15: boolean }
  | { ok: false; reason: string };

/** The note ("converted from a 15-digit number") an import or feed report carries for an upgraded old ID. */
export const ID_CONVERTED_NOTE = '身份证号由 15 位旧号码转换为 18 位，请核对';

export function normaliseIdInput(raw: string | number | null | undefined, today?: Date): IdInputResult {
  if (raw === null || raw === undefined || String(raw).trim() === '') {
    return { ok: false, reason: '身份证号为空' };
  }
  const excelLost =
    'Excel 已把身份证号转成数字或科学计数法（如 4.11302E+17），末几位已丢失：请把该列设为文本后重新导出';
  // An 18-digit number does not fit a double: a numeric cell has already lost its last digits.
  if (typeof raw === 'number' && raw >= 1e15) {
    return { ok: false, reason: excelLost };
  }
  const fixes: string[] = [];
  let text = String(raw);
  const halfWidth = text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (halfWidth !== text) {
    fixes.push('全角字符已转为半角');
    text = halfWidth;
  }
  const compact = text.replace(/[\s\u3000'‘’-]/g, '');
  if (compact !== text.trim()) {
    fixes.push('已去除空格或分隔符');
  }
  text = compact;
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
    return {
      ok: false,
      reason: 'Excel 已把身份证号转成科学计数法（如 4.11302E+17），末几位已丢失：请把该列设为文本后重新导出',
    };
  }
  if (/^\d{17}x$/.test(text)) {
    text = `${text.slice(0, 17)}X`;
    fixes.push('末位小写 x 已改为大写 X');
  }
  const converted15 = /^\d{15}$/.test(text);
  if (converted15) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    text = `${first17}${checkCharacter(first17)}`;
    fixes.push('15 位旧身份证号已升为 18 位');
  }
  const problem = idNumberProblem(text, today);
  if (problem) {
    return { ok: false, reason: describeIdProblem(problem) };
  }
  return { ok: true, id: text, fixes, converted15 };
}
