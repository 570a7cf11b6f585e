import iconv from 'iconv-lite';

/**
 * Decodes an uploaded text file. Files from Chinese offices arrive as UTF-8 (often with a BOM, from
 * Excel) or as GBK/GB18030 (Excel "CSV" on a Chinese Windows). UTF-8 is tried strictly first:
 * GB18030 bytes are almost never valid UTF-8, so a failure means the file is GB18030.
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(buffer), 'gb18030'), encoding: 'gb18030' };
  }
}
