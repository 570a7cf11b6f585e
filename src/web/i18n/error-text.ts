import { ApiError, type WebErrorCode } from '../api/errors.js';
import { type Lang, useI18n } from './I18nProvider.js';

/**
 * What each error code means, in the user's language. The server's own message is already Chinese and more
 * precise (it names the field or the rule), so the Chinese UI shows it; the English UI shows these.
 */
export const ERROR_TEXT: Record<WebErrorCode, { zh: string; en: string }> = {
  VALIDATION: { zh: '填写的内容有误', en: 'Some of the input is not valid.' },
  UNAUTHENTICATED: { zh: '请重新登录', en: 'Please log in again.' },
  FORBIDDEN: { zh: '没有权限', en: 'You do not have permission to do this.' },
  NOT_FOUND: { zh: '记录不存在或不在您的管辖范围内', en: 'Not found, or outside your area.' },
  CONFLICT: {
    zh: '记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record first. Reload and try again.',
  },
  PAYLOAD_TOO_LARGE: { zh: '文件太大', en: 'The file is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的文件类型', en: 'This file type is not supported.' },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '同一个幂等键已用于不同的内容',
    en: 'This idempotency key was already used for different content.',
  },
  RATE_LIMITED: { zh: '操作太频繁，请稍后再试', en: 'Too many attempts. Please wait and try again.' },
  INTERNAL: { zh: '服务器出错，请稍后再试', en: 'Server error. Please try again later.' },
  UNAVAILABLE: { zh: '服务暂不可用，请稍后再试', en: 'The service is unavailable. Please try again later.' },
  NETWORK: { zh: '无法连接服务器，请检查网络', en: 'Cannot reach the server. Check the network.' },
};

/** The one message for any error, in `lang`; `fallback` for what is not an API error (a bug, not an answer). */
export function errorText(error: unknown, lang: Lang, fallback?: string): string {
  if (!(error instanceof ApiError)) {
    return fallback ?? ERROR_TEXT.INTERNAL[lang];
  }
  if (lang === 'zh' && error.code !== 'NETWORK' && error.message) {
    return error.message;
  }
  return ERROR_TEXT[error.code][lang];
}

/** `errorText` in the current language. */
export function useErrorText(): (error: unknown, fallback?: string) => string {
  const { lang } = useI18n();
  return (error, fallback) => errorText(error, lang, fallback);
}
