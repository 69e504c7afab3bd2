import { Telegram, TelegramError } from 'telegraf';
import { z } from 'zod';
import { SendError, sendInParts, type OutboundAdapter, type OutboundMessage, type SendResult } from '../types';
import { splitText } from '../split-text';
import {
  DEFAULT_OUTBOUND_TIMEOUT_MS,
  connectionFailure,
  emptyMessageError,
  networkError,
  type ConnectionTestResult,
  type FetchedMedia,
  type OutboundApiConfig,
} from '../outbound-http';
import { guardedFetch, outboundPolicy } from '../outbound-guard';
import { telegramOutboundHosts } from './telegram.hosts';

export const TELEGRAM_MAX_TEXT = 4096;

/** What the sender needs from the account's decrypted credentials. */
export const TelegramOutboundCredentialsSchema = z.object({
  botToken: z.string().regex(/^\d+:[\w-]+$/, 'expected a bot token like 123456:ABC-DEF'),
  webhookSecret: z.string().optional(),
});
export type TelegramOutboundCredentials = z.infer<typeof TelegramOutboundCredentialsSchema>;

function client(credentials: TelegramOutboundCredentials, cfg: OutboundApiConfig): Telegram {
  return new Telegram(credentials.botToken, { apiRoot: cfg.TELEGRAM_API_ROOT, webhookReply: false });
}

/** Calls the Bot API with a timeout (telegraf's own is 500 s) and maps every failure to SendError. */
async function call<M extends Parameters<Telegram['callApi']>[0]>(
  telegram: Telegram,
  method: M,
  payload: Parameters<Telegram['callApi']>[1] & object,
  timeoutMs: number,
) {
  try {
    // telegraf types its signal with the abort-controller polyfill; node-fetch accepts the native one.
    const signal = AbortSignal.timeout(timeoutMs) as unknown as NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];
    return await telegram.callApi(method, payload as never, { signal });
  } catch (err) {
    throw mapTelegramError(err);
  }
}

export function createTelegramSender(credentials: TelegramOutboundCredentials, cfg: OutboundApiConfig): OutboundAdapter {
  const telegram = client(credentials, cfg);
  const timeoutMs = cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS;
  return {
    platform: 'telegram',
    maxTextLength: TELEGRAM_MAX_TEXT,
    async send(message: OutboundMessage): Promise<SendResult> {
      const parts = splitText(message.text, TELEGRAM_MAX_TEXT);
      if (parts.length === 0) throw emptyMessageError();
      // Telegram has no idempotency key: parts go one by one, in order, each recorded before the next.
      return sendInParts(message, parts.length, async (i) => {
        const sent = await call(telegram, 'sendMessage', { chat_id: message.to, text: parts[i]! }, timeoutMs);
        return [String((sent as { message_id: number }).message_id)];
      });
    },
  };
}

/** Maps a telegraf failure (TelegramError carries the Bot API's error JSON) to SendError. */
export function mapTelegramError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (!(err instanceof TelegramError)) return networkError(err);
  const status = err.code;
  const description = err.description ?? err.message;
  if (status === 429) {
    const retryAfter = err.parameters?.retry_after;
    return new SendError('transient', 'rate_limited', `Telegram: ${description}`, retryAfter !== undefined ? retryAfter * 1000 : undefined);
  }
  // 404 is what the Bot API answers for a malformed or revoked token in the URL.
  if (status === 401 || status === 404) return new SendError('auth', 'token_invalid', `Telegram: ${description}`);
  if (status === 403) {
    if (/blocked by the user/i.test(description)) return new SendError('permanent', 'blocked', `Telegram: ${description}`);
    if (/deactivated/i.test(description)) return new SendError('permanent', 'user_deactivated', `Telegram: ${description}`);
    return new SendError('permanent', 'forbidden', `Telegram: ${description}`);
  }
  if (status === 400) {
    if (/chat not found/i.test(description)) return new SendError('permanent', 'chat_not_found', `Telegram: ${description}`);
    return new SendError('permanent', 'bad_request', `Telegram: ${description}`);
  }
  if (status >= 500) return new SendError('transient', 'platform_unavailable', `Telegram: ${status} ${description}`);
  return new SendError('permanent', `telegram_${status}`, `Telegram: ${description}`);
}

/** `getMe`, and `setWebhook` with the account's secret when a webhook URL is given. */
export async function testTelegramConnection(
  credentials: TelegramOutboundCredentials,
  cfg: OutboundApiConfig,
  options: { webhookUrl?: string } = {},
): Promise<ConnectionTestResult> {
  const telegram = client(credentials, cfg);
  const timeoutMs = cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS;
  try {
    const me = (await call(telegram, 'getMe', {}, timeoutMs)) as { id: number; username?: string; first_name: string };
    const details: Record<string, unknown> = { botId: me.id, username: me.username, name: me.first_name };
    if (options.webhookUrl) {
      await call(
        telegram,
        'setWebhook',
        {
          url: options.webhookUrl,
          ...(credentials.webhookSecret ? { secret_token: credentials.webhookSecret } : {}),
          allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
        },
        timeoutMs,
      );
      details.webhookUrl = options.webhookUrl;
    }
    return { ok: true, details };
  } catch (err) {
    return connectionFailure(mapTelegramError(err));
  }
}

/** `getFile` then `GET {apiRoot}/file/bot<token>/<file_path>`. */
export async function fetchTelegramMedia(credentials: TelegramOutboundCredentials, cfg: OutboundApiConfig, fileId: string): Promise<FetchedMedia> {
  const telegram = client(credentials, cfg);
  const timeoutMs = cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS;
  const file = (await call(telegram, 'getFile', { file_id: fileId }, timeoutMs)) as { file_path?: string };
  if (!file.file_path) throw new SendError('permanent', 'media_unavailable', 'Telegram: file has no file_path (over 20 MB?)');
  const url = await telegram.getFileLink({ file_id: fileId, file_path: file.file_path } as never);
  const res = await guardedFetch(
    url.toString(),
    outboundPolicy(cfg, telegramOutboundHosts.media(cfg), { contentTypes: telegramOutboundHosts.mediaContentTypes }),
  );
  if (!res.ok) {
    if (res.status >= 500) throw new SendError('transient', 'platform_unavailable', `Telegram file download: ${res.status}`);
    if (res.status === 401) throw new SendError('auth', 'token_invalid', 'Telegram file download: 401');
    throw new SendError('permanent', 'media_unavailable', `Telegram file download: ${res.status}`);
  }
  const header = res.headers.get('content-type');
  const mimeType = header && header !== 'application/octet-stream' ? header.split(';')[0]! : guessMime(file.file_path);
  return { bytes: Buffer.from(await res.arrayBuffer()), mimeType };
}

const EXT_MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
  tgs: 'application/x-tgsticker',
  webm: 'video/webm',
};

function guessMime(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return EXT_MIME[ext] ?? 'application/octet-stream';
}
