/** A spreadsheet as rows of cells (what adapters/spreadsheet.ts reads), each row with its 1-based number in the file. */
export type Cell = string | number;
export interface SheetRow {
  row: number;
  cells: Cell[];
}
