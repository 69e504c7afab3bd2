import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import { enablePush } from './push';

interface Settings {
  channels: ('push' | 'email')[];
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
  email: string | null;
  loginEmail: string;
  emailConfigured: boolean;
  pushSubscriptions: { id: string; endpoint: string; createdAt: string }[];
}

/** My channels, quiet hours (urgent alerts ignore them), where email goes, this browser's push, a test. */
export function AlertSettingsPage() {
  const [s, setS] = useState<Settings | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () =>
    api
      .get<Settings>('/api/alerts/settings')
      .then(setS)
      .catch((e: ApiError) => setMsg({ ok: false, text: e.message }));
  useEffect(() => {
    void load();
  }, []);
  if (!s) return <p className="pad muted">불러오는 중…</p>;
  const toggle = (c: 'push' | 'email') => setS({ ...s, channels: s.channels.includes(c) ? s.channels.filter((x) => x !== c) : [...s.channels, c] });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.put('/api/alerts/settings', {
        channels: s.channels,
        quietStart: s.quietStart || null,
        quietEnd: s.quietEnd || null,
        timeZone: s.timeZone,
        email: s.email || null,
      });
      setMsg({ ok: true, text: '저장했습니다' });
    } catch (err) {
      const e2 = err as ApiError;
      const issues = (e2.details.issues as { path: string; message: string }[] | undefined)?.map((i) => `${i.path}: ${i.message}`).join(', ');
      setMsg({ ok: false, text: issues || e2.message });
    }
  };
  const push = async () => {
    try {
      await enablePush();
      setMsg({ ok: true, text: '이 브라우저에서 푸시 알림을 받습니다' });
      void load();
    } catch (err) {
      setMsg({ ok: false, text: `푸시 알림을 켜지 못했습니다: ${(err as Error).message}` });
    }
  };
  const test = async () => {
    await api.post('/api/alerts/test');
    setMsg({ ok: true, text: '테스트 알림을 보냈습니다' });
  };
  return (
    <section className="pad page" aria-labelledby="alert-settings-title">
      <h1 id="alert-settings-title">알림 설정</h1>
      <form onSubmit={save} className="stack">
        <fieldset>
          <legend>채널</legend>
          <label>
            <input type="checkbox" checked={s.channels.includes('push')} onChange={() => toggle('push')} /> 푸시
          </label>{' '}
          <label>
            <input type="checkbox" checked={s.channels.includes('email')} onChange={() => toggle('email')} /> 이메일{' '}
            {!s.emailConfigured && <span className="muted small">(서버에 SMTP 미설정)</span>}
          </label>
        </fieldset>
        <label className="inline-field">
          알림 이메일
          <input type="email" placeholder={s.loginEmail} value={s.email ?? ''} onChange={(e) => setS({ ...s, email: e.target.value })} />
        </label>
        <fieldset>
          <legend>방해 금지 시간 (긴급 알림은 예외)</legend>
          <label className="inline-field">
            시작 <input type="time" value={s.quietStart ?? ''} onChange={(e) => setS({ ...s, quietStart: e.target.value || null })} />
          </label>{' '}
          <label className="inline-field">
            끝 <input type="time" value={s.quietEnd ?? ''} onChange={(e) => setS({ ...s, quietEnd: e.target.value || null })} />
          </label>{' '}
          <label className="inline-field">
            시간대 <input value={s.timeZone} onChange={(e) => setS({ ...s, timeZone: e.target.value })} />
          </label>
        </fieldset>
        <button className="btn btn-primary" type="submit">
          저장
        </button>
      </form>
      <h2>이 브라우저</h2>
      <p className="small muted">등록된 푸시 구독 {s.pushSubscriptions.length}개</p>
      <button type="button" className="btn" onClick={() => void push()}>
        푸시 알림 켜기
      </button>{' '}
      <button type="button" className="btn" onClick={() => void test()}>
        테스트 알림 보내기
      </button>
      {msg && (
        <p className={msg.ok ? 'small' : 'form-error'} role="status" data-testid="alert-settings-status">
          {msg.text}
        </p>
      )}
    </section>
  );
}
