import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import type { ClinicProcedure, Pricing, Procedure } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime, money } from '../ui/format';
import { ListState, PageHead, Result } from './admin-ui';
import { useList } from './use-list';

/** Same rule as the API: (regular − event) / regular, flagged above 49 %. */
export function discount(regular: number, event: number | null): { rate: number | null; warning: boolean } {
  if (event === null || !(regular > 0)) return { rate: null, warning: false };
  const rate = Math.round(((regular - event) / regular) * 10_000) / 100;
  return { rate, warning: rate > 49 };
}

export function PricingPage({ canManage }: { canManage: boolean }) {
  const { t, locale } = useI18n();
  const procedures = useList<Procedure>('/api/procedures');
  const clinicProcedures = useList<ClinicProcedure>('/api/clinic-procedures');
  const pricing = useList<Pricing>('/api/pricing');
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = useMemo(() => {
    const procs = new Map(procedures.items.map((p) => [p.id, p]));
    const cps = new Map(clinicProcedures.items.map((c) => [c.id, procs.get(c.procedureId)]));
    return (clinicProcedureId: string) => {
      const p = cps.get(clinicProcedureId);
      return p ? (locale === 'en' && p.nameEn ? p.nameEn : p.nameKo) : '—';
    };
  }, [procedures.items, clinicProcedures.items, locale]);
  const rows = useMemo(
    () => [...pricing.items].sort((a, b) => nameOf(a.clinicProcedureId).localeCompare(nameOf(b.clinicProcedureId))),
    [pricing.items, nameOf],
  );

  return (
    <div className="pad page">
      <PageHead title={t('pricing.title')} />
      <ListState loading={pricing.loading} error={pricing.error ?? clinicProcedures.error ?? procedures.error} />
      <div className="table-wrap">
        <table className="table" data-testid="pricing-table">
          <thead>
            <tr>
              <th scope="col">{t('pricing.procedure')}</th>
              <th scope="col">{t('pricing.label')}</th>
              <th scope="col" className="num">
                {t('pricing.regular')}
              </th>
              <th scope="col" className="num">
                {t('pricing.event')}
              </th>
              <th scope="col" className="num">
                {t('pricing.discount')}
              </th>
              <th scope="col">{t('pricing.period')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) =>
              editing === p.id ? (
                <tr key={p.id}>
                  <td colSpan={7}>
                    <PriceEditor
                      p={p}
                      name={nameOf(p.clinicProcedureId)}
                      onDone={async () => {
                        setEditing(null);
                        await pricing.reload();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={p.id} className={p.isActive ? '' : 'inactive'}>
                  <th scope="row">{nameOf(p.clinicProcedureId)}</th>
                  <td>{p.label ?? ''}</td>
                  <td className="num">{money(p.regularPrice, 'KRW', locale)}</td>
                  <td className="num">{p.eventPrice !== null ? money(p.eventPrice, 'KRW', locale) : '—'}</td>
                  <td className="num">
                    {p.discountRate !== null ? `${Number(p.discountRate)}%` : '—'}
                    {p.discountWarning && (
                      <span className="chip chip-danger" title={t('pricing.warning')}>
                        ⚠ {t('pricing.warning')}
                      </span>
                    )}
                  </td>
                  <td className="small">
                    {p.eventStartDate || p.eventEndDate
                      ? `${dateTime(p.eventStartDate, locale).slice(0, 12)} – ${dateTime(p.eventEndDate, locale).slice(0, 12)}`
                      : ''}
                  </td>
                  <td>
                    {canManage && (
                      <button type="button" className="btn btn-small" onClick={() => setEditing(p.id)}>
                        {t('admin.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PriceEditor({ p, name, onDone, onCancel }: { p: Pricing; name: string; onDone(): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const [regular, setRegular] = useState(String(Number(p.regularPrice)));
  const [event, setEvent] = useState(p.eventPrice !== null ? String(Number(p.eventPrice)) : '');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const d = discount(Number(regular), event.trim() === '' ? null : Number(event));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.patch(`/api/pricing/${p.id}`, { regularPrice: Number(regular), eventPrice: event.trim() === '' ? null : Number(event) });
      await onDone();
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <form className="form inline-form" onSubmit={submit} aria-label={name}>
      <strong>{name}</strong>
      <label>
        {t('pricing.regular')}
        <input type="number" min={1} required value={regular} onChange={(e) => setRegular(e.target.value)} />
      </label>
      <label>
        {t('pricing.event')}
        <input type="number" min={0} value={event} onChange={(e) => setEvent(e.target.value)} />
      </label>
      <span aria-live="polite">
        {d.rate !== null && `${t('pricing.discount')} ${d.rate}%`}
        {d.warning && <span className="chip chip-danger">⚠ {t('pricing.warning')}</span>}
      </span>
      <button type="submit" className="btn btn-primary btn-small">
        {t('admin.save')}
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
      <Result result={result} />
    </form>
  );
}
