/**
 * Households (户档案): the search, one household with its members, income and judgements, and what hangs off it
 * (its history, timeline and visits). A change to the household goes through `useSaveHousehold` (versioned):
 * it refreshes the record and invalidates the lists, timeline and history it changes. `useHouseholdChanges`
 * gives the tabs each change (basic facts, members, head, split, income) on that one save.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';
import { auditKeys } from './audit.js';
import { caseKeys } from './cases.js';
import { leadKeys } from './leads.js';
import { useVersionedSave } from './versioned-save.js';

export type HouseholdDetail = ResponseOf<'/api/households/{id}', 'get'>;
export type HouseholdSearch = QueryOf<'/api/households', 'get'>;
export type HouseholdListItem = ResponseOf<'/api/households', 'get'>['items'][number];
export type HistoryEntry = ResponseOf<'/api/households/{id}/history', 'get'>[number];
export type TimelineEvent = ResponseOf<'/api/households/{id}/timeline', 'get'>[number];
export type HouseholdVisit = ResponseOf<'/api/households/{id}/visits', 'get'>[number];
export type Household = HouseholdDetail['household'];
export type Member = HouseholdDetail['members'][number];
export type IncomeItem = HouseholdDetail['incomeItems'][number];
/** A guarantee's judgement (ok, problem, unknown). */
export type Judgement = HouseholdDetail['guarantees']['water'];
export type CreateHouseholdBody = BodyOf<'/api/households', 'post'>;
/** The bodies of the versioned changes, without the version (`useHouseholdChanges` adds the one the user saw). */
type Unversioned<B> = Omit<B, 'version'>;
export type UpdateHouseholdBody = Unversioned<BodyOf<'/api/households/{id}', 'patch'>>;
export type AddMemberBody = Unversioned<BodyOf<'/api/households/{id}/members', 'post'>>;
export type UpdateMemberBody = Unversioned<BodyOf<'/api/households/{id}/members/{personId}', 'patch'>>;
export type RemoveMemberBody = Unversioned<BodyOf<'/api/households/{id}/members/{personId}/remove', 'post'>>;
export type ChangeHeadBody = Unversioned<BodyOf<'/api/households/{id}/head', 'post'>>;
export type SplitBody = Unversioned<BodyOf<'/api/households/{id}/split', 'post'>>;
export type IncomeBody = BodyOf<'/api/households/{id}/income', 'post'>;

export const householdKeys = {
  all: ['households'] as const,
  lists: ['households', 'list'] as const,
  list: (search: HouseholdSearch) => ['households', 'list', search] as const,
  detail: (id: number) => ['households', 'detail', id] as const,
  history: (id: number) => ['households', 'history', id] as const,
  timeline: (id: number) => ['households', 'timeline', id] as const,
  visits: (id: number) => ['households', 'visits', id] as const,
};

/** The search; `enabled: false` waits (a picker before anything is typed). */
export function useHouseholds(search: HouseholdSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: householdKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/households', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
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
    // The case and lead lists show the head's name and the household's type.
    affects: [
      householdKeys.lists,
      householdKeys.timeline(id),
      householdKeys.history(id),
      caseKeys.lists,
      [...leadKeys.all, 'list'],
    ],
  });
}

/**
 * The changes of one household, each sent through `useSaveHousehold` with the version the user saw. Each gives
 * the fresh household, or null after a stale version (the user was told, the household reloads); other
 * errors are thrown for the form to show.
 */
export function useHouseholdChanges(id: number) {
  const save = useSaveHousehold(id);
  const path = { id };
  const member = (personId: number) => ({ id, personId });
  return {
    update: (body: UpdateHouseholdBody) =>
      save((version) =>
        call(client.PATCH('/api/households/{id}', { params: { path }, body: { version, ...body } })),
      ),
    addMember: (body: AddMemberBody) =>
      save((version) =>
        call(client.POST('/api/households/{id}/members', { params: { path }, body: { version, ...body } })),
      ),
    updateMember: (personId: number, body: UpdateMemberBody) =>
      save((version) =>
        call(
          client.PATCH('/api/households/{id}/members/{personId}', {
            params: { path: member(personId) },
            body: { version, ...body },
          }),
        ),
      ),
    removeMember: (personId: number, body: RemoveMemberBody) =>
      save((version) =>
        call(
          client.POST('/api/households/{id}/members/{personId}/remove', {
            params: { path: member(personId) },
            body: { version, ...body },
          }),
        ),
      ),
    changeHead: (body: ChangeHeadBody) =>
      save((version) =>
        call(client.POST('/api/households/{id}/head', { params: { path }, body: { version, ...body } })),
      ),
    /** Splits members off into a new household: gives this household as it is now and the new one's id. */
    split: async (body: SplitBody) => {
      let createdId: number | null = null;
      const saved = await save(async (version) => {
        const result = await call(
          client.POST('/api/households/{id}/split', { params: { path }, body: { version, ...body } }),
        );
        createdId = result.created.household.id;
        return result.original;
      });
      return { saved, createdId: saved ? createdId : null };
    },
    // Income entries need no version: an entry is added or gone, nothing is overwritten.
    addIncome: (body: IncomeBody) =>
      save(() => call(client.POST('/api/households/{id}/income', { params: { path }, body }))),
    removeIncome: (itemId: number) =>
      save(() =>
        call(client.DELETE('/api/households/{id}/income/{itemId}', { params: { path: { id, itemId } } })),
      ),
  };
}

/** 新建户: the lists show it; its page is already known (the answer is the household). */
export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHouseholdBody) => call(client.POST('/api/households', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(householdKeys.detail(created.household.id), created);
      return queryClient.invalidateQueries({ queryKey: householdKeys.lists });
    },
  });
}

/** A member's ID number and phone in clear. Nothing on the household changes; the audit log gains the look. */
export function useRevealMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: number) =>
      call(
        client.POST('/api/households/{id}/members/{personId}/reveal', {
          params: { path: { id, personId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
