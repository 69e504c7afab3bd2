import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api-client';

/** GET a `{ items }` list, with reload after a change. */
export function useList<T>(path: string | null): { items: T[]; error: string | null; loading: boolean; reload(): Promise<void> } {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      const r = await api.get<{ items: T[] }>(path);
      setItems(r.items);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, loading, reload };
}
