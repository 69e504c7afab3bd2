// Test support for ingress tests, load generators and benchmarks: correctly signed headers for a
// raw body from an account's decrypted credentials. Each platform's signer sits in its registry entry.
import type { MessengerPlatform } from './platform';
import { registryView } from './platforms';
import type { Platform } from './types';

export type WebhookSigner = (rawBody: Buffer | string, credentials: Record<string, string>) => Record<string, string>;

export const inboundSigners: Record<Platform, WebhookSigner> = registryView((p: MessengerPlatform<unknown>) => p.signWebhook as WebhookSigner);

export { signTelegram } from './telegram/telegram.sign';
export { signLine } from './line/line.sign';
export { signMeta, metaHandshakeQuery } from './meta/meta.sign';
export { signKakao } from './kakao/kakao.sign';
export { signFacebook } from './facebook/facebook.sign';
export { signInstagram } from './instagram/instagram.sign';
export { signWhatsapp } from './whatsapp/whatsapp.sign';
