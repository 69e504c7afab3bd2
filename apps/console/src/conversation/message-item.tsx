import { memo, useState } from 'react';
import { api, ApiError } from '../api/api-client';
import type { Attachment, Message } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime, languageName } from '../ui/format';

/** Staff read Korean: the Korean side of a message, whichever side that is. */
export function koreanText(m: Message): string {
  if (m.original.language === 'ko' || !m.translation) return m.original.text;
  if (m.translation.language === 'ko') return m.translation.text;
  return m.original.text;
}

/** Titles staff can read (the procedure, the library question…); the stored label only when no title is known. */
function sourcesOf(m: Message): { key: string; text: string }[] {
  return m.knowledgeSources.map((s) => ({ key: s.label, text: s.title ?? s.label }));
}

export const MessageItem = memo(function MessageItem({ m, sideBySide, onRetried }: { m: Message; sideBySide: boolean; onRetried(m: Message): void }) {
  const { t, locale } = useI18n();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const meta = m.aiMetadata ?? {};
  const confidence = typeof meta.confidence === 'number' ? meta.confidence : null;
  const handoff = typeof meta.handoff_reason === 'string' ? meta.handoff_reason : null;
  const sources = m.senderType === 'ai' ? sourcesOf(m) : [];
  const outgoing = m.senderType === 'ai' || m.senderType === 'staff';
  const failed = m.delivery.status === 'failed';
  const showBoth = sideBySide && !!m.translation && m.translation.text !== m.original.text;

  const retry = async () => {
    setRetrying(true);
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/api/conversations/${m.conversationId}/messages/${m.id}/retry`);
      onRetried(r.message);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <li
      className={`msg msg-${m.senderType}${outgoing ? ' out' : ' in'}${failed ? ' failed' : ''}`}
      data-testid="message"
      data-sender={m.senderType}
      data-delivery={m.delivery.status}
    >
      <div className="msg-head">
        <span className="msg-sender">{t(`conv.sender.${m.senderType}`)}</span>
        <time className="msg-time" dateTime={m.createdAt}>
          {dateTime(m.platformSentAt ?? m.createdAt, locale)}
        </time>
        {outgoing && <span className={`delivery delivery-${m.delivery.status}`}>{t(`conv.delivery.${m.delivery.status as 'sent'}`) ?? m.delivery.status}</span>}
      </div>
      {showBoth ? (
        <div className="msg-pair">
          <div className="msg-text" lang={m.original.language ?? undefined}>
            <span className="msg-lang">
              {t('conv.original')} · {languageName(m.original.language, locale)}
            </span>
            {m.original.text}
          </div>
          <div className="msg-text msg-translation" lang={m.translation!.language ?? undefined} data-testid="message-translation">
            <span className="msg-lang">
              {t('conv.translation')} · {languageName(m.translation!.language, locale)}
            </span>
            {m.translation!.text}
          </div>
        </div>
      ) : (
        m.original.text && (
          <div className="msg-text" lang="ko">
            {koreanText(m)}
          </div>
        )
      )}
      {m.attachments.length > 0 && (
        <ul className="attachments">
          {m.attachments.map((a, i) => (
            <li key={i}>
              <AttachmentView a={a} />
            </li>
          ))}
        </ul>
      )}
      {(sources.length > 0 || confidence !== null || handoff) && (
        <div className="ai-meta">
          {confidence !== null && <span className="chip">{t('conv.confidence', { value: `${Math.round(confidence * 100)}%` })}</span>}
          {handoff && <span className="chip chip-warn">{t('conv.handoff', { reason: handoff })}</span>}
          {sources.length > 0 && (
            <span className="sources" data-testid="knowledge-sources">
              {t('conv.sources')}:{' '}
              {sources.map((x, i) => (
                <span key={x.key} title={x.key}>
                  {i > 0 ? ' · ' : ''}
                  {x.text}
                </span>
              ))}
            </span>
          )}
        </div>
      )}
      {failed && (
        <div className="msg-failed" role="group">
          <span>{m.delivery.error ?? t('conv.delivery.failed')}</span>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void retry()} disabled={retrying}>
            {retrying ? t('conv.retrying') : t('conv.retry')}
          </button>
          {error && <span role="alert">{error}</span>}
        </div>
      )}
    </li>
  );
});

function AttachmentView({ a }: { a: Attachment }) {
  const { t } = useI18n();
  if (a.type === 'location' && a.latitude !== undefined) return <span>📍 {a.title ?? `${a.latitude}, ${a.longitude}`}</span>;
  const src = a.storedPath ? api.withToken(`/media/${a.storedPath}`) : null;
  if (!src) {
    return (
      <span className="muted">
        📎 {a.fileName ?? a.type}
        {a.refused && (
          <span className="media-refused" title={a.refused.url}>
            {' '}
            {t('conv.mediaRefused', { reason: a.refused.reason })}
          </span>
        )}
      </span>
    );
  }
  if (a.type === 'image' || a.mimeType?.startsWith('image/')) {
    return (
      <a href={src} target="_blank" rel="noreferrer">
        <img className="attachment-img" src={src} alt={a.fileName ?? t('conv.attachment')} loading="lazy" />
      </a>
    );
  }
  return (
    <a href={src} target="_blank" rel="noreferrer">
      📎 {a.fileName ?? t('conv.attachment')}
    </a>
  );
}
