// Demo messenger accounts: generated, platform-shaped secrets that stay stable across seed runs.
import type { z } from 'zod';
import { messengerPlatforms, PLATFORMS, registryView, type Platform } from '@hub/messengers';
import { DEMO_CLINIC_SLUG, SECOND_CLINIC_SLUG } from './clinics.data';

export { PLATFORMS, type Platform };

export const CREDENTIAL_SCHEMAS: Record<Platform, z.ZodType> = registryView((p) => p.credentialsSchema);

/** The header a signed webhook of each platform carries. */
export const SIGNATURE_HEADERS: Record<Platform, string> = registryView((p) => p.signatureHeader);

export interface AccountSeed {
  clinicSlug: string;
  platform: Platform;
  accountName: string;
  displayName: string;
  targetCountries: string[];
}

export const DEMO_ACCOUNTS: AccountSeed[] = [
  {
    clinicSlug: DEMO_CLINIC_SLUG,
    platform: 'telegram',
    accountName: 'daybeauclinic_global_telegram',
    displayName: 'DayBeau Clinic Bot',
    targetCountries: ['US', 'VN'],
  },
  {
    clinicSlug: DEMO_CLINIC_SLUG,
    platform: 'line',
    accountName: 'daybeauclinic_jp_line',
    displayName: 'デイビュー美容クリニック',
    targetCountries: ['JP', 'TW'],
  },
  {
    clinicSlug: DEMO_CLINIC_SLUG,
    platform: 'instagram',
    accountName: 'daybeauclinic_global_instagram',
    displayName: '@daybeau.clinic',
    targetCountries: ['US', 'JP', 'TW', 'VN'],
  },
  {
    clinicSlug: DEMO_CLINIC_SLUG,
    platform: 'facebook',
    accountName: 'daybeauclinic_vn_facebook',
    displayName: 'DayBeau Clinic Gangnam',
    targetCountries: ['VN', 'US'],
  },
  {
    clinicSlug: DEMO_CLINIC_SLUG,
    platform: 'whatsapp',
    accountName: 'daybeauclinic_us_whatsapp',
    displayName: 'DayBeau Clinic',
    targetCountries: ['US', 'VN'],
  },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'kakao', accountName: 'daybeauclinic_kr_kakao', displayName: '데이뷰의원', targetCountries: ['KR', 'CN'] },
  { clinicSlug: SECOND_CLINIC_SLUG, platform: 'line', accountName: 'cheongdamline_jp_line', displayName: '清潭ラインクリニック', targetCountries: ['JP'] },
];

/** Fresh credentials shaped like the real platform's, valid for the messenger schema. */
export function generateCredentials(platform: Platform): Record<string, string> {
  const value = messengerPlatforms[platform].demoCredentials();
  CREDENTIAL_SCHEMAS[platform].parse(value);
  return value;
}

export function webhookUrl(publicBaseUrl: string, platform: string, accountId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/webhooks/${platform}/${accountId}`;
}
