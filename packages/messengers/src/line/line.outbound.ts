import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { z } from 'zod';
import { SendError, sendInParts, type OutboundAdapter, type OutboundMessage, type SendResult } from '../types';
import { chunk, splitText } from '../split-text';
import {
  connectionFailure,
  emptyMessageError,
  networkError,
  parseRetryAfter,
  uuidV5,
  type ConnectionTestResult,
  type FetchedMedia,
  type OutboundApiConfig,
  joinUrl,
} from '../outbound-http';
import { guardedFetch, outboundPolicy } from '../outbound-guard';
import { lineOutboundHosts } from './line.hosts';

export const LINE_MAX_TEXT = 5000;
export const LINE_MAX_MESSAGES_PER_CALL = 5;
/** LINE sends no Retry-After; its limits are per second, so a short pause is the useful hint. */
export const LINE_RATE_LIMIT_BACKOFF_MS = 1000;

export const LineOutboundCredentialsSchema = z.object({
  channelId: z.string().optional(),
  channelSecret: z.string().optional(),
  accessToken: z.string().min(1),
});
export type LineOutboundCredentials = z.infer<typeof LineOutboundCredentialsSchema>;

type SentMessage = messagingApi.SentMessage;

/** The retry key of one push call: same message and batch → same UUID, across crashes and retries. */
export function lineRetryKey(idempotencyKey: string, batchIndex: number): string {
  return uuidV5(`line-push:${idempotencyKey}:${batchIndex}`);
}

export function createLineSender(credentials: LineOutboundCredentials, cfg: OutboundApiConfig): OutboundAdapter {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: credentials.accessToken,
    baseURL: cfg.LINE_API_BASE_URL,
  });
  return {
    platform: 'line',
    maxTextLength: LINE_MAX_TEXT,
    async send(message: OutboundMessage): Promise<SendResult> {
      const parts = splitText(message.text, LINE_MAX_TEXT);
      if (parts.length === 0) throw emptyMessageError();
      const batches = chunk(
        parts.map((text): messagingApi.TextMessage => ({ type: 'text', text })),
        LINE_MAX_MESSAGES_PER_CALL,
      );
      return sendInParts(message, batches.length, async (next) => {
        // Reply is free of the monthly quota but single-use and short-lived; push is the fallback.
        if (next === 0 && message.replyToken) {
          try {
            const res = await client.replyMessage({ replyToken: message.replyToken, messages: batches[0]! });
            return ids(res.sentMessages);
          } catch (err) {
            // Used up or expired (LINE says which neither way): the push below, keyed, is the fallback.
            if (!isInvalidReplyToken(err)) throw mapLineError(err);
          }
        }
        const retryKey = lineRetryKey(message.idempotencyKey, next);
        try {
          const res = await client.pushMessage({ to: message.to, messages: batches[next]! }, retryKey);
          return ids(res.sentMessages);
        } catch (err) {
          // 409: this retry key was already accepted, i.e. an earlier attempt delivered the batch.
          if (err instanceof HTTPFetchError && err.status === 409) return ids(parseBody(err.body)?.sentMessages);
          throw mapLineError(err);
        }
      });
    },
  };
}

function ids(sent: SentMessage[] | undefined): string[] {
  return (sent ?? []).map((m) => m.id);
}

interface LineErrorBody {
  message?: string;
  details?: { message?: string; property?: string }[];
  sentMessages?: SentMessage[];
}

function parseBody(body: string | undefined): LineErrorBody | undefined {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as LineErrorBody;
  } catch {
    return undefined;
  }
}

function isInvalidReplyToken(err: unknown): boolean {
  return err instanceof HTTPFetchError && err.status === 400 && /invalid reply token/i.test(parseBody(err.body)?.message ?? '');
}

export function mapLineError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (!(err instanceof HTTPFetchError)) return networkError(err);
  const body = parseBody(err.body);
  const detail = body?.details?.map((d) => `${d.property ?? ''} ${d.message ?? ''}`.trim()).join('; ');
  const text = `LINE ${err.status}: ${body?.message ?? err.statusText}${detail ? ` (${detail})` : ''}`;
  switch (true) {
    case err.status === 401:
      return new SendError('auth', 'token_invalid', text);
    case err.status === 429:
      // The monthly free-message quota answers 429 too, and retrying cannot help until next month.
      if (/monthly limit/i.test(body?.message ?? '')) return new SendError('permanent', 'quota_exceeded', text);
      return new SendError('transient', 'rate_limited', text, parseRetryAfter(err.headers?.get('retry-after')) ?? LINE_RATE_LIMIT_BACKOFF_MS);
    case err.status === 403:
      return new SendError('permanent', 'forbidden', text);
    case err.status === 404:
      return new SendError('permanent', 'not_found', text);
    case err.status >= 500:
      return new SendError('transient', 'platform_unavailable', text);
    case err.status === 400:
      return new SendError('permanent', 'bad_request', text);
    default:
      return new SendError('permanent', `line_${err.status}`, text);
  }
}

export async function testLineConnection(credentials: LineOutboundCredentials, cfg: OutboundApiConfig): Promise<ConnectionTestResult> {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: credentials.accessToken, baseURL: cfg.LINE_API_BASE_URL });
  try {
    const info = await client.getBotInfo();
    return { ok: true, details: { userId: info.userId, basicId: info.basicId, displayName: info.displayName, chatMode: info.chatMode } };
  } catch (err) {
    return connectionFailure(mapLineError(err));
  }
}

/**
 * `GET {LINE_DATA_API_BASE_URL}/v2/bot/message/{id}/content`, under the same size, time and content-type
 * caps as every media download (the SDK's blob client has none).
 */
export async function fetchLineMedia(credentials: LineOutboundCredentials, cfg: OutboundApiConfig, messageId: string): Promise<FetchedMedia> {
  const url = joinUrl(cfg.LINE_DATA_API_BASE_URL, `v2/bot/message/${encodeURIComponent(messageId)}/content`);
  const policy = outboundPolicy(cfg, lineOutboundHosts.media(cfg), { contentTypes: lineOutboundHosts.mediaContentTypes });
  const res = await guardedFetch(url, policy, { headers: { authorization: `Bearer ${credentials.accessToken}` } });
  if (!res.ok) {
    throw mapLineError(
      new HTTPFetchError(`LINE ${res.status}`, { status: res.status, statusText: res.statusText, headers: res.headers, body: await res.text() }),
    );
  }
  return { bytes: Buffer.from(await res.arrayBuffer()), mimeType: res.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream' };
}
