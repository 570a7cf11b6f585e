import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** Every CSV the server writes: UTF-8 with a BOM (so Excel opens it in Chinese), CRLF line ends. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: "CSV injection") gets
 * a leading apostrophe, so a name typed as `=HYPERLINK(…)` in an import shows as text in Excel. Plain
 * numbers such as `-12.50` or `+8613800000000` stay as they are.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  // A cell with a line break is quoted whatever the record delimiter is.
  quoted_match: /[\r\n]/,
  cast: { string: neutraliseFormula },
} as const;

/** A whole CSV document (header and rows) as one string. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return stringifySync([header, ...rows] as CsvCell[][], OPTIONS);
}

/** A CSV document streamed from rows read as they come (exports of a whole county). */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly CsvCell[]>): Readable {
  async function* records() {
    yield header;
    yield* rows;
  }
  return Readable.from(records()).pipe(stringify(OPTIONS));
}
