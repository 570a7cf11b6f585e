import QRCode from 'qrcode';

/**
 * Level M (15 % of the code may be lost) survives a poster that is creased or partly covered; a quiet zone
 * of four modules is what the standard asks for; 12 pixels a module prints sharply on A4.
 */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 12 } as const;

/** A QR code of `text` (byte mode) as a PNG, for the printed poster of a village's public page. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { ...QR_OPTIONS, type: 'png' });
}
