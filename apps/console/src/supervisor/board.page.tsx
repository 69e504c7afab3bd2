import { useMemo, useSyncExternalStore } from 'react';
import { LEVELS, type Conversation, type Level } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { inbox } from '../inbox/inbox.store';
import { Link } from '../router';
import { customerName, flag, shortTime } from '../ui/format';
import { PlatformIcon } from '../ui/platform-icon';

const COLUMN_LIMIT = 200;

/** Every live conversation by satisfaction level, worst first within a column. */
export function BoardPage() {
  const { t, locale } = useI18n();
  const snap = useSyncExternalStore(inbox.subscribe, inbox.getSnapshot);
  const columns = useMemo(() => {
    const by: Record<Level, Conversation[]> = { green: [], yellow: [], orange: [], red: [] };
    for (const c of snap.items) {
      if (c.status !== 'active' && c.status !== 'waiting') continue;
      if (c.satisfactionLevel) by[c.satisfactionLevel].push(c);
    }
    for (const l of LEVELS) by[l].sort((a, b) => (a.satisfactionScore ?? 0) - (b.satisfactionScore ?? 0));
    return by;
  }, [snap.items]);
  return (
    <div className="board-page">
      <h1 className="h1 pad-x">{t('board.title')}</h1>
      <div className="board" data-testid="board">
        {(['red', 'orange', 'yellow', 'green'] as const).map((level) => (
          <section key={level} className={`board-col board-${level}`} aria-labelledby={`col-${level}`} data-testid={`board-${level}`}>
            <h2 id={`col-${level}`} className="h2">
              <span className={`level-dot level-dot-${level}`} aria-hidden="true" /> {t(`level.${level}`)}{' '}
              <span className="count">{columns[level].length}</span>
            </h2>
            {columns[level].length === 0 && <p className="muted small">{t('board.empty')}</p>}
            <ul>
              {columns[level].slice(0, COLUMN_LIMIT).map((c) => (
                <li key={c.id}>
                  <Link className="card" to={`/inbox/${c.id}`}>
                    <span className="card-top">
                      <PlatformIcon platform={c.messengerAccount.messengerType} size={16} />
                      <span aria-hidden="true">{flag(c.customer.countryCode)}</span>
                      <strong>{customerName(c.customer)}</strong>
                      <span className="card-score">{c.satisfactionScore}</span>
                    </span>
                    <span className="card-preview">{c.lastMessagePreview}</span>
                    <span className="card-meta muted small">
                      {shortTime(c.lastMessageAt, locale)} · {c.aiMode ? t('inbox.ai') : (c.assignee?.name ?? t('inbox.unassigned'))}
                      {c.status === 'waiting' ? ` · ${t('status.waiting')}` : ''}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
