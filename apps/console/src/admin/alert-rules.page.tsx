import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/api-client';

interface Rule {
  kind: string;
  roles: string[];
  channels: string[];
  urgent: boolean;
  escalateAfterSec: number | null;
  enabled: boolean;
  custom: boolean;
}
interface RotaEntry {
  userId: string;
  onDuty: boolean;
  user?: { name: string; role: string };
}
interface Channel {
  id: string;
  type: string;
  name: string;
  url: string;
  status: string;
  failureReason: string | null;
}
interface User {
  id: string;
  name: string;
  role: string;
}

const AUDIENCES = ['admin', 'supervisor', 'staff', 'on_duty'];
const CHANNELS = ['push', 'email', 'slack', 'webhook'];
const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** A clinic admin's alert page: rules per kind, the on-call rota, Slack and webhook channels. */
export function AlertRulesPage() {
  const [rules, setRules] = useState<Rule[]>([]);
  const [rota, setRota] = useState<RotaEntry[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [draft, setDraft] = useState({ type: 'slack', name: '', url: '' });
  const fail = (err: unknown) => setMsg({ ok: false, text: (err as ApiError).message });
  const load = () => {
    api.get<{ items: Rule[] }>('/api/alerts/rules').then((r) => setRules(r.items), fail);
    api.get<{ items: RotaEntry[] }>('/api/alerts/rota').then((r) => setRota(r.items), fail);
    api.get<{ items: Channel[] }>('/api/alerts/channels').then((r) => setChannels(r.items), fail);
    api.get<{ items: User[] }>('/api/users').then((r) => setUsers(r.items), fail);
  };
  useEffect(load, []);
  const saveRule = async (r: Rule) => {
    try {
      await api.put('/api/alerts/rules', {
        kind: r.kind,
        roles: r.roles,
        channels: r.channels,
        urgent: r.urgent,
        escalateAfterSec: r.escalateAfterSec,
        enabled: r.enabled,
      });
      setMsg({ ok: true, text: `${r.kind} 규칙을 저장했습니다` });
      load();
    } catch (err) {
      fail(err);
    }
  };
  const saveRota = async (next: RotaEntry[]) => {
    try {
      await api.put('/api/alerts/rota', { entries: next.map((e) => ({ userId: e.userId, onDuty: e.onDuty })) });
      load();
    } catch (err) {
      fail(err);
    }
  };
  const addChannel = async () => {
    try {
      const r = await api.post<{ secret?: string }>('/api/alerts/channels', draft);
      setMsg({ ok: true, text: r.secret ? `추가했습니다. 서명 비밀키(한 번만 표시): ${r.secret}` : '추가했습니다' });
      setDraft({ type: 'slack', name: '', url: '' });
      load();
    } catch (err) {
      fail(err);
    }
  };
  const edit = (kind: string, patch: Partial<Rule>) => setRules(rules.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  return (
    <section className="pad page" aria-labelledby="alert-rules-title">
      <h1 id="alert-rules-title">알림 규칙</h1>
      {msg && (
        <p className={msg.ok ? 'small' : 'form-error'} role="status">
          {msg.text}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>종류</th>
              <th>받는 사람</th>
              <th>채널</th>
              <th>긴급</th>
              <th>에스컬레이션(초)</th>
              <th>사용</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.kind}>
                <td className="mono small">{r.kind}</td>
                <td className="small">
                  {AUDIENCES.map((a) => (
                    <label key={a}>
                      <input type="checkbox" checked={r.roles.includes(a)} onChange={() => edit(r.kind, { roles: toggle(r.roles, a) })} /> {a}{' '}
                    </label>
                  ))}
                </td>
                <td className="small">
                  {CHANNELS.map((c) => (
                    <label key={c}>
                      <input type="checkbox" checked={r.channels.includes(c)} onChange={() => edit(r.kind, { channels: toggle(r.channels, c) })} /> {c}{' '}
                    </label>
                  ))}
                </td>
                <td>
                  <input type="checkbox" checked={r.urgent} onChange={(e) => edit(r.kind, { urgent: e.target.checked })} aria-label={`${r.kind} urgent`} />
                </td>
                <td>
                  <input
                    type="number"
                    min={30}
                    value={r.escalateAfterSec ?? ''}
                    onChange={(e) => edit(r.kind, { escalateAfterSec: e.target.value ? Number(e.target.value) : null })}
                    aria-label={`${r.kind} escalation`}
                  />
                </td>
                <td>
                  <input type="checkbox" checked={r.enabled} onChange={(e) => edit(r.kind, { enabled: e.target.checked })} aria-label={`${r.kind} enabled`} />
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => void saveRule(r)}>
                    저장
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>당직 순번 (에스컬레이션 순서)</h2>
      <ol>
        {rota.map((e, i) => (
          <li key={e.userId}>
            {e.user?.name ?? e.userId}{' '}
            <label className="small">
              <input type="checkbox" checked={e.onDuty} onChange={() => void saveRota(rota.map((x, j) => (j === i ? { ...x, onDuty: !x.onDuty } : x)))} /> 당직
            </label>{' '}
            <button
              type="button"
              className="btn btn-small"
              disabled={i === 0}
              onClick={() => void saveRota([...rota.slice(0, i - 1), rota[i]!, rota[i - 1]!, ...rota.slice(i + 1)])}
            >
              ↑
            </button>{' '}
            <button type="button" className="btn btn-small" onClick={() => void saveRota(rota.filter((_, j) => j !== i))}>
              빼기
            </button>
          </li>
        ))}
      </ol>
      <label className="inline-field">
        추가
        <select value="" onChange={(e) => e.target.value && void saveRota([...rota, { userId: e.target.value, onDuty: true }])}>
          <option value="">—</option>
          {users
            .filter((u) => !rota.some((r) => r.userId === u.id))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
        </select>
      </label>
      <h2>채널</h2>
      <ul>
        {channels.map((c) => (
          <li key={c.id} data-testid="alert-channel" data-status={c.status}>
            {c.type} · {c.name} · <span className="mono small">{c.url}</span> ·{' '}
            {c.status === 'dead' ? <strong className="form-error">실패: {c.failureReason}</strong> : '정상'}{' '}
            {c.status === 'dead' && (
              <button type="button" className="btn btn-small" onClick={() => void api.post(`/api/alerts/channels/${c.id}/reactivate`).then(load, fail)}>
                다시 사용
              </button>
            )}{' '}
            <button type="button" className="btn btn-small" onClick={() => void api.delete(`/api/alerts/channels/${c.id}`).then(load, fail)}>
              삭제
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-field">
        <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} aria-label="채널 종류">
          <option value="slack">Slack</option>
          <option value="webhook">서명 웹훅</option>
        </select>
        <input placeholder="이름" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-label="채널 이름" />
        <input placeholder="https://…" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} aria-label="채널 URL" />
        <button type="button" className="btn" onClick={() => void addChannel()}>
          추가
        </button>
      </div>
    </section>
  );
}
