/** Farmer linkage (联农带农): agreements by year, one agreement with its households and payments, and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Linkage = ResponseOf<'/api/linkages', 'get'>['items'][number];
export type LinkageDetail = ResponseOf<'/api/linkages/{id}', 'get'>;
export type LinkageSearch = QueryOf<'/api/linkages', 'get'>;
export type CreateLinkageBody = BodyOf<'/api/linkages', 'post'>;
export type UpdateLinkageBody = BodyOf<'/api/linkages/{id}', 'patch'>;
export type BenefitBody = BodyOf<'/api/linkages/{id}/benefits', 'post'>;

export const linkageKeys = {
  all: ['linkages'] as const,
  list: (search: LinkageSearch) => ['linkages', 'list', search] as const,
  detail: (id: number, year: number) => ['linkages', 'detail', id, year] as const,
};

export function useLinkages(search: LinkageSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: linkageKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/linkages', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useLinkage(id: number | null, year: number) {
  return useQuery({
    queryKey: linkageKeys.detail(id ?? 0, year),
    queryFn: ({ signal }) =>
      call(client.GET('/api/linkages/{id}', { params: { path: { id: id ?? 0 }, query: { year } }, signal })),
    enabled: id !== null,
  });
}

/** Every write answers with the agreement as it now is: it replaces the open drawer's copy and the lists refresh. */
function useLinkageWrite<A>(write: (args: A) => Promise<LinkageDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      queryClient.setQueryData(linkageKeys.detail(detail.id, detail.year), detail);
      return queryClient.invalidateQueries({ queryKey: linkageKeys.all });
    },
  });
}

export const useCreateLinkage = () =>
  useLinkageWrite((body: CreateLinkageBody) => call(client.POST('/api/linkages', { body })));

export const useUpdateLinkage = () =>
  useLinkageWrite(({ id, body }: { id: number; body: UpdateLinkageBody }) =>
    call(client.PATCH('/api/linkages/{id}', { params: { path: { id } }, body })),
  );

export const useLinkHousehold = () =>
  useLinkageWrite(({ id, householdId, year }: { id: number; householdId: number; year: number }) =>
    call(
      client.POST('/api/linkages/{id}/households', { params: { path: { id } }, body: { householdId, year } }),
    ),
  );

export const useUnlinkHousehold = () =>
  useLinkageWrite(({ id, householdId, year }: { id: number; householdId: number; year: number }) =>
    call(
      client.DELETE('/api/linkages/{id}/households/{householdId}', {
        params: { path: { id, householdId }, query: { year } },
      }),
    ),
  );

export const useAddBenefit = () =>
  useLinkageWrite(({ id, body }: { id: number; body: BenefitBody }) =>
    call(client.POST('/api/linkages/{id}/benefits', { params: { path: { id } }, body })),
  );

export const linkageLedgerUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/linkages/ledger.xlsx', { year, regionCode });

/** The current copy of one agreement, read fresh (after a conflict, to show what the other person saved). */
export function useFetchLinkage() {
  const queryClient = useQueryClient();
  return (id: number, year: number) =>
    queryClient.fetchQuery({
      queryKey: linkageKeys.detail(id, year),
      queryFn: ({ signal }) =>
        call(client.GET('/api/linkages/{id}', { params: { path: { id }, query: { year } }, signal })),
      staleTime: 0,
    });
}
