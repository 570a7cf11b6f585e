/**
 * Data quality (数据质量): the national checker's rules run over the user's scope, as a to-do list with a count
 * per rule. Read only: the issues go away when the household or case they point at is fixed.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';

export type QualityList = ResponseOf<'/api/quality', 'get'>;
export type QualityItem = QualityList['items'][number];
export type QualitySearch = QueryOf<'/api/quality', 'get'>;
export type QualityRule = NonNullable<QualitySearch['rule']>;

export const qualityKeys = {
  all: ['quality'] as const,
  list: (search: QualitySearch) => ['quality', 'list', search] as const,
};

export function useQualityIssues(search: QualitySearch) {
  return useQuery({
    queryKey: qualityKeys.list(search),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(client.GET('/api/quality', { params: { query: search }, signal })),
  });
}
