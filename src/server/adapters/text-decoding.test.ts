import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './text-decoding.js';

describe('decodeText', () => {
  it('reads UTF-8, dropping a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('南阳市')]);
    expect(decodeText(bytes)).toEqual({ text: '南阳市', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for GBK files', () => {
    expect(decodeText(iconv.encode('宛城区,官庄镇', 'gbk'))).toEqual({
      text: '宛城区,官庄镇',
      encoding: 'gb18030',
    });
  });
});
