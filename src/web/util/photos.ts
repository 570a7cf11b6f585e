/** Photos and scanned forms for upload: images shrunk in the browser, since village uplinks are slow. */

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTO_EDGE = 1600;
const JPEG_QUALITY = 0.8;

export type UploadMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
const ACCEPTED: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export interface PreparedFile {
  filename: string;
  mimeType: UploadMime;
  blob: Blob;
}

export const isAcceptedType = (type: string): type is UploadMime => ACCEPTED.includes(type);

/** The size an image is drawn at: the longer edge at most `maxEdge`, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge = MAX_PHOTO_EDGE) {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Redraws an image as a JPEG of at most MAX_PHOTO_EDGE pixels (phone photos are 4000 px and 5 MB or more).
 * PDFs pass through. An image the browser cannot decode (HEIC on some browsers) is returned as it is when its
 * type is accepted, and refused otherwise (null).
 */
export async function prepareUpload(file: File): Promise<PreparedFile | null> {
  if (file.type === 'application/pdf') {
    return { filename: file.name, mimeType: 'application/pdf', blob: file };
  }
  const original = isAcceptedType(file.type)
    ? { filename: file.name, mimeType: file.type, blob: file }
    : null;
  if (!file.type.startsWith('image/')) {
    return original;
  }
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) {
      return original;
    }
    // JPEG has no transparency: a white page under a PNG scan, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
    );
    if (!blob || (original && blob.size >= file.size)) {
      return original;
    }
    return { filename: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, mimeType: 'image/jpeg', blob };
  } catch {
    return original;
  }
}

/** Base64 of a blob, without the `data:` prefix. */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
