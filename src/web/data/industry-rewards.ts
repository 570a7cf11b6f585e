/** Industry rewards (产业奖补): the county's schemes of a year, the households' claims, and every step on them. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Scheme = ResponseOf<'/api/industry-schemes', 'get'>['items'][number];
export type Claim = ResponseOf<'/api/industry-claims', 'get'>['items'][number];
export type ClaimDetail = ResponseOf<'/api/industry-claims/{id}', 'get'>;
export type ClaimSearch = QueryOf<'/api/industry-claims', 'get'>;
export type SchemeBody = BodyOf<'/api/industry-schemes', 'post'>;
export type SchemeUpdateBody = BodyOf<'/api/industry-schemes/{id}', 'patch'>;
export type ClaimBody = BodyOf<'/api/industry-claims', 'post'>;
export type ClaimUpdateBody = BodyOf<'/api/industry-claims/{id}', 'patch'>;
export type ClaimActBody = BodyOf<'/api/industry-claims/actions', 'post'>;
export type ClaimNoticeBody = BodyOf<'/api/industry-claims/notices', 'post'>;
export type NoticeObjectionsBody = BodyOf<'/api/industry-claims/notices/{id}/objections', 'put'>;

export const industryKeys = {
  all: ['industry'] as const,
  schemes: (year: number) => ['industry', 'schemes', year] as const,
  claims: ['industry', 'claims'] as const,
  claimList: (search: ClaimSearch) => ['industry', 'claims', 'list', search] as const,
  claim: (id: number) => ['industry', 'claims', 'detail', id] as const,
};

export function useSchemes(year: number) {
  return useQuery({
    queryKey: industryKeys.schemes(year),
    queryFn: ({ signal }) =>
      call(client.GET('/api/industry-schemes', { params: { query: { year } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useClaims(search: ClaimSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: industryKeys.claimList(search),
    queryFn: ({ signal }) => call(client.GET('/api/industry-claims', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useClaim(id: number | null) {
  return useQuery({
    queryKey: industryKeys.claim(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/industry-claims/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

/** Every write changes the schemes' counts or the claims' stages: the whole feature's queries refresh. */
function useIndustryWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: industryKeys.all }),
  });
}

export const useCreateScheme = () =>
  useIndustryWrite((body: SchemeBody) => call(client.POST('/api/industry-schemes', { body })));

export const useUpdateScheme = () =>
  useIndustryWrite(({ id, body }: { id: number; body: SchemeUpdateBody }) =>
    call(client.PATCH('/api/industry-schemes/{id}', { params: { path: { id } }, body })),
  );

export const useDeclareClaim = () =>
  useIndustryWrite((body: ClaimBody) => call(client.POST('/api/industry-claims', { body })));

export const useEditClaim = () =>
  useIndustryWrite(({ id, body }: { id: number; body: ClaimUpdateBody }) =>
    call(client.PATCH('/api/industry-claims/{id}', { params: { path: { id } }, body })),
  );

export const useActOnClaims = () =>
  useIndustryWrite((body: ClaimActBody) => call(client.POST('/api/industry-claims/actions', { body })));

export const usePostClaimNotice = () =>
  useIndustryWrite((body: ClaimNoticeBody) => call(client.POST('/api/industry-claims/notices', { body })));

export const useRecordObjections = () =>
  useIndustryWrite(({ id, body }: { id: number; body: NoticeObjectionsBody }) =>
    call(client.PUT('/api/industry-claims/notices/{id}/objections', { params: { path: { id } }, body })),
  );

/** Refreshes the claims after a 409, so the next try carries the versions as they now are. */
export function useRefreshClaims() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: industryKeys.claims });
}

export const industryLedgerUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/industry-claims/ledger.xlsx', { year, regionCode });

export const industryPaymentListUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/industry-claims/payment-list.xlsx', { year, regionCode });

/** The schemes of a year read fresh (after a conflict, to show what the other person saved). */
export function useFetchSchemes() {
  const queryClient = useQueryClient();
  return (year: number) =>
    queryClient.fetchQuery({
      queryKey: industryKeys.schemes(year),
      queryFn: ({ signal }) =>
        call(client.GET('/api/industry-schemes', { params: { query: { year } }, signal })),
      staleTime: 0,
    });
}

/** One claim read fresh (after a conflict). */
export function useFetchClaim() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: industryKeys.claim(id),
      queryFn: ({ signal }) =>
        call(client.GET('/api/industry-claims/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}
