import { expect, it } from 'vitest';
import { fileType, imageType } from './file-type.js';

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00];

it('recognises files by their signature, not their name', () => {
  expect(fileType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  expect(fileType(Uint8Array.from(png))).toBe('image/png');
  expect(fileType(Buffer.from('RIFF....WEBPVP8 '))).toBe('image/webp');
  expect(fileType(Buffer.from('%PDF-1.4'))).toBe('application/pdf');
  expect(fileType(Buffer.from('GIF89a'))).toBeNull();
  // A truncated PNG signature is not a PNG.
  expect(fileType(Uint8Array.from(png.slice(0, 5)))).toBeNull();
});

it('takes only images as photos', () => {
  expect(imageType(Uint8Array.from(png))).toBe('image/png');
  expect(imageType(Buffer.from('%PDF-1.4'))).toBeNull();
});
