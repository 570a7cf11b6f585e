/**
 * Households (户档案): the search, one household with its members, income and judgements, and what hangs off it
 * (its history, timeline and visits). A change to the household goes through `useSaveHousehold` (versioned):
 * it refreshes the record and invalidates the lists, timeline and history it changes.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';
import { useVersionedSave } from './versioned-save.js';

export type HouseholdDetail = ResponseOf<'/api/households/{id}', 'get'>;
export type HouseholdSearch = QueryOf<'/api/households', 'get'>;
export type HouseholdListItem = ResponseOf<'/api/households', 'get'>['items'][number];
export type HistoryEntry = ResponseOf<'/api/households/{id}/history', 'get'>[number];
export type TimelineEvent = ResponseOf<'/api/households/{id}/timeline', 'get'>[number];
export type HouseholdVisit = ResponseOf<'/api/households/{id}/visits', 'get'>[number];

export const householdKeys = {
  all: ['households'] as const,
  lists: ['households', 'list'] as const,
  list: (search: HouseholdSearch) => ['households', 'list', search] as const,
  detail: (id: number) => ['households', 'detail', id] as const,
  history: (id: number) => ['households', 'history', id] as const,
  timeline: (id: number) => ['households', 'timeline', id] as const,
  visits: (id: number) => ['households', 'visits', id] as const,
};

export function useHouseholds(search: HouseholdSearch) {
  return useQuery({
    queryKey: householdKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/households', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One household; `enabled: false` waits (a dialog before a household is chosen). */
export function useHousehold(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => call(client.GET('/api/households/{id}', { params: { path: { id } }, signal })),
    enabled: options.enabled ?? true,
  });
}

export function useHouseholdHistory(id: number) {
  return useQuery({
    queryKey: householdKeys.history(id),
    queryFn: ({ signal }) =>
      call(client.GET('/api/households/{id}/history', { params: { path: { id } }, signal })),
  });
}

export function useHouseholdTimeline(id: number) {
  return useQuery({
    queryKey: householdKeys.timeline(id),
    queryFn: ({ signal }) =>
      call(client.GET('/api/households/{id}/timeline', { params: { path: { id } }, signal })),
  });
}

export function useHouseholdVisits(id: number) {
  return useQuery({
    queryKey: householdKeys.visits(id),
    queryFn: ({ signal }) =>
      call(client.GET('/api/households/{id}/visits', { params: { path: { id } }, signal })),
  });
}

/**
 * The screening rules in force, for the near-the-line margin on the household summary. Only asked for when the
 * user may read them (`enabled`). The screening group's own hooks will replace this one at merge.
 */
export function useScreeningRulesForSummary(enabled: boolean) {
  return useQuery({
    queryKey: ['screening', 'rules'] as const,
    queryFn: ({ signal }) => call(client.GET('/api/screening/rules', { signal })),
    enabled,
  });
}

const isHouseholdDetail = (answer: unknown): answer is HouseholdDetail =>
  typeof answer === 'object' && answer !== null && 'household' in answer && 'members' in answer;

/**
 * `save(action)` for the household tabs: the action gets the version the user saw and answers with the fresh
 * household. A change shows in the household's lists, timeline and history too.
 */
export function useSaveHousehold(id: number) {
  return useVersionedSave<HouseholdDetail>({
    queryKey: householdKeys.detail(id),
    versionOf: (detail) => detail.household.version,
    recordOf: (answer) => (isHouseholdDetail(answer) ? answer : null),
    affects: [householdKeys.lists, householdKeys.timeline(id), householdKeys.history(id)],
  });
}
