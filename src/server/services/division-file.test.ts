import { describe, expect, it } from 'vitest';
import { parseDivisionFile, villageName } from './division-file.js';

const header = 'code,name,level,parent_code';

describe('division file', () => {
  it('names a village as people do, not its committee', () => {
    expect(villageName('张茨园村民委员会')).toBe('张茨园村');
    expect(villageName('二村村民委员会')).toBe('二村');
    expect(villageName('黑石寨村委会')).toBe('黑石寨村');
    expect(villageName('河街社区居民委员会')).toBe('河街社区');
    expect(villageName('华山区居委会')).toBe('华山区居委会');
    expect(villageName('东岗村')).toBe('东岗村');
  });

  it('accepts a well-formed file and orders parents first', () => {
    const text = [
      header,
      '411302102201,东岗村,village,411302102000',
      '411302102000,官庄镇,town,411302000000',
      '411302000000,宛城区,county,411300000000',
      '411300000000,南阳市,city,',
    ].join('\n');
    const { regions, problems } = parseDivisionFile(text, new Map());
    expect(problems).toEqual([]);
    expect(regions.map((r) => r.level)).toEqual(['city', 'county', 'town', 'village']);
    expect(regions.find((r) => r.code === '411302102201')?.countyCode).toBe('411302000000');
  });

  it('accepts parents already in the database', () => {
    const text = `${header}\n411302102000,官庄镇,town,411302000000`;
    const { problems } = parseDivisionFile(text, new Map([['411302000000', 'county']]));
    expect(problems).toEqual([]);
  });

  it('reports every bad row with its line and reason', () => {
    const text = [
      header,
      '41130210,短码,town,411302000000',
      '411302102000,官庄镇,village,411302000000',
      '411302103000,,town,411302000000',
      '411302104000,某镇,town,411399000000',
      '411302105000,某镇,town,411302000000',
      '411302105000,重复,town,411302000000',
      '411302106000,某镇,district,411302000000',
    ].join('\n');
    const { problems } = parseDivisionFile(text, new Map([['411302000000', 'county']]));
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4, 7, 8, 5]);
    expect(problems.find((p) => p.row === 2)?.reason).toMatch(/12 位/);
    expect(problems.find((p) => p.row === 3)?.reason).toMatch(/层级/);
    expect(problems.find((p) => p.row === 5)?.reason).toMatch(/不存在/);
    expect(problems.find((p) => p.row === 7)?.reason).toMatch(/重复/);
  });

  it('refuses a file without the expected header', () => {
    const { problems } = parseDivisionFile('id,name\n1,x', new Map());
    expect(problems).toEqual([{ row: 1, code: '', reason: expect.stringMatching(/表头/) }]);
  });

  it('reads a UTF-8 BOM header', () => {
    const { problems } = parseDivisionFile(`\uFEFF${header}\n411300000000,南阳市,city,`, new Map());
    expect(problems).toEqual([]);
  });
});
