import { memo } from 'react';
import type { Conversation } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { customerName, flag, shortTime } from '../ui/format';
import { LevelBadge } from '../ui/level-badge';
import { PlatformIcon } from '../ui/platform-icon';

export const ConversationRow = memo(function ConversationRow({ c, selected }: { c: Conversation; selected: boolean }) {
  const { t, locale } = useI18n();
  const name = customerName(c.customer);
  return (
    <div
      className={`row level-edge-${c.satisfactionLevel ?? 'none'}${selected ? ' selected' : ''}${c.status === 'resolved' ? ' resolved' : ''}`}
      data-testid="conversation-row"
      data-id={c.id}
    >
      <div className="row-top">
        <PlatformIcon platform={c.messengerAccount.messengerType} />
        <span className="row-flag" role="img" aria-label={c.customer.countryCode ?? ''}>
          {flag(c.customer.countryCode)}
        </span>
        <span className="row-name">{name}</span>
        <span className="row-lang">{c.customer.languageCode ?? ''}</span>
        <span className="row-time">{shortTime(c.lastMessageAt, locale)}</span>
      </div>
      <div className="row-preview">{c.lastMessagePreview || t('inbox.noPreview')}</div>
      <div className="row-meta">
        <LevelBadge level={c.satisfactionLevel} score={c.satisfactionScore} compact />
        <span className={`mode mode-${c.aiMode ? 'ai' : 'human'}`}>{c.aiMode ? t('inbox.ai') : t('inbox.human')}</span>
        {c.status === 'waiting' && <span className="chip chip-warn">{t('status.waiting')}</span>}
        {c.status === 'resolved' && <span className="chip">{t('status.resolved')}</span>}
        <span className="row-assignee">{c.assignee?.name ?? (c.aiMode ? '' : t('inbox.unassigned'))}</span>
        {c.unreadCount > 0 && (
          <span className="unread" aria-label={t('inbox.unread', { count: c.unreadCount })}>
            {c.unreadCount}
          </span>
        )}
      </div>
    </div>
  );
});
