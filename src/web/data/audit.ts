/**
 * The audit trail (系统管理 › 审计日志): entries in the caller's region, newest first, filtered by who, what,
 * which record, where and when, and the list of actions recorded so far (the action filter's choices).
 * Nothing here writes: entries are written by the server with every change.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';

export type AuditList = ResponseOf<'/api/audit', 'get'>;
export type AuditEntry = AuditList['items'][number];
export type AuditSearch = QueryOf<'/api/audit', 'get'>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (search: AuditSearch) => ['audit', 'list', search] as const,
  actions: ['audit', 'actions'] as const,
};

export function useAuditEntries(search: AuditSearch) {
  return useQuery({
    queryKey: auditKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/audit', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: auditKeys.actions,
    queryFn: ({ signal }) => call(client.GET('/api/audit/actions', { signal })),
  });
}
