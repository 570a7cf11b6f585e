import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../shared/permissions.js';
import { ApiError, onSessionProblem } from '../api/client.js';
import { type Me, sessionCalls } from '../data/session.js';
import { rememberedMe, rememberMe } from '../offline/db.js';
import { clearOnLogout } from '../offline/sync.js';
import { followServerClock } from '../util/server-clock.js';

interface SessionValue {
  /** The logged-in user; null when logged out, undefined while the first /auth/me is in flight. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const queryClient = useQueryClient();

  const refresh = useCallback(async () => {
    try {
      const next = await sessionCalls.me();
      followServerClock(next.serverTime);
      setMe(next);
      rememberMe(next).catch(() => undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setMe(null);
        return;
      }
      // No answer (offline in the village): open as the user last logged in on this phone, if any.
      if (error instanceof ApiError && error.status === 0) {
        setMe((await rememberedMe().catch(() => null)) ?? null);
        return;
      }
      throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);

  useEffect(() => {
    onSessionProblem((event) => {
      if (event === 'unauthenticated') {
        setMe(null);
      } else {
        setMe((current) => (current ? { ...current, mustChangePassword: true } : current));
      }
    });
    return () => onSessionProblem(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await sessionCalls.login({ username, password });
      followServerClock(next.serverTime);
      // Nothing cached for the previous user may show to this one.
      queryClient.clear();
      setMe(next);
      rememberMe(next).catch(() => undefined);
      return next;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await sessionCalls.logout();
    } finally {
      // The phone's copy of households and any unsent records go with the session (HeaderBar warned first).
      await clearOnLogout().catch(() => undefined);
      queryClient.clear();
      setMe(null);
    }
  }, [queryClient]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      login,
      logout,
      refresh,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, login, logout, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}

/** For pages behind RequireAuth: the user is known to be logged in there. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) {
    throw new Error('useMe outside an authenticated route');
  }
  return me;
}
