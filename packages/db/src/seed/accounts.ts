// Demo messenger accounts: generated, platform-shaped secrets that stay stable across seed runs.
import { randomBytes, randomInt } from 'node:crypto';
import type { z } from 'zod';
import { PLATFORMS, registryView, type Platform } from '@hub/messengers';
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
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'telegram', accountName: 'daybeauclinic_global_telegram', displayName: 'DayBeau Clinic Bot', targetCountries: ['US', 'VN'] },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'line', accountName: 'daybeauclinic_jp_line', displayName: 'デイビュー美容クリニック', targetCountries: ['JP', 'TW'] },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'instagram', accountName: 'daybeauclinic_global_instagram', displayName: '@daybeau.clinic', targetCountries: ['US', 'JP', 'TW', 'VN'] },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'facebook', accountName: 'daybeauclinic_vn_facebook', displayName: 'DayBeau Clinic Gangnam', targetCountries: ['VN', 'US'] },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'whatsapp', accountName: 'daybeauclinic_us_whatsapp', displayName: 'DayBeau Clinic', targetCountries: ['US', 'VN'] },
  { clinicSlug: DEMO_CLINIC_SLUG, platform: 'kakao', accountName: 'daybeauclinic_kr_kakao', displayName: '데이뷰의원', targetCountries: ['KR', 'CN'] },
  { clinicSlug: SECOND_CLINIC_SLUG, platform: 'line', accountName: 'cheongdamline_jp_line', displayName: '清潭ラインクリニック', targetCountries: ['JP'] },
];

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const digits = (n: number, first = '123456789') => first[randomInt(first.length)] + pick('0123456789', n - 1);
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const metaToken = () => `EAA${pick(ALNUM, 180)}`;

/** Fresh credentials shaped like the real platform's, valid for the messenger schema. */
export function generateCredentials(platform: Platform): Record<string, string> {
  const creds: Record<Platform, () => Record<string, string>> = {
    telegram: () => ({ botToken: `${digits(10, '5678')}:AA${pick(URLSAFE, 33)}`, webhookSecret: pick(URLSAFE, 48) }),
    line: () => ({ channelId: digits(10, '12'), channelSecret: hex(16), accessToken: randomBytes(129).toString('base64') }),
    facebook: () => ({ pageId: digits(15, '1'), accessToken: metaToken(), appSecret: hex(16), verifyToken: pick(URLSAFE, 32) }),
    instagram: () => ({ pageId: digits(15, '1'), igUserId: `17841${digits(12)}`, accessToken: metaToken(), appSecret: hex(16), verifyToken: pick(URLSAFE, 32) }),
    whatsapp: () => ({ phoneNumberId: digits(15, '1'), wabaId: digits(15, '1'), accessToken: metaToken(), appSecret: hex(16), verifyToken: pick(URLSAFE, 32) }),
    kakao: () => ({ botId: hex(12), webhookSecret: pick(URLSAFE, 40) }),
  };
  const value = creds[platform]();
  CREDENTIAL_SCHEMAS[platform].parse(value);
  return value;
}

export function webhookUrl(publicBaseUrl: string, platform: string, accountId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/webhooks/${platform}/${accountId}`;
}
