/**
 * The big screen (大屏): the dashboard's figures for the user's whole area. Its key sits under the reports root
 * (`['reports', …]`) like the dashboard, so whatever refreshes reports refreshes the screen too.
 */
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { ResponseOf } from '../api/contract.js';

export type ScreenFigures = ResponseOf<'/api/dashboard', 'get'>;

export const screenKeys = {
  dashboard: ['reports', 'dashboard', 'screen'] as const,
};

export function useScreenFigures() {
  return useQuery({
    queryKey: screenKeys.dashboard,
    queryFn: ({ signal }) => call(client.GET('/api/dashboard', { signal })),
  });
}
