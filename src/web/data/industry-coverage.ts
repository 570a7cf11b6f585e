/** Industry coverage (产业帮扶覆盖): the year's figures per region and the households still without help. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';

export type Coverage = ResponseOf<'/api/industry-coverage', 'get'>;
export type CoverageChild = Coverage['children'][number];
export type Uncovered = ResponseOf<'/api/industry-coverage/uncovered', 'get'>['items'][number];
export type UncoveredSearch = QueryOf<'/api/industry-coverage/uncovered', 'get'>;

export const coverageKeys = {
  all: ['industry-coverage'] as const,
  summary: (year: number, regionCode: string | undefined) =>
    ['industry-coverage', 'summary', year, regionCode ?? ''] as const,
  uncovered: (search: UncoveredSearch) => ['industry-coverage', 'uncovered', search] as const,
};

export function useCoverage(year: number, regionCode: string | undefined) {
  return useQuery({
    queryKey: coverageKeys.summary(year, regionCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/industry-coverage', { params: { query: { year, regionCode } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useUncovered(search: UncoveredSearch) {
  return useQuery({
    queryKey: coverageKeys.uncovered(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/industry-coverage/uncovered', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export const uncoveredListUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/industry-coverage/uncovered.xlsx', { year, regionCode });
