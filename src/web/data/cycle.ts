/**
 * The monthly cycle (系统管理 › 月度研判): the runs of the monthly evaluation and the start of one. A run is a
 * background job: the list is asked again while one is running. A run re-screens eliminated households and
 * rolls back cases, so its end invalidates the case and household groups too (`useCycleRunEnded`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { ResponseOf } from '../api/contract.js';
import { caseKeys } from './cases.js';
import { householdKeys } from './households.js';
import { reportKeys } from './reports.js';

export type CycleRun = ResponseOf<'/api/cycle/monthly', 'get'>[number];

export const cycleKeys = {
  all: ['cycle'] as const,
  runs: ['cycle', 'runs'] as const,
};

const POLL_MS = 2000;

export function useCycleRuns() {
  return useQuery({
    queryKey: cycleKeys.runs,
    queryFn: ({ signal }) => call(client.GET('/api/cycle/monthly', { signal })),
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'running') ? POLL_MS : false),
  });
}

export function useStartCycleRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => call(client.POST('/api/cycle/monthly', { body: { month } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}

/** What a finished run changed: cases evaluated or rolled back, households re-screened, the reports on them. */
export function useCycleRunEnded() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [caseKeys.all, householdKeys.all, reportKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}
