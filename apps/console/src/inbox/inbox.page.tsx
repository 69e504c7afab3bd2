import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { INTENTS, PLATFORMS, type Intent, type Platform } from '../api/api.types';
import { useSession } from '../auth/session';
import { ConversationView } from '../conversation/conversation.view';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { countryName, flag } from '../ui/format';
import { platformName } from '../ui/platform-icon';
import { ConversationRow } from './conversation-row';
import { EMPTY_FILTER, matches, type InboxFilter, type Quick } from './inbox.filter';
import { inbox } from './inbox.store';

const ROW_HEIGHT = 84;
const FILTER_KEY = 'hub.console.inboxFilter';
const QUICK: { id: Quick; label: 'inbox.filter.all' | 'inbox.filter.mine' | 'inbox.filter.waiting' | 'inbox.filter.risk' }[] = [
  { id: 'all', label: 'inbox.filter.all' },
  { id: 'mine', label: 'inbox.filter.mine' },
  { id: 'waiting', label: 'inbox.filter.waiting' },
  { id: 'risk', label: 'inbox.filter.risk' },
];

function loadFilter(): InboxFilter {
  try {
    return { ...EMPTY_FILTER, ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Partial<InboxFilter>), search: '' };
  } catch {
    return EMPTY_FILTER;
  }
}

export function InboxPage({ selectedId }: { selectedId: string | null }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const snap = useSyncExternalStore(inbox.subscribe, inbox.getSnapshot);
  const [filter, setFilter] = useState<InboxFilter>(loadFilter);
  const search = useDeferredValue(filter.search);
  useEffect(() => {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify({ ...filter, search: '' }));
  }, [filter]);

  const userId = me?.id ?? '';
  const items = useMemo(() => snap.items.filter((c) => matches(c, { ...filter, search }, userId)), [snap.items, filter, search, userId]);
  const countries = useMemo(() => [...new Set(snap.items.map((c) => (c.customer.countryCode ?? '').toUpperCase()).filter(Boolean))].sort(), [snap.items]);

  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (!selectedId) return;
    const i = items.findIndex((c) => c.id === selectedId);
    if (i >= 0) setActive(i);
  }, [selectedId, items]);
  useEffect(() => {
    if (snap.items.length) performance.mark('inbox-rows');
  }, [snap.items.length > 0]); // eslint-disable-line react-hooks/exhaustive-deps

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = (i: number) => {
      const next = Math.max(0, Math.min(items.length - 1, i));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'PageDown') move(active + 8);
    else if (e.key === 'PageUp') move(active - 8);
    else if (e.key === 'Enter' || e.key === ' ') {
      const c = items[active];
      if (c) navigate(`/inbox/${c.id}`);
      e.preventDefault();
    }
  };
  const activeItem = items[active];

  return (
    <div className={`inbox${selectedId ? ' has-selection' : ''}`}>
      <section className="inbox-list" aria-labelledby="inbox-title">
        <div className="inbox-head">
          <h1 id="inbox-title" className="h1">
            {t('inbox.title')}
          </h1>
          <span className="muted small" aria-live="polite">
            {snap.loading && !snap.items.length
              ? t('inbox.loading')
              : !snap.complete
                ? t('inbox.loadingMore', { count: snap.items.length })
                : t('inbox.count', { shown: items.length, total: snap.items.length })}
          </span>
        </div>
        <div className="filters" role="group" aria-label={t('inbox.filters')}>
          <input
            type="search"
            className="search"
            placeholder={t('inbox.search')}
            aria-label={t('inbox.search')}
            value={filter.search}
            onChange={(e) => setFilter({ ...filter, search: e.target.value })}
          />
          <div className="chips" role="radiogroup" aria-label={t('inbox.filters')}>
            {QUICK.map((q) => (
              <button
                key={q.id}
                type="button"
                role="radio"
                aria-checked={filter.quick === q.id}
                className={`chip-btn${filter.quick === q.id ? ' on' : ''}`}
                onClick={() => setFilter({ ...filter, quick: q.id })}
              >
                {t(q.label)}
              </button>
            ))}
          </div>
          <div className="selects">
            <label className="inline-field">
              {t('inbox.filter.platform')}
              <select value={filter.platform} onChange={(e) => setFilter({ ...filter, platform: e.target.value as Platform | '' })}>
                <option value="">{t('inbox.filter.any')}</option>
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {platformName(p)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              {t('inbox.filter.country')}
              <select value={filter.country} onChange={(e) => setFilter({ ...filter, country: e.target.value })}>
                <option value="">{t('inbox.filter.any')}</option>
                {countries.map((c) => (
                  <option key={c} value={c}>
                    {flag(c)} {countryName(c, locale)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              {t('inbox.filter.intent')}
              <select value={filter.intent} onChange={(e) => setFilter({ ...filter, intent: e.target.value as Intent | '' })} data-testid="intent-filter">
                <option value="">{t('inbox.filter.any')}</option>
                {INTENTS.map((i) => (
                  <option key={i} value={i}>
                    {t(`intent.${i}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        {snap.error && (
          <p className="form-error" role="alert">
            {t('common.error', { message: snap.error })}
          </p>
        )}
        <div
          ref={parentRef}
          className="list-scroll"
          role="listbox"
          tabIndex={0}
          aria-label={t('inbox.title')}
          aria-activedescendant={activeItem ? `conv-${activeItem.id}` : undefined}
          onKeyDown={onKey}
          data-testid="inbox-list"
        >
          {!items.length && !snap.loading && <p className="muted pad">{t('inbox.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const c = items[v.index]!;
              return (
                <div
                  key={c.id}
                  id={`conv-${c.id}`}
                  role="option"
                  aria-selected={c.id === selectedId}
                  className={`row-wrap${v.index === active ? ' active' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                  onClick={() => {
                    setActive(v.index);
                    navigate(`/inbox/${c.id}`);
                  }}
                >
                  <ConversationRow c={c} selected={c.id === selectedId} />
                </div>
              );
            })}
          </div>
        </div>
      </section>
      <section className="inbox-detail" aria-label={selectedId ? undefined : t('inbox.select')}>
        {selectedId ? <ConversationView key={selectedId} id={selectedId} /> : <p className="muted pad empty-detail">{t('inbox.select')}</p>}
      </section>
    </div>
  );
}
