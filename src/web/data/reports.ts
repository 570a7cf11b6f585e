/**
 * Reports (报表): the workbench dashboard, the monthly summary (月度小结), the self-check (一月一自查), the
 * verification samples (一月一核查), the quarterly ranking (一季一排序) with its weights and the quarterly
 * bulletins (一季一通报). Reports are read from facts recorded elsewhere; the writes here are the report's own
 * steps (refresh/close a month, sign a self-check, draw and record samples, save weights, draft/edit/issue a
 * bulletin), and each invalidates the report it changes (a closed month also moves the dashboard, so month
 * writes invalidate `reportKeys.all`).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';

export type Dashboard = ResponseOf<'/api/dashboard', 'get'>;
/** The figures of one region and month (counts and breakdowns by key), as every report carries them. */
export type Figures = Dashboard['total'];
export type MonthlySummary = ResponseOf<'/api/reports/monthly', 'get'>;
export type SelfCheck = ResponseOf<'/api/self-checks', 'get'>;
export type Sample = ResponseOf<'/api/verification-samples', 'get'>[number];
export type SampleRecord = BodyOf<'/api/verification-samples/{id}', 'patch'>;
export type Ranking = ResponseOf<'/api/rankings', 'get'>;
export type RankingRow = Ranking['rows'][number];
export type RankingWeights = BodyOf<'/api/rankings/weights', 'put'>;
export type Bulletin = ResponseOf<'/api/bulletins/{id}', 'get'>;
export type BulletinSection = Bulletin['sections'][number];
export type BulletinUpdate = BodyOf<'/api/bulletins/{id}', 'patch'>;

export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (regionCode: string | undefined) => ['reports', 'dashboard', regionCode ?? null] as const,
  monthly: (month: string) => ['reports', 'monthly', month] as const,
  selfCheck: (month: string) => ['reports', 'self-check', month] as const,
  samples: (month: string) => ['reports', 'samples', month] as const,
  ranking: (quarter: string) => ['reports', 'ranking', quarter] as const,
  bulletins: ['reports', 'bulletins'] as const,
  bulletin: (id: number) => ['reports', 'bulletin', id] as const,
};

export function useDashboard(regionCode: string | undefined) {
  return useQuery({
    queryKey: reportKeys.dashboard(regionCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/dashboard', { params: { query: { regionCode } }, signal })),
  });
}

// ---- 月度小结

export function useMonthlySummary(month: string) {
  return useQuery({
    queryKey: reportKeys.monthly(month),
    queryFn: ({ signal }) =>
      call(client.GET('/api/reports/monthly', { params: { query: { month } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The monthly summary as a workbook, opened by the browser itself (the cookie goes with it). */
export const monthlyXlsxUrl = (month: string) => apiUrl('/api/reports/monthly.xlsx', { month });

/** Refreshing or closing a month rewrites its figures, which the dashboard reads too. */
function useMonthWrite(write: (month: string) => Promise<MonthlySummary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (summary, month) => {
      queryClient.setQueryData(reportKeys.monthly(month), summary);
      return queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

export const useRefreshMonthly = () =>
  useMonthWrite((month) => call(client.POST('/api/reports/monthly/refresh', { body: { month } })));

export const useCloseMonthly = () =>
  useMonthWrite((month) => call(client.POST('/api/reports/monthly/close', { body: { month } })));

// ---- 一月一自查

export function useSelfCheck(month: string) {
  return useQuery({
    queryKey: reportKeys.selfCheck(month),
    queryFn: ({ signal }) => call(client.GET('/api/self-checks', { params: { query: { month } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSignSelfCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/self-checks', 'post'>) => call(client.POST('/api/self-checks', { body })),
    onSuccess: (selfCheck, body) => {
      queryClient.setQueryData(reportKeys.selfCheck(body.month), selfCheck);
      return queryClient.invalidateQueries({ queryKey: reportKeys.selfCheck(body.month) });
    },
  });
}

// ---- 一月一核查

export function useSamples(month: string) {
  return useQuery({
    queryKey: reportKeys.samples(month),
    queryFn: ({ signal }) =>
      call(client.GET('/api/verification-samples', { params: { query: { month } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useDrawSamples() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/verification-samples', 'post'>) =>
      call(client.POST('/api/verification-samples', { body })),
    onSuccess: (_drawn, body) => queryClient.invalidateQueries({ queryKey: reportKeys.samples(body.month) }),
  });
}

export function useRecordSample(month: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SampleRecord }) =>
      call(client.PATCH('/api/verification-samples/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.samples(month) }),
  });
}

// ---- 一季一排序

export function useRanking(quarter: string) {
  return useQuery({
    queryKey: reportKeys.ranking(quarter),
    queryFn: ({ signal }) => call(client.GET('/api/rankings', { params: { query: { quarter } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** New weights change every quarter's scores and order. */
export function useSaveRankingWeights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/rankings/weights', 'put'>) =>
      call(client.PUT('/api/rankings/weights', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'ranking'] }),
  });
}

// ---- 一季一通报

export function useBulletins() {
  return useQuery({
    queryKey: reportKeys.bulletins,
    queryFn: ({ signal }) => call(client.GET('/api/bulletins', { signal })),
  });
}

/** The current copy of one bulletin, read fresh (after a conflict, to show what the other person saved). */
export function useFetchBulletin() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: reportKeys.bulletin(id),
      queryFn: ({ signal }) => call(client.GET('/api/bulletins/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

export const bulletinDocxUrl = (id: number) => apiUrl(`/api/bulletins/${id}/docx`);

/** Every bulletin write answers with the bulletin: keep it as its copy and refresh the list. */
function useBulletinWrite<V>(write: (vars: V) => Promise<Bulletin>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (bulletin) => {
      queryClient.setQueryData(reportKeys.bulletin(bulletin.id), bulletin);
      return queryClient.invalidateQueries({ queryKey: reportKeys.bulletins });
    },
  });
}

export const useDraftBulletin = () =>
  useBulletinWrite((quarter: string) => call(client.POST('/api/bulletins', { body: { quarter } })));

export const useUpdateBulletin = () =>
  useBulletinWrite(({ id, body }: { id: number; body: BulletinUpdate }) =>
    call(client.PATCH('/api/bulletins/{id}', { params: { path: { id } }, body })),
  );

export const useIssueBulletin = () =>
  useBulletinWrite(({ id, version }: { id: number; version: number }) =>
    call(client.POST('/api/bulletins/{id}/issue', { params: { path: { id } }, body: { version } })),
  );
