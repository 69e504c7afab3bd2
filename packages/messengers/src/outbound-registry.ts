import { z } from 'zod';
import type { OutboundAdapter, Platform } from './types';
import { SendError } from './types';
import type { ConnectionTestResult, FetchedMedia, OutboundApiConfig } from './outbound-http';
import {
  TelegramOutboundCredentialsSchema,
  createTelegramSender,
  fetchTelegramMedia,
  testTelegramConnection,
} from './telegram/telegram.outbound';
import { LineOutboundCredentialsSchema, createLineSender, fetchLineMedia, testLineConnection } from './line/line.outbound';
import {
  MetaPageOutboundCredentialsSchema,
  createFacebookSender,
  fetchFacebookMedia,
  testFacebookConnection,
} from './facebook/facebook.outbound';
import { createInstagramSender, fetchInstagramMedia, testInstagramConnection } from './instagram/instagram.outbound';
import {
  WhatsAppOutboundCredentialsSchema,
  createWhatsAppSender,
  fetchWhatsAppMedia,
  testWhatsAppConnection,
} from './whatsapp/whatsapp.outbound';
import { KakaoOutboundCredentialsSchema, createKakaoSender, fetchKakaoMedia, testKakaoConnection } from './kakao/kakao.outbound';

import type { PlatformOutboundHosts } from './outbound-guard';
import { telegramOutboundHosts } from './telegram/telegram.hosts';
import { lineOutboundHosts } from './line/line.hosts';
import { facebookOutboundHosts } from './facebook/facebook.hosts';
import { instagramOutboundHosts } from './instagram/instagram.hosts';
import { whatsappOutboundHosts } from './whatsapp/whatsapp.hosts';
import { kakaoOutboundHosts } from './kakao/kakao.hosts';

export type { ConnectionTestResult, FetchedMedia, OutboundApiConfig } from './outbound-http';
export { defaultOutboundApiConfig } from './outbound-http';

/** Outbound credential schemas per platform: the subset of each account's secrets the senders use. */
export const outboundCredentialSchemas = {
  telegram: TelegramOutboundCredentialsSchema,
  line: LineOutboundCredentialsSchema,
  instagram: MetaPageOutboundCredentialsSchema,
  facebook: MetaPageOutboundCredentialsSchema,
  whatsapp: WhatsAppOutboundCredentialsSchema,
  kakao: KakaoOutboundCredentialsSchema,
} satisfies Record<Platform, z.ZodType>;

/** Invalid stored credentials are an account problem, like a revoked token: report as auth. */
export function parseOutboundCredentials<P extends Platform>(platform: P, creds: unknown): z.infer<(typeof outboundCredentialSchemas)[P]> {
  const result = outboundCredentialSchemas[platform].safeParse(creds);
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SendError('auth', 'credentials_invalid', `${platform} credentials are invalid: ${fields}`);
  }
  return result.data as z.infer<(typeof outboundCredentialSchemas)[P]>;
}

export type OutboundFactory = (creds: unknown, cfg: OutboundApiConfig) => OutboundAdapter;

export const outboundFactories = {
  telegram: (creds, cfg) => createTelegramSender(parseOutboundCredentials('telegram', creds), cfg),
  line: (creds, cfg) => createLineSender(parseOutboundCredentials('line', creds), cfg),
  instagram: (creds, cfg) => createInstagramSender(parseOutboundCredentials('instagram', creds), cfg),
  facebook: (creds, cfg) => createFacebookSender(parseOutboundCredentials('facebook', creds), cfg),
  whatsapp: (creds, cfg) => createWhatsAppSender(parseOutboundCredentials('whatsapp', creds), cfg),
  kakao: (creds, cfg) => createKakaoSender(parseOutboundCredentials('kakao', creds), cfg),
} satisfies Record<Platform, OutboundFactory>;

export interface ConnectionTestOptions {
  /** Telegram: also register this webhook URL (with the account's secret token). */
  webhookUrl?: string;
}

export type ConnectionTester = (creds: unknown, cfg: OutboundApiConfig, options?: ConnectionTestOptions) => Promise<ConnectionTestResult>;

function tester<P extends Platform>(
  platform: P,
  run: (creds: z.infer<(typeof outboundCredentialSchemas)[P]>, cfg: OutboundApiConfig, options: ConnectionTestOptions) => Promise<ConnectionTestResult>,
): ConnectionTester {
  return async (creds, cfg, options = {}) => {
    const parsed = outboundCredentialSchemas[platform].safeParse(creds);
    if (!parsed.success) return { ok: false, kind: 'auth', code: 'credentials_invalid', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    return run(parsed.data as z.infer<(typeof outboundCredentialSchemas)[P]>, cfg, options);
  };
}

export const connectionTesters = {
  telegram: tester('telegram', (c, cfg, o) => testTelegramConnection(c, cfg, o)),
  line: tester('line', (c, cfg) => testLineConnection(c, cfg)),
  instagram: tester('instagram', (c, cfg) => testInstagramConnection(c, cfg)),
  facebook: tester('facebook', (c, cfg) => testFacebookConnection(c, cfg)),
  whatsapp: tester('whatsapp', (c, cfg) => testWhatsAppConnection(c, cfg)),
  kakao: tester('kakao', (c, cfg) => testKakaoConnection(c, cfg)),
} satisfies Record<Platform, ConnectionTester>;

/** `mediaId`: Telegram file_id, LINE message id, WhatsApp media id; Messenger/Instagram/Kakao: the attachment URL. */
export type MediaFetcher = (creds: unknown, cfg: OutboundApiConfig, mediaId: string) => Promise<FetchedMedia>;

export const mediaFetchers = {
  telegram: (creds, cfg, id) => fetchTelegramMedia(parseOutboundCredentials('telegram', creds), cfg, id),
  line: (creds, cfg, id) => fetchLineMedia(parseOutboundCredentials('line', creds), cfg, id),
  instagram: (creds, cfg, id) => fetchInstagramMedia(parseOutboundCredentials('instagram', creds), cfg, id),
  facebook: (creds, cfg, id) => fetchFacebookMedia(parseOutboundCredentials('facebook', creds), cfg, id),
  whatsapp: (creds, cfg, id) => fetchWhatsAppMedia(parseOutboundCredentials('whatsapp', creds), cfg, id),
  kakao: (creds, cfg, id) => fetchKakaoMedia(parseOutboundCredentials('kakao', creds), cfg, id),
} satisfies Record<Platform, MediaFetcher>;

/** Where each platform's webhook-supplied URLs (media, callbacks) may go; see outbound-guard.ts. */
export const outboundHosts = {
  telegram: telegramOutboundHosts,
  line: lineOutboundHosts,
  instagram: instagramOutboundHosts,
  facebook: facebookOutboundHosts,
  whatsapp: whatsappOutboundHosts,
  kakao: kakaoOutboundHosts,
} satisfies Record<Platform, PlatformOutboundHosts>;
