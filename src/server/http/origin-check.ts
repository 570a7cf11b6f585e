import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The content types an HTML form can send without script: no API route accepts them. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** The origin this request was sent to (behind a trusted proxy, the one the browser saw). */
const ownHost = (request: FastifyRequest) => hostOf(`${request.protocol}://${request.host}`);

/**
 * Same-site request forgery guard. SameSite=Lax cookies stop other sites, but not a page on the same site
 * (another port or subdomain) posting a form. So every state-changing /api request must come from the
 * app's own origin: `Sec-Fetch-Site` must say same-origin and `Origin`, when sent, must be this server
 * (or one listed in SHOUDI_ORIGINS, for a proxy that rewrites Host). Browsers send at least one of the two
 * on every POST; a request with neither is a script (curl, a department's upload job), which carries no
 * victim's cookie. Form content types are refused outright, so no route can be a form's target.
 */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowedHosts = new Set(allowedOrigins.map(hostOf).filter((h): h is string => h !== null));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) {
      return;
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new AppError('FORBIDDEN', '请求不是从本系统页面发出的，已拒绝', { reason: 'cross_origin' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const host = hostOf(origin);
      if (host === null || (host !== ownHost(request) && !allowedHosts.has(host))) {
        throw new AppError('FORBIDDEN', '请求不是从本系统页面发出的，已拒绝', { reason: 'cross_origin' });
      }
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (FORM_TYPES.includes(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持表单提交，请通过本系统页面操作', {
        reason: 'form_content_type',
      });
    }
  });
}
