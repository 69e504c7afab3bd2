import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/api-client';
import type { Conversation, CustomerPanel as Panel, Level, Message, SatisfactionScore } from '../api/api.types';
import { canLead, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { inbox } from '../inbox/inbox.store';
import { live } from '../live/event-stream';
import { Link } from '../router';
import { customerName, flag, languageName } from '../ui/format';
import { LevelBadge } from '../ui/level-badge';
import { PlatformIcon, platformName } from '../ui/platform-icon';
import { Composer } from './composer';
import { CustomerPanel } from './customer-panel';
import { MessageItem } from './message-item';
import { SatisfactionPanel } from './satisfaction-panel';
import { SummaryPanel } from './summary-panel';

const SIDE_KEY = 'hub.console.sideBySide';

interface Detail {
  conversation: Conversation;
  messages: Message[];
  hasMore: boolean;
}

export function ConversationView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [older, setOlder] = useState<Message[]>([]);
  const [olderMore, setOlderMore] = useState(true);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [sat, setSat] = useState<{ current: { score: number | null; level: Level | null }; scores: SatisfactionScore[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'conflict'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sideBySide, setSideBySide] = useState(() => localStorage.getItem(SIDE_KEY) !== 'off');
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const loadDetail = useCallback(async () => {
    try {
      const d = await api.get<Detail>(`/api/conversations/${id}?messages=100`);
      setDetail(d);
      inbox.upsert(d.conversation);
      setError(null);
      return d;
    } catch (err) {
      setError((err as Error).message);
      return null;
    }
  }, [id]);
  const loadSat = useCallback(() => {
    api.get<typeof sat & object>(`/api/conversations/${id}/satisfaction`).then(setSat, () => undefined);
  }, [id]);
  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    void api.post(`/api/conversations/${id}/read`).catch(() => undefined);
    inbox.patch(id, { unreadCount: 0 });
  }, [id]);

  useEffect(() => {
    void loadDetail().then((d) => {
      if (d && d.conversation.unreadCount > 0) markRead();
    });
    api.get<Panel>(`/api/conversations/${id}/customer`).then(setPanel, () => undefined);
    loadSat();
  }, [id, loadDetail, loadSat, markRead]);

  // Live: re-read on any change to this conversation (events carry ids, not content).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let readAfter = false;
    const off = live.on((e) => {
      if (e.conversationId !== id) return;
      if (e.type === 'satisfaction.changed') loadSat();
      if (e.type === 'message.created' && e.senderType === 'customer') readAfter = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void loadDetail().then(() => {
          if (readAfter) markRead();
          readAfter = false;
        });
      }, 100);
    });
    const offResync = live.onResync(() => void loadDetail());
    return () => {
      off();
      offResync();
      clearTimeout(timer);
    };
  }, [id, loadDetail, loadSat, markRead]);

  // Keep the newest message in view unless the reader scrolled up.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [detail?.messages]);

  const loadOlder = async () => {
    const first = older[0] ?? detail?.messages[0];
    if (!first) return;
    const r = await api.get<{ items: Message[]; hasMore: boolean }>(`/api/conversations/${id}/messages?before=${first.seq}&limit=50`);
    stick.current = false;
    setOlder((o) => [...r.items, ...o]);
    setOlderMore(r.hasMore);
  };

  const act = async (action: 'takeover' | 'handback' | 'resolve') => {
    setBusy(action);
    setNotice(null);
    try {
      const r = await api.post<{ conversation: Conversation }>(`/api/conversations/${id}/${action}`);
      inbox.upsert(r.conversation);
      setDetail((d) => (d ? { ...d, conversation: { ...d.conversation, ...r.conversation } } : d));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setNotice({ tone: 'conflict', text: t('conv.conflict', { message: err.message }) });
        void loadDetail();
      } else setNotice({ tone: 'error', text: t('conv.error', { message: (err as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  const toggleSide = (on: boolean) => {
    localStorage.setItem(SIDE_KEY, on ? 'on' : 'off');
    setSideBySide(on);
  };

  if (error && !detail) {
    return (
      <p className="form-error pad" role="alert">
        {t('common.error', { message: error })}
      </p>
    );
  }
  if (!detail) return <p className="muted pad">{t('conv.loading')}</p>;

  const c = detail.conversation;
  const messages = [...older, ...detail.messages];
  const mine = c.assignedTo === me?.id;
  const heldByOther = !c.aiMode && !!c.assignedTo && !mine;
  const mode = c.aiMode ? t('conv.mode.ai') : c.assignee ? t('conv.mode.human', { name: c.assignee.name }) : t('conv.mode.humanNobody');

  return (
    <div className="conversation" data-testid="conversation-view" data-ai-mode={String(c.aiMode)}>
      <header className="conv-head">
        <Link className="btn btn-small btn-ghost back-link" to="/inbox">
          ← {t('conv.back')}
        </Link>
        <PlatformIcon platform={c.messengerAccount.messengerType} size={24} />
        <h1 className="h1 conv-title">
          <span role="img" aria-label={c.customer.countryCode ?? ''}>
            {flag(c.customer.countryCode)}
          </span>{' '}
          {customerName(c.customer)}
        </h1>
        <span className="muted small">
          {platformName(c.messengerAccount.messengerType)} · {languageName(c.customer.languageCode, locale)} · {t(`status.${c.status}`)}
        </span>
        <LevelBadge level={c.satisfactionLevel} score={c.satisfactionScore} />
        <span className={`mode mode-${c.aiMode ? 'ai' : 'human'}`} data-testid="conversation-mode">
          {mode}
        </span>
        <span className="spacer" />
        <div className="conv-actions">
          {(c.aiMode || !mine) && (
            <button type="button" className="btn btn-primary" onClick={() => void act('takeover')} disabled={busy !== null} data-testid="takeover">
              {t('conv.takeover')}
            </button>
          )}
          {!c.aiMode && (mine || (me && canLead(me.role))) && (
            <button type="button" className="btn" onClick={() => void act('handback')} disabled={busy !== null} data-testid="handback">
              {t('conv.handback')}
            </button>
          )}
          {c.status !== 'resolved' && c.status !== 'archived' && (
            <button type="button" className="btn" onClick={() => void act('resolve')} disabled={busy !== null} data-testid="resolve">
              {t('conv.resolve')}
            </button>
          )}
        </div>
      </header>
      {notice && (
        <div className={`banner banner-${notice.tone === 'conflict' ? 'warning' : 'danger'}`} role="alert" data-testid="conversation-notice">
          {notice.text}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setNotice(null)} aria-label={t('alert.dismiss')}>
            ✕
          </button>
        </div>
      )}
      {c.handoffReason && c.status === 'waiting' && <div className="banner banner-warning">{t('conv.handoff', { reason: c.handoffReason })}</div>}
      <div className="conv-body">
        <div className="conv-main">
          <div className="conv-toolbar">
            <label className="toggle">
              <input type="checkbox" checked={sideBySide} onChange={(e) => toggleSide(e.target.checked)} />
              {t('conv.sideBySide')}
            </label>
          </div>
          <div
            className="messages"
            ref={scroller}
            onScroll={(e) => {
              const el = e.currentTarget;
              stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
            }}
            tabIndex={0}
            aria-label={customerName(c.customer)}
          >
            {(older.length ? olderMore : detail.hasMore) && (
              <button type="button" className="btn btn-small btn-ghost older" onClick={() => void loadOlder()}>
                {t('conv.olderMessages')}
              </button>
            )}
            <ol className="message-list" aria-live="polite" aria-relevant="additions">
              {messages.map((m) => (
                <MessageItem
                  key={m.id}
                  m={m}
                  sideBySide={sideBySide}
                  onRetried={(nm) => setDetail((d) => (d ? { ...d, messages: d.messages.map((x) => (x.id === nm.id ? nm : x)) } : d))}
                />
              ))}
            </ol>
          </div>
          {heldByOther ? (
            <p className="banner banner-info">{mode}</p>
          ) : (
            c.status !== 'archived' && (
              <Composer
                conversationId={id}
                aiMode={c.aiMode}
                onSent={(m) => {
                  stick.current = true;
                  setDetail((d) => (d ? { ...d, messages: d.messages.some((x) => x.id === m.id) ? d.messages : [...d.messages, m] } : d));
                  void loadDetail();
                }}
                onConflict={(message) => {
                  setNotice({ tone: 'conflict', text: t('conv.conflict', { message }) });
                  void loadDetail();
                }}
              />
            )
          )}
        </div>
        <aside className="conv-side">
          <SummaryPanel c={c} />
          {sat && (
            <SatisfactionPanel scores={sat.scores} current={sat.current} canOverride={!!me && canLead(me.role)} conversationId={id} onChanged={loadSat} />
          )}
          {panel && <CustomerPanel data={panel} />}
        </aside>
      </div>
    </div>
  );
}
