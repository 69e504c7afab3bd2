import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import type { Message, ResponseLibraryEntry } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { languageName } from '../ui/format';

interface Preview {
  language: string;
  text: string;
  translated: boolean;
  note?: string;
}

let library: Promise<ResponseLibraryEntry[]> | null = null;
const loadLibrary = () =>
  (library ??= api
    .get<{ items: ResponseLibraryEntry[] }>('/api/response-library')
    .then((r) => r.items.filter((x) => x.isActive))
    .catch(() => {
      library = null;
      return [];
    }));

export function Composer({
  conversationId,
  aiMode,
  onSent,
  onConflict,
}: {
  conversationId: string;
  aiMode: boolean;
  onSent(m: Message): void;
  onConflict(message: string): void;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<(Preview & { for: string }) | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [untranslated, setUntranslated] = useState<Preview | null>(null);
  const [canned, setCanned] = useState<ResponseLibraryEntry[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    void loadLibrary().then(setCanned);
  }, []);

  const requestPreview = async (draft: string) => {
    const mine = ++seq.current;
    setPreviewing(true);
    try {
      const p = await api.post<Preview>(`/api/conversations/${conversationId}/translate-preview`, { text: draft });
      if (mine === seq.current) setPreview({ ...p, for: draft });
    } catch (err) {
      if (mine === seq.current) setError((err as Error).message);
    } finally {
      if (mine === seq.current) setPreviewing(false);
    }
  };

  // The translation follows the draft: asked for once typing pauses.
  useEffect(() => {
    const draft = text.trim();
    setUntranslated(null);
    if (!draft) {
      seq.current++;
      setPreview(null);
      setPreviewing(false);
      return;
    }
    if (preview?.for === draft) return;
    const timer = setTimeout(() => void requestPreview(draft), 600);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = async (allowUntranslated = false) => {
    const draft = text.trim();
    if (!draft || sending) return;
    setSending(true);
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/api/conversations/${conversationId}/messages`, { text: draft, allowUntranslated });
      setText('');
      setPreview(null);
      setUntranslated(null);
      onSent(r.message);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.code === 'translation_unavailable') {
        setUntranslated((err.details.preview as Preview | undefined) ?? { language: '?', text: draft, translated: false });
      } else if (err instanceof ApiError && err.status === 409) {
        onConflict(err.message);
      } else {
        setError((err as Error).message);
      }
    } finally {
      setSending(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send(false);
    }
  };

  const current = preview && preview.for === text.trim() ? preview : null;
  return (
    <form className="composer" onSubmit={submit} aria-label={t('composer.label')}>
      {aiMode && <p className="muted small">{t('composer.needTakeover')}</p>}
      <div className="composer-tools">
        <label className="inline-field">
          {t('composer.canned')}
          <select
            value=""
            onChange={(e) => {
              const entry = canned.find((c) => c.id === e.target.value);
              if (entry) setText((old) => (old ? `${old}\n${entry.answerKo}` : entry.answerKo));
            }}
          >
            <option value="">{t('composer.cannedPick')}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                [{c.category}] {c.questionKo.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('composer.shortcut')}</span>
      </div>
      <label className="sr-only" htmlFor={`composer-${conversationId}`}>
        {t('composer.label')}
      </label>
      <textarea
        id={`composer-${conversationId}`}
        lang="ko"
        rows={3}
        value={text}
        placeholder={t('composer.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        data-testid="composer-input"
      />
      <div className="preview" aria-live="polite" data-testid="translation-preview">
        {previewing && <span className="muted">{t('composer.previewing')}</span>}
        {!previewing && current && (
          <>
            <span className="preview-title">{t('composer.previewTitle', { lang: languageName(current.language, locale) })}</span>
            <span className="preview-text" lang={current.language} data-testid="translation-preview-text">
              {current.text}
            </span>
            {!current.translated && <span className="chip chip-warn">{current.note ?? t('composer.previewNote')}</span>}
          </>
        )}
      </div>
      {untranslated && (
        <div className="untranslated" role="alert">
          <p>{untranslated.note ?? t('composer.previewNote')}</p>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void send(true)}>
            {t('composer.sendUntranslated')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t('conv.error', { message: error })}
        </p>
      )}
      <div className="composer-actions">
        <button type="button" className="btn" onClick={() => text.trim() && void requestPreview(text.trim())} disabled={!text.trim() || previewing}>
          {t('composer.preview')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!text.trim() || sending} data-testid="composer-send">
          {sending ? t('composer.sending') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
