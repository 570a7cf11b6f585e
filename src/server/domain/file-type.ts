/** The types Shoudi accepts for uploads, recognised by their bytes (a declared type or a name proves nothing). */
export type FileType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** The type of uploaded bytes by their signature (JPEG, PNG, WebP, PDF), or null. */
export function fileType(bytes: Uint8Array): FileType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) {
    return 'image/png';
  }
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
    return 'image/webp';
  }
  if (ascii(0, 5) === '%PDF-') {
    return 'application/pdf';
  }
  return null;
}

/** An image (a photo); a PDF is not one. */
export function imageType(bytes: Uint8Array): Exclude<FileType, 'application/pdf'> | null {
  const type = fileType(bytes);
  return type === 'application/pdf' ? null : type;
}
