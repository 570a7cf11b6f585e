/** Courtyard economy demo villages and households (庭院经济示范): criteria, records, steps and the county check. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type CourtyardCriteria = ResponseOf<'/api/courtyard/criteria', 'get'>;
export type CourtyardVillage = ResponseOf<'/api/courtyard/villages', 'get'>['items'][number];
export type CourtyardHousehold = ResponseOf<'/api/courtyard/households', 'get'>['items'][number];
export type CourtyardProgress = ResponseOf<'/api/courtyard/progress', 'get'>;
export type CourtyardSearch = QueryOf<'/api/courtyard/villages', 'get'>;
export type CourtyardCriteriaBody = BodyOf<'/api/courtyard/criteria', 'put'>;
export type CourtyardNominateBody = BodyOf<'/api/courtyard/nominations', 'post'>;
export type CourtyardActBody = BodyOf<'/api/courtyard/act', 'post'>;
export type CourtyardRecord = ResponseOf<'/api/courtyard/{kind}/{id}', 'get'>;
export type CourtyardObjectionsBody = BodyOf<'/api/courtyard/notices/{id}/objections', 'put'>;

export const courtyardKeys = {
  all: ['courtyard'] as const,
  criteria: (year: number, countyCode?: string) => ['courtyard', 'criteria', year, countyCode ?? ''] as const,
  villages: (s: CourtyardSearch) => ['courtyard', 'villages', s] as const,
  households: (s: CourtyardSearch) => ['courtyard', 'households', s] as const,
  progress: (year: number) => ['courtyard', 'progress', year] as const,
  record: (kind: 'village' | 'household', id: number) => ['courtyard', 'record', kind, id] as const,
};

export function useCourtyardCriteria(year: number, countyCode?: string, enabled = true) {
  return useQuery({
    queryKey: courtyardKeys.criteria(year, countyCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/courtyard/criteria', { params: { query: { year, countyCode } }, signal })),
    enabled,
  });
}

export function useCourtyardVillages(search: CourtyardSearch) {
  return useQuery({
    queryKey: courtyardKeys.villages(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/courtyard/villages', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCourtyardHouseholds(search: CourtyardSearch) {
  return useQuery({
    queryKey: courtyardKeys.households(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/courtyard/households', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCourtyardProgress(year: number) {
  return useQuery({
    queryKey: courtyardKeys.progress(year),
    queryFn: ({ signal }) =>
      call(client.GET('/api/courtyard/progress', { params: { query: { year } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCourtyardRecord(kind: 'village' | 'household', id: number | null) {
  return useQuery({
    queryKey: courtyardKeys.record(kind, id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/courtyard/{kind}/{id}', { params: { path: { kind, id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

/** Every write changes stages and counts: the whole feature's queries refresh (also after a 409). */
function useCourtyardWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => queryClient.invalidateQueries({ queryKey: courtyardKeys.all }),
  });
}

export const useSaveCourtyardCriteria = () =>
  useCourtyardWrite((body: CourtyardCriteriaBody) => call(client.PUT('/api/courtyard/criteria', { body })));

export const useNominateCourtyard = () =>
  useCourtyardWrite((body: CourtyardNominateBody) =>
    call(client.POST('/api/courtyard/nominations', { body })),
  );

export const useActOnCourtyard = () =>
  useCourtyardWrite((body: CourtyardActBody) => call(client.POST('/api/courtyard/act', { body })));

export const useRecordCourtyardObjections = () =>
  useCourtyardWrite(({ id, body }: { id: number; body: CourtyardObjectionsBody }) =>
    call(client.PUT('/api/courtyard/notices/{id}/objections', { params: { path: { id } }, body })),
  );

export const courtyardLedgerUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/courtyard/ledger.xlsx', { year, regionCode });
