import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import type { Level, SatisfactionScore, Signal } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime, levelOf } from '../ui/format';
import { LevelBadge } from '../ui/level-badge';

const W = 300;
const H = 110;
const PAD = 8;
const BANDS: { level: Level; from: number; to: number }[] = [
  { level: 'green', from: 70, to: 100 },
  { level: 'yellow', from: 50, to: 70 },
  { level: 'orange', from: 30, to: 50 },
  { level: 'red', from: 0, to: 30 },
];

const effective = (s: SatisfactionScore) => s.supervisorOverride ?? s.score;

/** The score over time as a small SVG line; each point opens the signals behind it. */
export function SatisfactionPanel({
  scores,
  current,
  canOverride,
  conversationId,
  onChanged,
}: {
  scores: SatisfactionScore[];
  current: { score: number | null; level: Level | null };
  canOverride: boolean;
  conversationId: string;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const points = [...scores].reverse();
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = points.find((p) => p.id === selected) ?? points[points.length - 1];
  const y = (v: number) => PAD + ((100 - v) / 100) * (H - 2 * PAD);
  const x = (i: number) => (points.length <= 1 ? W / 2 : PAD + (i / (points.length - 1)) * (W - 2 * PAD));

  const onPointKey = (e: KeyboardEvent<SVGElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelected(id);
    }
  };

  return (
    <section className="panel" aria-labelledby={`sat-${conversationId}`}>
      <h2 id={`sat-${conversationId}`} className="h2">
        {t('conv.satisfaction')} <LevelBadge level={current.level} score={current.score} />
      </h2>
      {points.length > 0 ? (
        <svg className="sat-chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('conv.satisfaction')} data-testid="satisfaction-chart">
          {BANDS.map((b) => (
            <rect key={b.level} className={`band band-${b.level}`} x={0} width={W} y={y(b.to)} height={y(b.from) - y(b.to)} />
          ))}
          <polyline className="sat-line" fill="none" points={points.map((p, i) => `${x(i)},${y(effective(p))}`).join(' ')} />
          {points.map((p, i) => {
            const v = effective(p);
            return (
              <circle
                key={p.id}
                className={`sat-point level-fill-${levelOf(v)}${chosen?.id === p.id ? ' chosen' : ''}`}
                cx={x(i)}
                cy={y(v)}
                r={chosen?.id === p.id ? 5.5 : 4}
                tabIndex={0}
                role="button"
                aria-label={`${v} · ${dateTime(p.createdAt, locale)}${p.supervisorOverride !== null ? ' · override' : ''}`}
                aria-pressed={chosen?.id === p.id}
                onClick={() => setSelected(p.id)}
                onKeyDown={(e) => onPointKey(e, p.id)}
              />
            );
          })}
        </svg>
      ) : (
        <p className="muted small">{t('level.none')}</p>
      )}
      {chosen && <Signals s={chosen} />}
      {canOverride && <OverrideForm conversationId={conversationId} current={current.score} onDone={onChanged} />}
    </section>
  );
}

function Signals({ s }: { s: SatisfactionScore }) {
  const { t, locale } = useI18n();
  const all: (Signal & { group: string })[] = [
    ...(s.languageSignals ?? []).map((x) => ({ ...x, group: 'language' })),
    ...(s.behaviorSignals ?? []).map((x) => ({ ...x, group: 'behaviour' })),
    ...(s.flowSignals ?? []).map((x) => ({ ...x, group: 'flow' })),
  ].filter((x) => x.weight !== 0);
  return (
    <div className="signals" data-testid="signals">
      <p className="small">
        <strong>{t('conv.signals')}</strong> · {dateTime(s.createdAt, locale)} · {s.score}
        {s.supervisorOverride !== null && ` → ${s.supervisorOverride}`}
      </p>
      {s.supervisorOverride !== null && (
        <p className="small override-note">{t('conv.overridden', { name: s.supervisor?.name ?? '—', note: s.supervisorNote ?? '' })}</p>
      )}
      <ul>
        {all.map((x, i) => (
          <li key={i} className={x.weight < 0 ? 'neg' : 'pos'}>
            <span className="sig-weight">{x.weight > 0 ? `+${x.weight}` : x.weight}</span> <span className="sig-name">{x.name}</span>
            <span className="muted"> ({x.group})</span>
            {x.evidence?.length ? <span className="sig-evidence"> “{x.evidence.slice(0, 3).join('”, “')}”</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OverrideForm({ conversationId, current, onDone }: { conversationId: string; current: number | null; onDone(): void }) {
  const { t } = useI18n();
  const [score, setScore] = useState<string>(current !== null ? String(current) : '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMsg(null);
    try {
      const n = Number(score);
      await api.post(`/api/conversations/${conversationId}/satisfaction/override`, { score: n, note: note.trim() });
      setMsg({ ok: true, text: t('conv.override.done', { score: n }) });
      setNote('');
      onDone();
    } catch (err) {
      setMsg({ ok: false, text: t('conv.error', { message: err instanceof ApiError ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="override" onSubmit={submit} data-testid="override-form">
      <h3 className="h3">{t('conv.override')}</h3>
      <label>
        {t('conv.override.score')}
        <input type="number" min={0} max={100} step={1} required value={score} onChange={(e) => setScore(e.target.value)} />
      </label>
      <label>
        {t('conv.override.note')}
        <textarea rows={2} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={busy || !note.trim() || score === ''}>
        {t('conv.override.submit')}
      </button>
      {msg && (
        <p className={msg.ok ? 'form-ok' : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}
