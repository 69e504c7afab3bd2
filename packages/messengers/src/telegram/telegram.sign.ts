import { TELEGRAM_SECRET_HEADER } from './telegram.inbound';

/**
 * Test support: headers Telegram would send with a webhook for a bot whose setWebhook
 * secret_token is `webhookSecret`. The body is not signed on Telegram; it is accepted for symmetry.
 */
export function signTelegram(_rawBody: Buffer | string, webhookSecret: string): Record<string, string> {
  return { [TELEGRAM_SECRET_HEADER]: webhookSecret };
}
