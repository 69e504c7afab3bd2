import { z } from 'zod';
import { SendError, sendInParts, type OutboundAdapter, type OutboundMessage, type SendResult } from '../types';
import { splitText } from '../split-text';
import {
  DEFAULT_KAKAO_BOT_API_BASE_URL,
  connectionFailure,
  DEFAULT_OUTBOUND_TIMEOUT_MS,
  emptyMessageError,
  fetchOrTransient,
  joinUrl,
  parseRetryAfter,
  readJson,
  type ConnectionTestResult,
  type FetchedMedia,
  type OutboundApiConfig,
} from '../outbound-http';
import { downloadMedia } from '../meta-graph.client';
import { guardedFetch, isOutboundRefused, outboundPolicy, type RefusalReason } from '../outbound-guard';
import { kakaoOutboundHosts } from './kakao.hosts';

async function postCallback(
  url: string,
  response: KakaoSkillResponse,
  cfg: OutboundApiConfig,
  timeoutMs: number,
): Promise<{ res: Response } | { refused: RefusalReason }> {
  const policy = outboundPolicy(cfg, kakaoOutboundHosts.callbacks!(cfg), { timeoutMs, maxBytes: 64 * 1024 });
  try {
    return { res: await guardedFetch(url, policy, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) }) };
  } catch (err) {
    if (isOutboundRefused(err)) return { refused: err.reason };
    throw err;
  }
}

export const KAKAO_MAX_TEXT = 1000;
export const KAKAO_MAX_OUTPUTS = 3;
export const DEFAULT_KAKAO_EVENT_NAME = 'hub_reply';

export const KakaoOutboundCredentialsSchema = z.object({
  botId: z.string().min(1),
  webhookSecret: z.string().optional(),
  eventApiKey: z.string().optional(),
  channelId: z.string().optional(),
});
export type KakaoOutboundCredentials = z.infer<typeof KakaoOutboundCredentialsSchema>;

export interface KakaoSkillResponse {
  version: '2.0';
  template: { outputs: { simpleText: { text: string } }[] };
}

/** `{ taskId, status: SUCCESS | FAIL | ERROR, message, timestamp }`, answered by the callback and Event APIs. */
interface KakaoTaskResponse {
  taskId?: string;
  status?: string;
  message?: string;
}

/** Builds the skill response: at most 3 simpleText bubbles of ≤1000 chars; overflow is cut with an ellipsis. */
export function buildKakaoSkillResponse(text: string): KakaoSkillResponse {
  const parts = splitText(text, KAKAO_MAX_TEXT);
  if (parts.length === 0) throw emptyMessageError();
  const outputs = parts.slice(0, KAKAO_MAX_OUTPUTS);
  if (parts.length > KAKAO_MAX_OUTPUTS) {
    const last = outputs[KAKAO_MAX_OUTPUTS - 1]!;
    outputs[KAKAO_MAX_OUTPUTS - 1] = `${last.slice(0, KAKAO_MAX_TEXT - 1)}…`;
  }
  return { version: '2.0', template: { outputs: outputs.map((t) => ({ simpleText: { text: t } })) } };
}

/**
 * Kakao has no push API for skill bots: the answer goes to the one-time callbackUrl of the user's
 * turn (valid 1 minute). Without a usable callback, the Event API (bot-initiated, billed) is the
 * only route, and only when the clinic configured its key.
 */
export function createKakaoSender(credentials: KakaoOutboundCredentials, cfg: OutboundApiConfig): OutboundAdapter {
  const timeoutMs = cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS;
  return {
    platform: 'kakao',
    maxTextLength: KAKAO_MAX_TEXT,
    // One platform call per reply (a skill response carries up to three bubbles).
    send: (message: OutboundMessage): Promise<SendResult> => sendInParts(message, 1, async () => (await sendKakao(message)).externalIds),
  };

  async function sendKakao(message: OutboundMessage): Promise<{ externalIds: string[] }> {
    const response = buildKakaoSkillResponse(message.text);
    let callbackFailure: string | undefined;
    // A callback URL off Kakao's host is never posted to (it arrives in the request; SSRF).
    const callback = message.callbackUrl ? await postCallback(message.callbackUrl, response, cfg, timeoutMs) : undefined;
    if (callback && 'refused' in callback) callbackFailure = `its URL is not allowed: ${callback.refused}`;
    else if (callback) {
      const res = callback.res;
      const body = (await readJson(res)) as KakaoTaskResponse | null;
      if (res.ok && body?.status === 'SUCCESS') return { externalIds: [body.taskId ?? message.idempotencyKey] };
      if (res.status >= 500 || res.status === 429) {
        throw new SendError(
          'transient',
          'platform_unavailable',
          `Kakao callback ${res.status}: ${body?.message ?? ''}`,
          parseRetryAfter(res.headers.get('retry-after')),
        );
      }
      // Spent by an attempt that was cut off mid-call (a crash): that attempt was delivered.
      if (message.previousAttemptInterrupted && res.status === 400 && /already used/i.test(body?.message ?? ''))
        return { externalIds: [message.idempotencyKey] };
      // Expired, already used, or rejected: the callback cannot be retried.
      callbackFailure = `callback ${res.status} ${body?.status ?? ''} ${body?.message ?? ''}`.trim();
    }
    if (credentials.eventApiKey) return sendViaEventApi(credentials, cfg, message, timeoutMs);
    throw new SendError(
      'permanent',
      'not_deliverable',
      callbackFailure
        ? `Kakao: the callback was refused (${callbackFailure}) and no Event API key is configured`
        : 'Kakao: no callbackUrl for this turn and no Event API key is configured',
    );
  }
}

