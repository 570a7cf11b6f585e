import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText } from '../services/text-decoding.js';

/** A spreadsheet as rows of cells, each row with its 1-based row number in the file. */
export type Cell = string | number;
export interface SheetRow {
  row: number;
  cells: Cell[];
}

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
    return value.toISOString().slice(0, 10);
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

/**
 * Reads the first worksheet of an .xlsx file, or a CSV file in UTF-8 (with or without BOM) or
 * GBK/GB18030. Numbers stay numbers so that an ID number Excel turned into a number is recognised.
 */
export async function readSpreadsheet(data: Uint8Array): Promise<SheetRow[]> {
  if (isXlsx(data)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
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
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  return records.map((cells, index) => ({ row: index + 1, cells }));
}
