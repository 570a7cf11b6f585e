/**
 * Monitoring lines (系统管理 › 监测标准): the yearly line per province that screening compares incomes with.
 * A saved line changes what the next screening run uses and what the rules page shows, so it invalidates the
 * whole `screening` group.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';

export type MonitoringLine = ResponseOf<'/api/screening/lines', 'get'>[number];
export type MonitoringLineInput = BodyOf<'/api/screening/lines', 'put'>;

export const monitoringLineKeys = {
  all: ['screening', 'lines'] as const,
};

export function useMonitoringLines() {
  return useQuery({
    queryKey: monitoringLineKeys.all,
    queryFn: ({ signal }) => call(client.GET('/api/screening/lines', { signal })),
  });
}

export function useSetMonitoringLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringLineInput) => call(client.PUT('/api/screening/lines', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['screening'] }),
  });
}
