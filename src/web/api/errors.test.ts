import { describe, expect, it } from 'vitest';
import { errorText } from '../i18n/error-text.js';
import { ApiError, isNetworkError, toApiError } from './errors.js';

describe('toApiError', () => {
  it('keeps the server error shape', () => {
    const error = toApiError({
      status: 400,
      body: {
        code: 'VALIDATION',
        message: '姓名不能为空',
        details: { field: 'displayName' },
        requestId: 'r1',
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('VALIDATION');
    expect(error.requestId).toBe('r1');
    expect(error.fieldIssues).toEqual([{ field: 'displayName', message: '姓名不能为空' }]);
  });

  it('names a code from the status when the body is not the error shape (a proxy page)', () => {
    const error = toApiError({ status: 503, body: '<html>', requestId: 'from-header' });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('请求失败（HTTP 503）');
    expect(error.requestId).toBe('from-header');
  });

  it('makes no answer a NETWORK error with status 0', () => {
    const error = toApiError({ cause: new TypeError('Failed to fetch') });
    expect(error.status).toBe(0);
    expect(isNetworkError(error)).toBe(true);
  });

  it('reads schema validation issues as field messages', () => {
    const error = toApiError({
      status: 400,
      body: {
        code: 'VALIDATION',
        message: 'x',
        details: { issues: [{ field: 'phone', message: '格式不对' }] },
      },
    });
    expect(error.fieldIssues).toEqual([{ field: 'phone', message: '格式不对' }]);
  });
});

describe('errorText', () => {
  const conflict = toApiError({
    status: 409,
    body: { code: 'CONFLICT', message: '记录已被他人修改（版本 3）' },
  });
  it('shows the server’s own Chinese message in the Chinese UI', () => {
    expect(errorText(conflict, 'zh')).toBe('记录已被他人修改（版本 3）');
  });
  it('shows the code’s English message in the English UI', () => {
    expect(errorText(conflict, 'en')).toMatch(/Someone else changed this record/);
    expect(errorText(toApiError({ cause: new TypeError('x') }), 'en')).toMatch(/Cannot reach the server/);
  });
  it('gives the fallback for what is not an API error', () => {
    expect(errorText(new Error('bug'), 'zh', '加载失败')).toBe('加载失败');
  });
});
