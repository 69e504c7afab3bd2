import type { Conversation, Intent } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime } from '../ui/format';

const URGENT: Intent[] = ['emergency', 'complaint', 'human_request'];

/** The conversation's summary (Korean), its intents as chips, and where the summary came from. */
export function SummaryPanel({ c }: { c: Conversation }) {
  const { t, locale } = useI18n();
  const intents = c.detectedIntents ?? [];
  const by =
    c.summarySource === 'rules'
      ? c.summaryError
        ? t('conv.summary.fallback', { error: c.summaryError })
        : t('conv.summary.by.rules')
      : c.summarySource
        ? t('conv.summary.by.model', { source: c.summarySource, model: c.summaryModel ?? '' })
        : null;
  return (
    <section className="panel summary-panel" data-testid="conversation-summary" aria-label={t('conv.summary')}>
      <h2 className="h2">{t('conv.summary')}</h2>
      {intents.length > 0 && (
        <ul className="chips intent-chips" data-testid="intent-chips">
          {intents.map((i) => (
            <li key={i} className={`chip${URGENT.includes(i) ? ' chip-danger' : ''}`} data-intent={i}>
              {t(`intent.${i}`)}
            </li>
          ))}
        </ul>
      )}
      <p className="summary-text">{c.summary ?? <span className="muted">{t('conv.summary.none')}</span>}</p>
      {by && (
        <p className="muted small" data-testid="summary-source">
          {by}
          {c.summaryUpdatedAt ? ` · ${t('conv.summary.at', { time: dateTime(c.summaryUpdatedAt, locale) })}` : ''}
        </p>
      )}
    </section>
  );
}
