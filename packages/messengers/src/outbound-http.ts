import { createHash } from 'node:crypto';
import { SendError } from './types';

/** The platform base URLs the senders use (WorkerConfig/ApiConfig carry the first five). */
export interface OutboundApiConfig {
  TELEGRAM_API_ROOT: string;
  LINE_API_BASE_URL: string;
  LINE_DATA_API_BASE_URL: string;
  META_GRAPH_API_BASE_URL: string;
  META_GRAPH_API_VERSION: string;
  /** Kakao Event API base; defaults to https://bot-api.kakao.com. */
  KAKAO_BOT_API_BASE_URL?: string;
  /** Name of the Open Builder event block the Event API triggers for staff replies. */
  KAKAO_EVENT_NAME?: string;
  /** Per-request timeout for plain fetch calls (Graph, Kakao, media downloads). */
  OUTBOUND_TIMEOUT_MS?: number;
  /** Hosts (`host`, `*.domain`, optional `:port`) added to every platform's media/callback list. */
  OUTBOUND_HOST_ALLOWLIST_EXTRA?: string[];
  /** Let webhook-supplied URLs reach private, loopback and link-local addresses (local fakes only). */
  OUTBOUND_ALLOW_PRIVATE_NETWORKS?: boolean;
  MEDIA_MAX_BYTES?: number;
  /** Whole-download deadline for media, body included. */
  MEDIA_TIMEOUT_MS?: number;
}

export const DEFAULT_KAKAO_BOT_API_BASE_URL = 'https://bot-api.kakao.com';
export const DEFAULT_OUTBOUND_TIMEOUT_MS = 15_000;

export const defaultOutboundApiConfig: OutboundApiConfig = {
  TELEGRAM_API_ROOT: 'https://api.telegram.org',
  LINE_API_BASE_URL: 'https://api.line.me',
  LINE_DATA_API_BASE_URL: 'https://api-data.line.me',
  META_GRAPH_API_BASE_URL: 'https://graph.facebook.com',
  META_GRAPH_API_VERSION: 'v23.0',
  KAKAO_BOT_API_BASE_URL: DEFAULT_KAKAO_BOT_API_BASE_URL,
};

/** Result of an account's "test connection" button. */
export type ConnectionTestResult =
  { ok: true; details?: Record<string, unknown>; note?: string } | { ok: false; kind: SendError['kind']; code: string; message: string };

export interface FetchedMedia {
  bytes: Buffer;
  mimeType: string;
}

export function connectionFailure(err: SendError): ConnectionTestResult {
  return { ok: false, kind: err.kind, code: err.code, message: err.message };
}

/** `Retry-After` as seconds or an HTTP date → milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Joins a base URL (possibly with a path prefix) and a path without `new URL` dropping the prefix. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** fetch with a timeout; network failures and timeouts become transient SendErrors. */
export async function fetchOrTransient(url: string, init: RequestInit, timeoutMs = DEFAULT_OUTBOUND_TIMEOUT_MS): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw networkError(err);
  }
}

export function networkError(err: unknown): SendError {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError';
  return new SendError(
    'transient',
    timedOut ? 'timeout' : 'network',
    `${timedOut ? 'Request timed out' : 'Network error'}: ${e?.cause?.code ?? e?.message ?? String(err)}`,
  );
}

export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { nonJsonBody: text.slice(0, 500) };
  }
}

/**
 * Deterministic RFC 4122 version-5 UUID (SHA-1 of namespace + name). LINE retry keys must be
 * UUIDs, and the same logical message must always map to the same key.
 */
export function uuidV5(name: string, namespace = HUB_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Fixed namespace for this hub's derived ids (random, chosen once). */
export const HUB_UUID_NAMESPACE = '6f1c2b8e-4a37-4f0e-9d51-3c7a2e9b1d04';

export function emptyMessageError(): SendError {
  return new SendError('permanent', 'empty_message', 'Refusing to send an empty message');
}

const HOUR = 3_600_000;
export const WINDOW_24H_MS = 24 * HOUR;
export const WINDOW_7D_MS = 7 * 24 * HOUR;
