import type { Platform } from '../api/api.types';

const NAMES: Record<Platform, string> = {
  line: 'LINE',
  telegram: 'Telegram',
  instagram: 'Instagram',
  facebook: 'Facebook Messenger',
  whatsapp: 'WhatsApp',
  kakao: 'KakaoTalk',
};
const MARK: Record<Platform, string> = { line: 'L', telegram: 'T', instagram: 'I', facebook: 'f', whatsapp: 'W', kakao: 'K' };

export const platformName = (p: string): string => NAMES[p as Platform] ?? p;

/** A small brand-coloured badge; the name is its accessible label. */
export function PlatformIcon({ platform, size = 20 }: { platform: string; size?: number }) {
  const p = (platform in NAMES ? platform : 'line') as Platform;
  return (
    <svg className={`platform-icon platform-${p}`} width={size} height={size} viewBox="0 0 20 20" role="img" aria-label={platformName(platform)}>
      <title>{platformName(platform)}</title>
      <rect width="20" height="20" rx="5" />
      <text x="10" y="14.5" textAnchor="middle">
        {MARK[p]}
      </text>
    </svg>
  );
}
