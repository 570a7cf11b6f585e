import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isoDateOfUtcDay } from '../../shared/calendar.js';
import type { Cell, SheetRow } from '../domain/sheet-row.js';
import { validation } from '../errors.js';
import { decodeText } from './text-decoding.js';

const isXlsx = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b; // "PK": a zip container

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  if (value instanceof Date) {
    return isoDateOfUtcDay(value);
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText.map((r) => r.text).join('');
    }
    if ('result' in value) {
      return cellValue((value.result ?? '') as ExcelJS.CellValue);
    }
    if ('text' in value) {
      return String(value.text);
    }
  }
  return String(value);
}

/** Whether decoded text holds a control character no spreadsheet program writes (NUL, …): not a CSV. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c) {
      return true;
    }
  }
  return false;
}

/**
 * Reads the first worksheet of an .xlsx file, or a CSV file in UTF-8 (with or without BOM) or
 * GBK/GB18030. Numbers stay numbers so that an ID number Excel turned into a number is recognised.
 * A file that is neither (an image, a corrupt or truncated .xlsx, a CSV with an unclosed quote) is a
 * 400 that says so: it is the user's file that is wrong, not the server.
 */
export async function readSpreadsheet(data: Uint8Array): Promise<SheetRow[]> {
  if (isXlsx(data)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    } catch {
      throw validation('无法读取这个 .xlsx 文件：文件已损坏或不完整，请在 Excel 中重新保存后再上传', {
        reason: 'unreadable_file',
      });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) {
      return [];
    }
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push({ row: rowNumber, cells: values.slice(1).map(cellValue) });
    });
    return rows;
  }
  const { text } = decodeText(data);
  if (hasControlCharacter(text)) {
    throw validation('文件不是 .xlsx 或 .csv 表格（可能是图片或其他文件），请上传表格文件', {
      reason: 'not_a_spreadsheet',
    });
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw validation(
      `CSV 文件格式有误${line ? `（第 ${line} 行附近）` : ''}：引号不成对或字段未闭合，请检查后重新上传`,
      { reason: 'malformed_csv', line: line ?? null },
    );
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}
