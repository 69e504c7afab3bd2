import { PLATFORM_CATALOG, PLATFORMS, type Platform } from '../api/api.types';

const NAMES = Object.fromEntries(PLATFORMS.map((p) => [p, PLATFORM_CATALOG[p].name])) as Record<Platform, string>;
const MARK = Object.fromEntries(PLATFORMS.map((p) => [p, PLATFORM_CATALOG[p].mark])) as Record<Platform, string>;

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
