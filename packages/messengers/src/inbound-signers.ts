// Test support for ingress tests, load generators and benchmarks: correctly signed headers for a
// raw body from an account's decrypted credentials. Not used by production code.
import type { FacebookCredentials } from './facebook/facebook.schema';
import type { InstagramCredentials } from './instagram/instagram.schema';
import type { KakaoCredentials } from './kakao/kakao.schema';
import { signKakao } from './kakao/kakao.sign';
import type { LineCredentials } from './line/line.schema';
import { signLine } from './line/line.sign';
import { signMeta } from './meta/meta.sign';
import type { TelegramCredentials } from './telegram/telegram.schema';
import { signTelegram } from './telegram/telegram.sign';
import type { Platform } from './types';
import type { WhatsappCredentials } from './whatsapp/whatsapp.schema';

type Signer<C> = (rawBody: Buffer | string, credentials: C) => Record<string, string>;

export const inboundSigners = {
  telegram: ((body, c) => signTelegram(body, c.webhookSecret)) as Signer<TelegramCredentials>,
  line: ((body, c) => signLine(body, c.channelSecret)) as Signer<LineCredentials>,
  instagram: ((body, c) => signMeta(body, c.appSecret)) as Signer<InstagramCredentials>,
  facebook: ((body, c) => signMeta(body, c.appSecret)) as Signer<FacebookCredentials>,
  whatsapp: ((body, c) => signMeta(body, c.appSecret)) as Signer<WhatsappCredentials>,
  kakao: ((body, c) => signKakao(body, c.webhookSecret)) as Signer<KakaoCredentials>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each signer takes its own credentials
} satisfies Record<Platform, Signer<any>>;

export { signTelegram, signLine, signMeta, signKakao };
export { signFacebook } from './facebook/facebook.sign';
export { signInstagram } from './instagram/instagram.sign';
export { signWhatsapp } from './whatsapp/whatsapp.sign';
export { metaHandshakeQuery } from './meta/meta.sign';
