import type { CustomerPanel as Panel } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { countryName, dateTime, flag, languageName, money } from '../ui/format';
import { platformName } from '../ui/platform-icon';

export function CustomerPanel({ data }: { data: Panel }) {
  const { t, locale } = useI18n();
  const c = data.customer;
  return (
    <section className="panel" aria-labelledby={`cust-${c.id}`} data-testid="customer-panel">
      <h2 id={`cust-${c.id}`} className="h2">
        {t('conv.customer')}
      </h2>
      <dl className="facts">
        <dt>{t('conv.country')}</dt>
        <dd>
          {flag(c.countryCode)} {countryName(c.countryCode, locale)}
        </dd>
        <dt>{t('conv.language')}</dt>
        <dd>{languageName(c.languageCode, locale)}</dd>
        <dt>{t('conv.messenger')}</dt>
        <dd>{platformName(c.messengerType)}</dd>
        <dt>{t('conv.tags')}</dt>
        <dd>
          {c.tags.length
            ? c.tags.map((tag) => (
                <span key={tag} className="chip">
                  {tag}
                </span>
              ))
            : t('conv.none')}
        </dd>
        <dt>{t('conv.notes')}</dt>
        <dd className="pre">{c.notes || t('conv.none')}</dd>
      </dl>
      <h3 className="h3">
        {t('conv.bookings')} ({data.bookings.length})
      </h3>
      {data.bookings.length ? (
        <ul className="mini-list">
          {data.bookings.map((b) => (
            <li key={b.id}>
              {dateTime(b.bookingDate, locale).slice(0, 12)} · {b.clinicProcedure?.procedure.nameKo ?? '—'} · <span className="chip">{b.status}</span>{' '}
              {b.totalAmount ? money(b.totalAmount, b.currency, locale) : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('conv.none')}</p>
      )}
      <h3 className="h3">
        {t('conv.payments')} ({data.payments.length})
      </h3>
      {data.payments.length ? (
        <ul className="mini-list">
          {data.payments.map((p) => (
            <li key={p.id}>
              {dateTime(p.paidAt ?? p.createdAt, locale).slice(0, 12)} · {p.paymentType} · {money(p.amount, p.currency, locale)} ·{' '}
              <span className="chip">{p.status}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('conv.none')}</p>
      )}
    </section>
  );
}
