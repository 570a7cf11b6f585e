/**
 * Screening (排查): the rules in force, runs (routine and concentrated) and the concentrated rounds with their
 * progress per town. A run is a background job: the server answers the start at once and the run is polled
 * (`useScreeningRun`) until it has finished or failed, its `progress` counting counties done. A finished run
 * creates and updates leads and changes the households it flagged, so it invalidates those groups too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';
import { householdKeys } from './households.js';

export type RulesView = ResponseOf<'/api/screening/rules', 'get'>;
export type ScreeningRules = BodyOf<'/api/screening/rules', 'put'>;
export type ScreeningRun = ResponseOf<'/api/screening/runs/{id}', 'get'>;
export type RunRequest = BodyOf<'/api/screening/runs', 'post'>;
export type Round = ResponseOf<'/api/screening/rounds', 'get'>[number];
export type RoundInput = BodyOf<'/api/screening/rounds', 'post'>;
export type RoundProgress = ResponseOf<'/api/screening/rounds/{id}/progress', 'get'>;

export const screeningKeys = {
  all: ['screening'] as const,
  rules: ['screening', 'rules'] as const,
  runs: ['screening', 'runs'] as const,
  run: (id: number) => ['screening', 'run', id] as const,
  rounds: ['screening', 'rounds'] as const,
  roundProgress: (id: number) => ['screening', 'round-progress', id] as const,
};

/** How often a running job is asked for its progress. */
const POLL_MS = 1000;

export function useScreeningRules(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: screeningKeys.rules,
    queryFn: ({ signal }) => call(client.GET('/api/screening/rules', { signal })),
    enabled: options.enabled ?? true,
  });
}

export function useUpdateScreeningRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningRules) => call(client.PUT('/api/screening/rules', { body })),
    onSuccess: (view) => {
      queryClient.setQueryData(screeningKeys.rules, view);
      return queryClient.invalidateQueries({ queryKey: screeningKeys.all });
    },
  });
}

export function useScreeningRuns() {
  return useQuery({
    queryKey: screeningKeys.runs,
    queryFn: ({ signal }) => call(client.GET('/api/screening/runs', { signal })),
  });
}

/** Starts a run; the answer is the run as it starts (usually still `running`): poll it with useScreeningRun. */
export function useStartScreeningRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RunRequest) => call(client.POST('/api/screening/runs', { body })),
    onSuccess: (run) => {
      queryClient.setQueryData(screeningKeys.run(run.id), run);
      return queryClient.invalidateQueries({ queryKey: screeningKeys.runs });
    },
  });
}

/** One run, asked again every second while it is running; it stops polling once finished or failed. */
export function useScreeningRun(id: number | null) {
  return useQuery({
    queryKey: screeningKeys.run(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/screening/runs/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

/** What a run changed once it ends: the runs list, rounds' progress, leads and the households it flagged. */
export function useScreeningRunEnded() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: screeningKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['leads'] }),
      queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    ]);
}

export function useRounds() {
  return useQuery({
    queryKey: screeningKeys.rounds,
    queryFn: ({ signal }) => call(client.GET('/api/screening/rounds', { signal })),
  });
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundInput) => call(client.POST('/api/screening/rounds', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.rounds }),
  });
}

export function useRoundProgress(id: number) {
  return useQuery({
    queryKey: screeningKeys.roundProgress(id),
    queryFn: ({ signal }) =>
      call(client.GET('/api/screening/rounds/{id}/progress', { params: { path: { id } }, signal })),
  });
}
