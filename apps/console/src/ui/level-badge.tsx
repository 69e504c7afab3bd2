import type { Level } from '../api/api.types';
import { useI18n } from '../i18n/i18n';

/** Satisfaction as colour and number; the word is there for screen readers and colour-blind staff. */
export function LevelBadge({ level, score, compact = false }: { level: Level | null; score: number | null; compact?: boolean }) {
  const { t } = useI18n();
  const word = level ? t(`level.${level}`) : t('level.none');
  return (
    <span className={`level level-${level ?? 'none'}`} title={word} aria-label={`${word}${score !== null ? ` ${score}` : ''}`}>
      <span className="level-dot" aria-hidden="true" />
      <span aria-hidden="true">{score ?? '–'}</span>
      {!compact && (
        <span className="level-word" aria-hidden="true">
          {word}
        </span>
      )}
    </span>
  );
}
