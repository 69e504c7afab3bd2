import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/api-client';
import { Link, navigate } from '../router';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  data: { conversationId?: string } | null;
  readAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackVia: string | null;
  escalationStep: number;
  createdAt: string;
}

const fmt = (iso: string) => new Date(iso).toLocaleString();

/** The notification centre: every alert for me or my role, unread first in count, acknowledged or not. */
export function NotificationsPage() {
  const [items, setItems] = useState<NotificationRow[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .get<{ items: NotificationRow[]; unread: number }>(`/api/notifications?limit=100${onlyUnread ? '&unread=true' : ''}`)
      .then((r) => {
        setItems(r.items);
        setUnread(r.unread);
      })
      .catch((err: ApiError) => setError(err.message));
  }, [onlyUnread]);
  useEffect(load, [load]);
  const ack = async (id: string) => {
    try {
      await api.post(`/api/notifications/${id}/acknowledge`, { via: 'console' });
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="pad page" aria-labelledby="notif-title" data-testid="notification-centre">
      <h1 id="notif-title">
        알림 센터{' '}
        <span className="muted small" data-testid="unread-count">
          읽지 않음 {unread}
        </span>
      </h1>
      <label className="inline-field">
        <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} /> 읽지 않은 알림만
      </label>{' '}
      <button type="button" className="btn btn-small" onClick={() => void api.post('/api/notifications/read-all').then(load)}>
        모두 읽음
      </button>{' '}
      <Link to="/alerts/settings">알림 설정</Link>
      {error && <p className="form-error">{error}</p>}
      {!items ? (
        <p className="muted">불러오는 중…</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>시각</th>
                <th>종류</th>
                <th>내용</th>
                <th>확인</th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr
                  key={n.id}
                  data-testid="notification-row"
                  data-id={n.id}
                  data-acknowledged={n.acknowledgedAt ? 'yes' : 'no'}
                  className={n.readAt ? '' : 'unread'}
                >
                  <td className="nowrap small">{fmt(n.createdAt)}</td>
                  <td className="small mono">{n.kind}</td>
                  <td>
                    <Link to={`/alerts/${n.id}`}>{n.title}</Link>
                    {n.body && <div className="small muted">{n.body}</div>}
                    {n.escalationStep > 0 && <div className="small">에스컬레이션 {n.escalationStep}단계</div>}
                  </td>
                  <td className="small">
                    {n.acknowledgedAt ? (
                      <span data-testid="ack-state">
                        확인됨 · {n.ackVia} · {fmt(n.acknowledgedAt)}
                      </span>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => void ack(n.id)}>
                        확인
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `/alerts/:id`, where every alert link points: opening it acknowledges it, then shows its conversation. */
export function OpenAlertPage({ id }: { id: string }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    (async () => {
      try {
        await api.post(`/api/notifications/${id}/acknowledge`, { via: 'console' });
        const list = await api.get<{ items: NotificationRow[] }>('/api/notifications?limit=100');
        const n = list.items.find((x) => x.id === id);
        if (stop) return;
        navigate(n?.data?.conversationId ? `/inbox/${n.data.conversationId}` : '/alerts', true);
      } catch (err) {
        if (!stop) setError((err as Error).message);
      }
    })();
    return () => {
      stop = true;
    };
  }, [id]);
  return <p className="pad">{error ? <span className="form-error">{error}</span> : '알림을 여는 중…'}</p>;
}

/** `/alerts/ack?token=…`, the button of an email: acknowledges without signing in. */
export function AckLinkPage() {
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const confirm = async () => {
    try {
      const r = await api.post<{ status: string; title: string }>('/api/alerts/ack', { token, via: 'email' });
      setState({ ok: true, text: r.status === 'already' ? `이미 확인된 알림입니다: ${r.title}` : `확인했습니다: ${r.title}` });
    } catch (err) {
      setState({ ok: false, text: (err as Error).message });
    }
  };
  return (
    <main className="login" id="main">
      <div className="login-card">
        <h1>알림 확인</h1>
        {state ? (
          <p className={state.ok ? '' : 'form-error'} role="status">
            {state.text}
          </p>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void confirm()}>
            이 알림을 확인합니다
          </button>
        )}
      </div>
    </main>
  );
}
