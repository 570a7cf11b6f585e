/**
 * Department alerts (预警中心): what the departments' feeds raised against monitored households, closed by staff
 * after a home check; the rules that raise them; and how fast each town closes them (处置时效).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type AlertList = ResponseOf<'/api/alerts', 'get'>;
export type AlertItem = AlertList['items'][number];
export type AlertSearch = QueryOf<'/api/alerts', 'get'>;
export type AlertCloseBody = BodyOf<'/api/alerts/{id}/close', 'post'>;
export type AlertRule = ResponseOf<'/api/alert-rules', 'get'>[number];
export type AlertRuleBody = BodyOf<'/api/alert-rules/{code}', 'put'>;
export type Timeliness = ResponseOf<'/api/alerts/timeliness', 'get'>;

export const alertKeys = {
  all: ['alerts'] as const,
  list: (search: AlertSearch) => ['alerts', 'list', search] as const,
  timeliness: ['alerts', 'timeliness'] as const,
  rules: ['alerts', 'rules'] as const,
};

export function useAlerts(search: AlertSearch) {
  return useQuery({
    queryKey: alertKeys.list(search),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(client.GET('/api/alerts', { params: { query: search }, signal })),
  });
}

/**
 * Closing an alert changes the timeliness table, the feed's feedback (反馈) and, when the household is included,
 * its leads and household page.
 */
export function useCloseAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AlertCloseBody }) =>
      call(client.POST('/api/alerts/{id}/close', { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all(
        [alertKeys.all, ['feeds'], ['leads'], ['households']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useAlertTimeliness() {
  return useQuery({
    queryKey: alertKeys.timeliness,
    queryFn: ({ signal }) => call(client.GET('/api/alerts/timeliness', { signal })),
  });
}

export function useAlertRules() {
  return useQuery({
    queryKey: alertKeys.rules,
    queryFn: ({ signal }) => call(client.GET('/api/alert-rules', { signal })),
  });
}

export function useUpdateAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: AlertRule['code']; body: AlertRuleBody }) =>
      call(client.PUT('/api/alert-rules/{code}', { params: { path: { code } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.rules }),
  });
}
