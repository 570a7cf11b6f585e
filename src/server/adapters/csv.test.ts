import { buffer } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { csvDocument, csvStream, neutraliseFormula } from './csv.js';

it('writes a BOM, CRLF line ends, and quotes only the cells that need it', () => {
  const csv = csvDocument(
    ['行号', '原因'],
    [
      [3, '证件号码 "41130219" 校验位不对'],
      [4, '一, 二\n三'],
      [5, null],
    ],
  );
  expect(csv).toBe('\uFEFF行号,原因\r\n3,"证件号码 ""41130219"" 校验位不对"\r\n4,"一, 二\n三"\r\n5,\r\n');
});

it('neutralises formulas in text cells but keeps plain signed numbers', () => {
  expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
  expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(neutraliseFormula('+1+1')).toBe("'+1+1");
  expect(neutraliseFormula('\tcmd')).toBe("'\tcmd");
  expect(neutraliseFormula('-12.50')).toBe('-12.50');
  expect(neutraliseFormula('+8613800000000')).toBe('+8613800000000');
  expect(neutraliseFormula('张大山')).toBe('张大山');
  expect(csvDocument(['姓名'], [['=1+2']])).toBe("\uFEFF姓名\r\n'=1+2\r\n");
});

it('streams the same document from rows read as they come', async () => {
  async function* rows() {
    yield ['DG001', 2];
    yield ['-cmd', 3];
  }
  // Read as bytes: a TextDecoder would drop the BOM this checks.
  const bytes = await buffer(csvStream(['户编号', '人数'], rows()));
  expect(bytes.toString('utf8')).toBe("\uFEFF户编号,人数\r\nDG001,2\r\n'-cmd,3\r\n");
});
