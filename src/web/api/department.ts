// Department feeds, alerts and self-declaration: response shapes inferred from the server's zod schemas.
import type { z } from 'zod';
import type { ZFeedResult } from '../../server/schemas/department.schema.js';
import type { FeedType } from '../../shared/feed-types.js';
import { toApiError } from './errors.js';

export type FeedResult = z.infer<typeof ZFeedResult>;

/** Sends a file as the request body (the server detects its encoding), like the household import. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: file,
  });
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw toApiError({
      status: response.status,
      body: payload,
      requestId: response.headers.get('x-request-id'),
    });
  }
  return payload as T;
}

export const feedApi = {
  upload: (file: File, query: { feedType: FeedType; period: string; skipBadRows: boolean }) =>
    uploadFile<FeedResult>(
      `/feeds/upload?${new URLSearchParams({
        feedType: query.feedType,
        period: query.period,
        skipBadRows: String(query.skipBadRows),
        filename: file.name,
      })}`,
      file,
    ),
  problemsUrl: (id: number) => `/api/feeds/${id}/problems.csv`,
  templateUrl: (feedType: FeedType) => `/api/feeds/templates/${feedType}`,
};
