/**
 * Cases (监测对象认定与帮扶): the lists by group, the due/late summary per region, one case with its steps and
 * measures, and the helpers (帮扶责任人) who may be assigned. A step or a measure goes through `useSaveCase`
 * (versioned); it changes the case lists and summary and the household's page (its timeline, its open case),
 * so those are invalidated too.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';
import { type ApiError, isConflict } from '../api/errors.js';
import { useVersionedSave } from './versioned-save.js';

export type CaseDetail = ResponseOf<'/api/cases/{id}', 'get'>;
export type CaseSearch = QueryOf<'/api/cases', 'get'>;
export type CaseGroup = NonNullable<CaseSearch['group']>;
export type CaseItem = ResponseOf<'/api/cases', 'get'>['items'][number];
export type CaseSummary = ResponseOf<'/api/cases/summary', 'get'>;
export type CaseSummaryRow = CaseSummary['total'];
export type HelperAssignBody = BodyOf<'/api/helper-assignments', 'post'>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (search: CaseSearch) => ['cases', 'list', search] as const,
  summaries: ['cases', 'summary'] as const,
  summary: (regionCode: string | undefined) => ['cases', 'summary', regionCode ?? null] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  helpers: (regionCode: string | undefined) => ['cases', 'helpers', regionCode ?? null] as const,
};

export function useCases(search: CaseSearch) {
  return useQuery({
    queryKey: caseKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/cases', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCaseSummary(regionCode: string | undefined) {
  return useQuery({
    queryKey: caseKeys.summary(regionCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/cases/summary', { params: { query: { regionCode } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => call(client.GET('/api/cases/{id}', { params: { path: { id } }, signal })),
  });
}

/** The helpers who may be assigned in a region; asked for only while the dialog is open. */
export function useHelpers(regionCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.helpers(regionCode),
    queryFn: ({ signal }) => call(client.GET('/api/helpers', { params: { query: { regionCode } }, signal })),
    enabled,
  });
}

/** 落实帮扶责任人: the cases' helper names, the helpers' counts and the households' pages change. */
export function useAssignHelper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HelperAssignBody) => call(client.POST('/api/helper-assignments', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['households'] }),
      ]),
  });
}

/**
 * A 409 from a stale version (someone saved first), as opposed to a workflow refusal (e.g. the public notice
 * has not ended), which the server also sends as 409 but with the case's stage in `details`.
 */
export function isStaleVersion(error: unknown): error is ApiError {
  if (!isConflict(error)) {
    return false;
  }
  const details = error.details;
  return !(typeof details === 'object' && details !== null && 'stage' in details);
}

const isCaseDetail = (answer: unknown, id: number): answer is CaseDetail =>
  typeof answer === 'object' &&
  answer !== null &&
  'allowedActions' in answer &&
  'steps' in answer &&
  (answer as { id?: unknown }).id === id;

/**
 * `save(action)` for the case page: the action gets the version the user saw. Measure routes may answer with
 * the measure alone: then the case is read afresh.
 */
export function useSaveCase(id: number) {
  return useVersionedSave<CaseDetail>({
    queryKey: caseKeys.detail(id),
    versionOf: (detail) => detail.version,
    recordOf: (answer) => (isCaseDetail(answer, id) ? answer : null),
    affects: [caseKeys.lists, caseKeys.summaries, ['households']],
    isStale: isStaleVersion,
  });
}

/**
 * One region (its parent, for 上一级 on the summary); asked for only when a region is chosen. The regions
 * group's own hook replaces this one at merge (same key).
 */
export function useRegionDetail(code: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'detail', code ?? null] as const,
    queryFn: ({ signal }) =>
      call(client.GET('/api/regions/{code}', { params: { path: { code: code ?? '' } }, signal })),
    enabled: code !== undefined,
  });
}
