import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/api-client';
import type { Me, Role } from '../api/api.types';

interface Session {
  /** undefined while a stored session is being resumed. */
  me: Me | null | undefined;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const off = api.onSession((u) => {
      if (!u) setMe(null);
    });
    void (async () => {
      const ok = await api.resume();
      if (cancelled) return;
      setMe(ok ? await api.get<Me>('/api/auth/me').catch(() => null) : null);
    })();
    return () => {
      cancelled = true;
      off();
    };
  }, []);

  const value = useMemo<Session>(
    () => ({
      me,
      login: async (email, password) => {
        await api.login(email, password);
        setMe(await api.get<Me>('/api/auth/me'));
      },
      logout: async () => {
        await api.logout();
        setMe(null);
      },
    }),
    [me],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Mirrors the API's permission table for what the console shows (the API still decides). */
export const canLead = (role: Role | undefined) => role === 'supervisor' || role === 'admin' || role === 'superadmin';
export const canAdmin = (role: Role | undefined) => role === 'admin' || role === 'superadmin';
