/** The logged-in user, restored from the session cookie on load (GET /api/auth/me). */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Action, Resource, Role } from '../../domain/access/policy';
import { can } from '../../domain/access/policy';
import { api, setCsrfToken } from './api';

export interface CurrentUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: number;
  locale: string;
}

interface AuthState {
  user: CurrentUser | null;
  ready: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  can(action: Action, resource?: Resource): boolean;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api
      .get<{ user: CurrentUser; csrfToken: string }>('/api/auth/me')
      .then((r) => {
        setCsrfToken(r.csrfToken);
        setUser(r.user);
      })
      .catch(() => setUser(null))
      .finally(() => setReady(true));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<{ user: CurrentUser; csrfToken: string }>('/api/auth/login', { username, password });
    setCsrfToken(r.csrfToken);
    setUser(r.user);
  }, []);

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value: AuthState = {
    user,
    ready,
    login,
    logout,
    can: (action, resource) => (user ? can(user, action, resource) : false),
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('AuthProvider missing');
  return v;
}
