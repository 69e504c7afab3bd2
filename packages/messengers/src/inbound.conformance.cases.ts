// Test support shared by the conformance and fuzz suites: one case per platform with the
// account's secrets, a wrong variant of them, and the signing helper the ingress tests reuse.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inboundAdapters } from './inbound-registry';
import { signKakao } from './kakao/kakao.sign';
import type { KakaoSecrets } from './kakao/kakao.schema';
import { signLine } from './line/line.sign';
import type { LineSecrets } from './line/line.schema';
import { signMeta } from './meta/meta.sign';
import type { FacebookSecrets } from './facebook/facebook.schema';
import type { InstagramSecrets } from './instagram/instagram.schema';
import { signTelegram } from './telegram/telegram.sign';
import type { TelegramSecrets } from './telegram/telegram.schema';
import type { AccountRef, InboundAdapter, Platform } from './types';
import type { WhatsappSecrets } from './whatsapp/whatsapp.schema';

export const testAccount: AccountRef = {
  clinicId: '3f6c2b1e-8a4d-4c7e-9b2a-5d1e7f9a0c11',
  accountId: '7b2e9c4a-1d3f-4e8b-a6c5-2f9d8e7b1a30',
};

export interface ConformanceCase<S> {
  adapter: InboundAdapter<S>;
  secrets: S;
  /** Same account with the verification secret changed. */
  wrongSecrets: S;
  sign: (rawBody: Buffer | string, secrets: S) => Record<string, string>;
  /** False where the platform authenticates with a shared header secret, not a body signature. */
  signsBody: boolean;
  /** Fixture whose body delivers several events at once (platforms that batch). */
  batchFixture?: string;
}

const meta = { accessToken: 'EAAGm0PX4ZCpsBAKZCZBxq7dS1ZCvZAYk3o', appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', verifyToken: 'fb-verify-9d2c71' };

const telegram: ConformanceCase<TelegramSecrets> = {
  adapter: inboundAdapters.telegram,
  secrets: { botToken: '7012345678:AAE-x7kQp2Vn9sLr4TgYb1HcWmZ0dFuJ3oE', webhookSecret: 'tg_hook_5f9c2a7e1b4d' },
  wrongSecrets: { botToken: '7012345678:AAE-x7kQp2Vn9sLr4TgYb1HcWmZ0dFuJ3oE', webhookSecret: 'tg_hook_5f9c2a7e1b4e' },
  sign: (body, s) => signTelegram(body, s.webhookSecret),
  signsBody: false,
};
const line: ConformanceCase<LineSecrets> = {
  adapter: inboundAdapters.line,
  secrets: { channelId: '2005123456', channelSecret: '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f', accessToken: 'Zx9qL0n1Vb2Tf3Yh4Uj5' },
  wrongSecrets: { channelId: '2005123456', channelSecret: '8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e50', accessToken: 'Zx9qL0n1Vb2Tf3Yh4Uj5' },
  sign: (body, s) => signLine(body, s.channelSecret),
  signsBody: true,
  batchFixture: 'batch-3',
};
const facebook: ConformanceCase<FacebookSecrets> = {
  adapter: inboundAdapters.facebook,
  secrets: { pageId: '104729381234567', ...meta },
  wrongSecrets: { pageId: '104729381234567', ...meta, appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f91' },
  sign: (body, s) => signMeta(body, s.appSecret),
  signsBody: true,
  batchFixture: 'batch-2-entries',
};
const instagram: ConformanceCase<InstagramSecrets> = {
  adapter: inboundAdapters.instagram,
  secrets: { pageId: '104729381234567', igUserId: '17841405822304914', ...meta },
  wrongSecrets: { pageId: '104729381234567', igUserId: '17841405822304914', ...meta, appSecret: 'x1b2c3d4e5f60718293a4b5c6d7e8f90' },
  sign: (body, s) => signMeta(body, s.appSecret),
  signsBody: true,
  batchFixture: 'batch-2-entries',
};
const whatsapp: ConformanceCase<WhatsappSecrets> = {
  adapter: inboundAdapters.whatsapp,
  secrets: { phoneNumberId: '106540352242922', wabaId: '102290129340398', ...meta },
  wrongSecrets: { phoneNumberId: '106540352242922', wabaId: '102290129340398', ...meta, appSecret: 'ffffffffffffffffffffffffffffffff' },
  sign: (body, s) => signMeta(body, s.appSecret),
  signsBody: true,
  batchFixture: 'status-batch',
};
const kakao: ConformanceCase<KakaoSecrets> = {
  adapter: inboundAdapters.kakao,
  secrets: { botId: '65f1a2b3c4d5e6f7a8b9c0d1', webhookSecret: 'kakao-hook-secret-3e9a7c51' },
  wrongSecrets: { botId: '65f1a2b3c4d5e6f7a8b9c0d1', webhookSecret: 'kakao-hook-secret-3e9a7c52' },
  sign: (body, s) => signKakao(body, s.webhookSecret),
  signsBody: false,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case has its own secrets type
export const conformanceCases = { telegram, line, instagram, facebook, whatsapp, kakao } satisfies Record<Platform, ConformanceCase<any>>;

export interface Fixture {
  name: string;
  description: string;
  body: unknown;
  /** Partial expectations, in order, for each event the body must produce. */
  expected?: Record<string, unknown>[];
  /** How many items the body must report as ignored. */
  ignored?: number;
  /** For malformed bodies: a substring of the WebhookParseError message (usually the path). */
  error?: string;
}

export function loadFixtures(platform: Platform): Fixture[] {
  const dir = fileURLToPath(new URL(`./${platform}/__fixtures__/`, import.meta.url));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(dir + file, 'utf8')) as Omit<Fixture, 'name'>) }));
}