async function sendViaEventApi(
  credentials: KakaoOutboundCredentials & { eventApiKey?: string },
  cfg: OutboundApiConfig,
  message: OutboundMessage,
  timeoutMs: number,
): Promise<{ externalIds: string[] }> {
  const base = cfg.KAKAO_BOT_API_BASE_URL ?? DEFAULT_KAKAO_BOT_API_BASE_URL;
  const url = joinUrl(base, `v2/bots/${encodeURIComponent(credentials.botId)}/talk`);
  const text = buildKakaoSkillResponse(message.text)
    .template.outputs.map((o) => o.simpleText.text)
    .join('\n\n');
  const res = await fetchOrTransient(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `KakaoAK ${credentials.eventApiKey}` },
      body: JSON.stringify({
        // The event block configured in Open Builder renders the text from the event data.
        event: { name: cfg.KAKAO_EVENT_NAME ?? DEFAULT_KAKAO_EVENT_NAME, data: { text, messageId: message.idempotencyKey } },
        user: [{ type: 'botUserKey', id: message.to }],
      }),
    },
    timeoutMs,
  );
  const body = (await readJson(res)) as KakaoTaskResponse | null;
  const text2 = `Kakao Event API ${res.status}: ${body?.status ?? ''} ${body?.message ?? ''}`.trim();
  if (res.ok && body?.status === 'SUCCESS') return { externalIds: [body.taskId ?? message.idempotencyKey] };
  if (res.status === 401 || res.status === 403) throw new SendError('auth', 'token_invalid', text2);
  if (res.status === 429) throw new SendError('transient', 'rate_limited', text2, parseRetryAfter(res.headers.get('retry-after')));
  if (res.status >= 500 || body?.status === 'ERROR') throw new SendError('transient', 'platform_unavailable', text2);
  throw new SendError('permanent', 'not_deliverable', text2);
}

/**
 * Kakao skills have no API the hub can call: without an Event API key the account cannot be tested, and
 * says so (not connected until a skill request arrives). With a key, an Event API call naming no user
 * is refused as a bad request once the key is accepted (401/403 when it is not), and sends nothing.
 */
export async function testKakaoConnection(credentials: KakaoOutboundCredentials, cfg: OutboundApiConfig): Promise<ConnectionTestResult> {
  if (!credentials.eventApiKey) {
    return {
      ok: false,
      kind: 'permanent',
      code: 'not_testable',
      message: 'Kakao skills cannot be tested from the hub; configure an Event API key to test it, or send a message to the channel',
    };
  }
  const base = cfg.KAKAO_BOT_API_BASE_URL ?? DEFAULT_KAKAO_BOT_API_BASE_URL;
  const url = joinUrl(base, `v2/bots/${encodeURIComponent(credentials.botId)}/talk`);
  try {
    const res = await fetchOrTransient(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `KakaoAK ${credentials.eventApiKey}` },
        body: JSON.stringify({ event: { name: cfg.KAKAO_EVENT_NAME ?? DEFAULT_KAKAO_EVENT_NAME }, user: [] }),
      },
      cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS,
    );
    const body = (await readJson(res)) as KakaoTaskResponse | null;
    if (res.status === 401 || res.status === 403)
      return connectionFailure(new SendError('auth', 'token_invalid', `Kakao Event API ${res.status}: ${body?.message ?? ''}`.trim()));
    if (res.status >= 500 || res.status === 429) return connectionFailure(new SendError('transient', 'platform_unavailable', `Kakao Event API ${res.status}`));
    return { ok: true, details: { botId: credentials.botId, eventApi: 'key accepted' } };
  } catch (err) {
    return connectionFailure(err instanceof SendError ? err : new SendError('transient', 'network', (err as Error).message));
  }
}

/** Kakao sends media as URLs in the skill request (`params`/`detailParams`); the "media id" is that URL. */
export async function fetchKakaoMedia(_credentials: KakaoOutboundCredentials, cfg: OutboundApiConfig, mediaUrl: string): Promise<FetchedMedia> {
  return downloadMedia(mediaUrl, 'kakao', outboundPolicy(cfg, kakaoOutboundHosts.media(cfg), { contentTypes: kakaoOutboundHosts.mediaContentTypes }));
}
