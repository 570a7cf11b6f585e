import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';

/**
 * Sets the headers of a file answer: its type and a Content-Disposition that carries a Chinese file name
 * (RFC 6266: an ASCII `filename` fallback and the UTF-8 `filename*`). `inline` shows it in the browser
 * (photos, the QR poster); otherwise the browser saves it.
 */
export function download(
  reply: FastifyReply,
  filename: string,
  contentType: string,
  options: { inline?: boolean } = {},
): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      contentDisposition(filename, { type: options.inline ? 'inline' : 'attachment' }),
    );
}
