/**
 * The session (登录): who is logged in, logging in and out, and changing one's own password. The session
 * itself lives in auth/SessionProvider.tsx (a context, not a cached query: every page reads it and a login
 * clears the whole cache); these are the calls it and the password page make.
 */
import { useMutation } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';

export type Me = ResponseOf<'/api/auth/me', 'get'>;
export type PasswordChange = BodyOf<'/api/auth/password', 'post'>;

export const sessionCalls = {
  me: () => call(client.GET('/api/auth/me')),
  // A 401 here is a wrong password, not an ended session.
  login: (body: BodyOf<'/api/auth/login', 'post'>) =>
    call(client.POST('/api/auth/login', { body }), { keepSession: true }),
  logout: () => call(client.POST('/api/auth/logout')),
};

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => call(client.POST('/api/auth/password', { body })),
  });
}
