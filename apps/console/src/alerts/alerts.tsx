import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export type AlertTone = 'danger' | 'warning' | 'info' | 'success';

export interface AlertItem {
  id: number;
  tone: AlertTone;
  text: string;
  conversationId?: string;
  /** Alerts that need a person stay until dismissed; notices fade. */
  sticky: boolean;
}

interface Alerts {
  push(a: Omit<AlertItem, 'id' | 'sticky'> & { sticky?: boolean }): void;
  dismiss(id: number): void;
  sound: boolean;
  setSound(on: boolean): void;
}

const Ctx = createContext<Alerts | null>(null);
const SOUND_KEY = 'hub.console.sound';
const MAX = 6;

/** Two short tones through Web Audio: no audio file to fetch, nothing to autoplay-block after a click. */
function chime(): void {
  try {
    const ctx = new AudioContext();
    [880, 660].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.17);
    });
    setTimeout(() => void ctx.close(), 600);
  } catch {
    // No audio device: the banner is enough.
  }
}

export function AlertsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<AlertItem[]>([]);
  const [sound, setSoundState] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');
  const next = useRef(1);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const push = useCallback<Alerts['push']>(
    (a) => {
      const id = next.current++;
      const sticky = a.sticky ?? (a.tone === 'danger' || a.tone === 'warning');
      setItems((xs) => [{ ...a, id, sticky }, ...xs].slice(0, MAX));
      if (sticky && soundRef.current) chime();
      if (!sticky) setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const setSound = useCallback((on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setSoundState(on);
    if (on) chime();
  }, []);
  const value = useMemo(() => ({ push, dismiss, sound, setSound }), [push, dismiss, sound, setSound]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <AlertStack items={items} dismiss={dismiss} />
    </Ctx.Provider>
  );
}

function AlertStack({ items, dismiss }: { items: AlertItem[]; dismiss(id: number): void }) {
  const { t } = useI18n();
  return (
    <section className="alerts" aria-label={t('alert.region')}>
      {/* Urgent alerts interrupt screen readers; notices wait their turn. */}
      <div role="alert" aria-live="assertive" className="alerts-list">
        {items
          .filter((a) => a.sticky)
          .map((a) => (
            <AlertToast key={a.id} a={a} dismiss={dismiss} />
          ))}
      </div>
      <div role="status" aria-live="polite" className="alerts-list">
        {items
          .filter((a) => !a.sticky)
          .map((a) => (
            <AlertToast key={a.id} a={a} dismiss={dismiss} />
          ))}
      </div>
    </section>
  );
}

function AlertToast({ a, dismiss }: { a: AlertItem; dismiss(id: number): void }) {
  const { t } = useI18n();
  return (
    <div className={`toast toast-${a.tone}`} data-testid="alert-toast">
      <span className="toast-text">{a.text}</span>
      {a.conversationId && (
        <Link className="btn btn-small" to={`/inbox/${a.conversationId}`} onClick={() => dismiss(a.id)}>
          {t('alert.open')}
        </Link>
      )}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => dismiss(a.id)} aria-label={t('alert.dismiss')}>
        ✕
      </button>
    </div>
  );
}

export function useAlerts(): Alerts {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAlerts outside AlertsProvider');
  return v;
}

/** Shows a live state the user can read (a banner at the top of the page). */
export function useDocumentTitleBadge(count: number): void {
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = count > 0 ? `(${count}) ${base}` : base;
  }, [count]);
}
