// Department feeds, alerts and self-declaration: response shapes inferred from the server's zod schemas.
import type { z } from 'zod';
import type {
  ZAlert,
  ZAlertClose,
  ZAlertClosed,
  ZAlertList,
  ZAlertRule,
  ZAlertRuleInput,
  ZDeclaration,
  ZDeclarationInput,
  ZDeclarationList,
  ZDeclarationReceipt,
  ZDeclarationSettled,
  ZDeclarationStatus,
  ZFeed,
  ZFeedback,
  ZFeedList,
  ZFeedResult,
  ZLeadRaised,
  ZLeadRegister,
  ZTimeliness,
  ZVillageInfo,
} from '../../server/schemas/department.schema.js';
import type { FeedType } from '../../shared/feed-types.js';
import { ApiError, api } from './client.js';

export type Feed = z.infer<typeof ZFeed>;
export type FeedList = z.infer<typeof ZFeedList>;
export type FeedResult = z.infer<typeof ZFeedResult>;
export type Feedback = z.infer<typeof ZFeedback>;
export type AlertRule = z.infer<typeof ZAlertRule>;
export type AlertRuleInput = z.infer<typeof ZAlertRuleInput>;
export type AlertItem = z.infer<typeof ZAlert>;
export type AlertList = z.infer<typeof ZAlertList>;
export type AlertClose = z.input<typeof ZAlertClose>;
export type AlertClosed = z.infer<typeof ZAlertClosed>;
export type Timeliness = z.infer<typeof ZTimeliness>;
export type Declaration = z.infer<typeof ZDeclaration>;
export type DeclarationList = z.infer<typeof ZDeclarationList>;
export type DeclarationInput = z.input<typeof ZDeclarationInput>;
export type DeclarationReceipt = z.infer<typeof ZDeclarationReceipt>;
export type DeclarationStatus = z.infer<typeof ZDeclarationStatus>;
export type DeclarationSettled = z.infer<typeof ZDeclarationSettled>;
export type VillageInfo = z.infer<typeof ZVillageInfo>;
export type LeadRegister = z.input<typeof ZLeadRegister>;
export type LeadRaised = z.infer<typeof ZLeadRaised>;

/** Sends a file as the request body (the server detects its encoding), like the household import. */
async function uploadFile<T>(path: string, file: File): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: file,
  });
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof payload?.code === 'string' ? payload.code : 'INTERNAL',
      typeof payload?.message === 'string' ? payload.message : `请求失败（HTTP ${response.status}）`,
      payload?.details,
      typeof payload?.requestId === 'string' ? payload.requestId : null,
    );
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
  list: (page: number, pageSize: number) => api.get<FeedList>('/feeds', { query: { page, pageSize } }),
  get: (id: number) => api.get<Feed>(`/feeds/${id}`),
  feedback: (id: number, page: number, pageSize: number) =>
    api.get<Feedback>(`/feeds/${id}/feedback`, { query: { page, pageSize } }),
  problemsUrl: (id: number) => `/api/feeds/${id}/problems.csv`,
  templateUrl: (feedType: FeedType) => `/api/feeds/templates/${feedType}`,
  departmentListUrl: (department: string) =>
    `/api/department-lists?department=${encodeURIComponent(department)}`,
};

export const alertApi = {
  list: (query: { status?: string | undefined; overdue?: boolean; page: number; pageSize: number }) =>
    api.get<AlertList>('/alerts', { query }),
  close: (id: number, body: AlertClose) => api.post<AlertClosed>(`/alerts/${id}/close`, body),
  timeliness: () => api.get<Timeliness>('/alerts/timeliness'),
  rules: () => api.get<AlertRule[]>('/alert-rules'),
  updateRule: (code: string, body: AlertRuleInput) => api.put<AlertRule>(`/alert-rules/${code}`, body),
  registerLead: (body: LeadRegister) => api.post<LeadRaised>('/leads/register', body),
};

export const declarationApi = {
  list: (query: { status?: string | undefined; page: number; pageSize: number }) =>
    api.get<DeclarationList>('/declarations', { query }),
  link: (id: number, body: { householdId: number; version: number }) =>
    api.post<DeclarationSettled>(`/declarations/${id}/link`, body),
  close: (id: number, body: { reason: string; version: number }) =>
    api.post<DeclarationSettled>(`/declarations/${id}/close`, body),
  photoUrl: (id: number) => `/api/declarations/${id}/photo`,
  qrUrl: (code: string) => `/api/declarations/qr/${code}`,
  // The public page: no session.
  village: (code: string) => api.get<VillageInfo>(`/public/declare/${code}`),
  declare: (code: string, body: DeclarationInput) =>
    api.post<DeclarationReceipt>(`/public/declare/${code}`, body),
  status: (reference: string, phone: string) =>
    api.post<DeclarationStatus>('/public/declarations/status', { reference, phone }),
};
