/**
 * Slowed logins (系统管理 › 登录限制): accounts in the administrator's scope with recent failed logins, and the
 * reset that forgets them. Nothing locks an account (docs/ARCHITECTURE.md, "Logging in"); this is the view of who
 * is being slowed down and the way to let a user in at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { ResponseOf } from '../api/contract.js';

export type LockoutList = ResponseOf<'/api/auth/lockouts', 'get'>;
export type Lockout = LockoutList['items'][number];

export const lockoutKeys = { all: ['lockouts'] as const };

export function useLockouts() {
  return useQuery({
    queryKey: lockoutKeys.all,
    queryFn: ({ signal }) => call(client.GET('/api/auth/lockouts', { signal })),
    // Failures age out within 15 minutes: keep the list current while it is open.
    refetchInterval: 60_000,
  });
}

export function useResetLockout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => call(client.POST('/api/auth/lockouts/reset', { body: { username } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lockoutKeys.all }),
  });
}
