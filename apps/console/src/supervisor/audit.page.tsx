import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import type { AuditEntry } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime } from '../ui/format';

const brief = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
};

export function AuditPage() {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (from: string | null, replace: boolean) => {
    setLoading(true);
    try {
      const q = new URLSearchParams({ limit: '50' });
      if (from) q.set('cursor', from);
      if (action) q.set('action', action);
      const r = await api.get<{ items: AuditEntry[]; nextCursor: string | null }>(`/api/audit-logs?${q}`);
      setItems((old) => (replace ? r.items : [...old, ...r.items]));
      setCursor(r.nextCursor);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(null, true);
  }, [action]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="pad page">
      <h1 className="h1">{t('audit.title')}</h1>
      <label className="inline-field">
        {t('audit.action')}
        <input value={action} onChange={(e) => setAction(e.target.value.trim())} placeholder="satisfaction.override" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{dateTime(a.createdAt, locale)}</td>
                <td>{a.actor ? `${a.actor.name} (${t(`role.${a.actor.role as 'staff'}`)})` : '—'}</td>
                <td>
                  <code>{a.action}</code>
                </td>
                <td className="small">
                  {a.entityType} {a.entityId?.slice(0, 8)}
                </td>
                <td className="small mono">
                  {brief(a.before)}
                  {a.before !== null && a.after !== null ? ' → ' : ''}
                  {brief(a.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor && (
        <button type="button" className="btn" disabled={loading} onClick={() => void load(cursor, false)}>
          {t('audit.more')}
        </button>
      )}
      {loading && <p className="muted">{t('common.loading')}</p>}
    </div>
  );
}
