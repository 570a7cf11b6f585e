/**
 * Visits (走访): the visit plan (households due or overdue by their type's cadence) and the visit record. On a
 * phone without an answer from the server, the plan comes from the work set stored on the phone, and visits go
 * to the outbox (`src/web/offline/`), not through a mutation.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clock } from '../../shared/clock.js';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';
import { ApiError, isNetworkError } from '../api/errors.js';
import { getHousehold, getMeta, listHouseholds } from '../offline/db.js';
import { dueListFrom } from '../offline/offline-due.js';
import { useOffline } from '../offline/useOffline.js';

export type VisitDueList = ResponseOf<'/api/visits/due', 'get'>;
export type VisitDueItem = VisitDueList['items'][number];
export type VisitDueSearch = QueryOf<'/api/visits/due', 'get'>;
export type VisitBody = BodyOf<'/api/visits', 'post'>;

export const visitKeys = {
  all: ['visits'] as const,
  /** `online` and `pending` (outbox size) are in the key: the plan is read again when either changes. */
  due: (search: VisitDueSearch, online: boolean, pending: number) =>
    ['visits', 'due', search, { online, pending }] as const,
};

/** The plan could not be read from the server and the phone holds no work set. */
export const isNoStore = (error: unknown) => error instanceof ApiError && error.reason === 'no_store';

/**
 * The visit plan. With `fromStore`, a request that gets no answer is answered from the work set on the phone;
 * `savedAt` then says when it was stored (null when the answer is the server's).
 */
export function useVisitsDue(search: VisitDueSearch, options: { fromStore: boolean }) {
  const { online, outbox } = useOffline();
  return useQuery({
    queryKey: visitKeys.due(search, online, outbox.length),
    placeholderData: keepPreviousData,
    retry: (failures, error) => isNetworkError(error) && !isNoStore(error) && failures < 2,
    queryFn: async ({ signal }) => {
      try {
        const answer = await call(client.GET('/api/visits/due', { params: { query: search }, signal }));
        return { ...answer, savedAt: null };
      } catch (cause) {
        if (!options.fromStore || !isNetworkError(cause)) {
          throw cause;
        }
        const [households, savedAt] = await Promise.all([listHouseholds(), getMeta<string>('savedAt')]);
        if (!savedAt) {
          throw new ApiError(0, 'NETWORK', 'no work set on this device', { reason: 'no_store' }, null);
        }
        return { ...dueListFrom(households, search, clock().today()), savedAt };
      }
    },
  });
}

/**
 * A visit sent at once (the page queues it in the outbox instead when there is no answer). It moves the
 * household's due date and may raise a lead.
 */
export function useSaveVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitBody) => call(client.POST('/api/visits', { body })),
    onSuccess: () =>
      Promise.all(
        [visitKeys.all, ['leads'], ['households']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/**
 * The household a visit is recorded for (heading, members). It is the households domain's record, under its key
 * root, so a save there refreshes it here.
 */
export function useVisitHousehold(id: number | undefined) {
  return useQuery({
    queryKey: ['households', 'detail', id ?? 0] as const,
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      call(client.GET('/api/households/{id}', { params: { path: { id: id ?? 0 } }, signal })),
  });
}

export type VisitWorkRecordBody = BodyOf<'/api/employment/records', 'post'>;

/** A job found at the visit (务工监测), sent just before the visit; it is the employment domain's record. */
export function useAddVisitWorkRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitWorkRecordBody) => call(client.POST('/api/employment/records', { body })),
    onSuccess: () =>
      Promise.all(
        [['employment'], ['households']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

/**
 * The household as the work set stored on the phone holds it (for the visit form offline). `version` names the
 * stored copy (the work set's time and the outbox size), so it is read again after each sync.
 */
export function useWorksetHousehold(id: number | undefined, version: string) {
  return useQuery({
    queryKey: ['visits', 'workset-household', id ?? 0, version] as const,
    enabled: id !== undefined,
    // The phone's own store: read whether or not there is a network.
    networkMode: 'always',
    queryFn: async () => (id ? ((await getHousehold(id).catch(() => undefined)) ?? null) : null),
  });
}
