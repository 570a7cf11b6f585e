/**
 * Cases (监测对象认定与帮扶): the lists by group, the due/late summary per region, one case with its steps and
 * measures, and the helpers (帮扶责任人) who may be assigned. Every change of a case (classify, a workflow step,
 * elimination, the safety net, a measure) is a versioned save: the fresh case goes into its query, and the case
 * lists, the summary and the household's pages (its open case, its timeline) are invalidated too.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';
import { type ApiError, isConflict } from '../api/errors.js';
import { householdKeys } from './households.js';
import { useVersionedSave, type VersionedRecord } from './versioned-save.js';

export type CaseDetail = ResponseOf<'/api/cases/{id}', 'get'>;
export type CaseSearch = QueryOf<'/api/cases', 'get'>;
export type CaseGroup = NonNullable<CaseSearch['group']>;
export type CaseItem = ResponseOf<'/api/cases', 'get'>['items'][number];
export type CaseSummary = ResponseOf<'/api/cases/summary', 'get'>;
export type CaseSummaryRow = CaseSummary['total'];
export type HelperAssignBody = BodyOf<'/api/helper-assignments', 'post'>;
export type CaseRisk = CaseItem['risks'][number];
export type Criterion = NonNullable<CaseDetail['criteria']>['assisted'][number];
export type CaseHelper = CaseDetail['helpers'][number];
export type Measure = CaseDetail['measures'][number];
/** The bodies of the case's changes without `version`: the save adds the version the user saw. */
export type CaseClassifyBody = Omit<BodyOf<'/api/cases/{id}', 'patch'>, 'version'>;
export type CaseActionBody = Omit<BodyOf<'/api/cases/{id}/actions', 'post'>, 'version'>;
export type CaseEliminationBody = Omit<BodyOf<'/api/cases/{id}/elimination', 'post'>, 'version'>;
export type CaseSafetyNetBody = Omit<BodyOf<'/api/cases/{id}/safety-net', 'post'>, 'version'>;
export type MeasureBody = BodyOf<'/api/cases/{id}/measures', 'post'>;
/** A measure carries its own version (the one it was read with), not the case's. */
export type MeasureUpdateBody = Omit<BodyOf<'/api/measures/{id}', 'patch'>, 'version'>;

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
 * `save(action)` for one case: the action gets the version the user saw; gives the fresh case, or null after a
 * stale version (told to the user, the case reloaded). Measure routes answer with the measure alone: then the
 * case is read afresh.
 */
function useSaveCase(id: number, affects: VersionedRecord<CaseDetail>['affects']) {
  return useVersionedSave<CaseDetail>({
    queryKey: caseKeys.detail(id),
    versionOf: (detail) => detail.version,
    recordOf: (answer) => (isCaseDetail(answer, id) ? answer : null),
    affects: [caseKeys.lists, caseKeys.summaries, ...affects],
    isStale: isStaleVersion,
  });
}

/** A step of the case changes the household's open case, its type in the lists and its timeline. */
const useSaveCaseStep = (id: number) => useSaveCase(id, [householdKeys.all]);

/** 分类与风险: the category and the risk types. */
export function useClassifyCase(id: number) {
  const save = useSaveCaseStep(id);
  return (body: CaseClassifyBody) =>
    save((version) =>
      call(client.PATCH('/api/cases/{id}', { params: { path: { id } }, body: { version, ...body } })),
    );
}

/** 提交 / 退回 / 不予认定: one step of the procedure. */
export function useCaseAction(id: number) {
  const save = useSaveCaseStep(id);
  return (body: CaseActionBody) =>
    save((version) =>
      call(client.POST('/api/cases/{id}/actions', { params: { path: { id } }, body: { version, ...body } })),
    );
}

/** 申请风险消除 (assisted or natural). */
export function useRequestElimination(id: number) {
  const save = useSaveCaseStep(id);
  return (body: CaseEliminationBody) =>
    save((version) =>
      call(
        client.POST('/api/cases/{id}/elimination', { params: { path: { id } }, body: { version, ...body } }),
      ),
    );
}

/** 纳入兜底保障. */
export function useMarkSafetyNet(id: number) {
  const save = useSaveCaseStep(id);
  return (body: CaseSafetyNetBody) =>
    save((version) =>
      call(
        client.POST('/api/cases/{id}/safety-net', { params: { path: { id } }, body: { version, ...body } }),
      ),
    );
}

/** A measure shows on the case (its list, the measure rule) and on the household's page and timeline. */
const useSaveMeasure = (c: Pick<CaseDetail, 'id' | 'householdId'>) =>
  useSaveCase(c.id, [householdKeys.detail(c.householdId), householdKeys.timeline(c.householdId)]);

export function useAddMeasure(c: Pick<CaseDetail, 'id' | 'householdId'>) {
  const save = useSaveMeasure(c);
  return (body: MeasureBody) =>
    save(() => call(client.POST('/api/cases/{id}/measures', { params: { path: { id: c.id } }, body })));
}

export function useUpdateMeasure(c: Pick<CaseDetail, 'id' | 'householdId'>) {
  const save = useSaveMeasure(c);
  return (measure: Pick<Measure, 'id' | 'version'>, body: MeasureUpdateBody) =>
    save(() =>
      call(
        client.PATCH('/api/measures/{id}', {
          params: { path: { id: measure.id } },
          body: { version: measure.version, ...body },
        }),
      ),
    );
}

export function useRemoveMeasure(c: Pick<CaseDetail, 'id' | 'householdId'>) {
  const save = useSaveMeasure(c);
  return (measure: Pick<Measure, 'id' | 'version'>) =>
    save(() =>
      call(
        client.DELETE('/api/measures/{id}', {
          params: { path: { id: measure.id }, query: { version: measure.version } },
        }),
      ),
    );
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
