import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { isNetworkError } from '../api/errors.js';

/**
 * Network mode, chosen for field work on village networks:
 * - queries `offlineFirst`: the first attempt is always made, even when the browser believes it is offline
 *   (`navigator.onLine` is wrong both ways on phones); if it gets no answer, retries wait until the browser is
 *   online again and then run by themselves. `QueryState` shows that paused state as "offline, loads when
 *   connected" instead of a spinner. Cached answers stay on screen meanwhile.
 * - mutations `always`: a save is sent at once and fails at once with the network error when there is no
 *   answer, so nobody believes an unsent form was saved. Work meant to survive being offline goes through the
 *   outbox (`src/web/offline/`), never through a paused mutation.
 * Only "no answer" is retried: a 4xx will not change by asking again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'offlineFirst',
        retry: (failures, error) => isNetworkError(error) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
