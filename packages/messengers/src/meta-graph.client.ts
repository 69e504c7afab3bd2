import type { Platform } from './types';
import { guardedFetch, type OutboundPolicy } from './outbound-guard';
import { SendError } from './types';
import { DEFAULT_OUTBOUND_TIMEOUT_MS, fetchOrTransient, joinUrl, parseRetryAfter, readJson, type OutboundApiConfig } from './outbound-http';

/** Graph error JSON: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: unknown;
  fbtrace_id?: string;
}

export interface GraphCall {
  method: 'GET' | 'POST';
  /** Path after the version, e.g. `123/messages`. */
  path: string;
  accessToken: string;
  /** Messenger documents `?access_token=`; WhatsApp documents a bearer header. */
  tokenIn: 'query' | 'bearer';
  body?: unknown;
}

export function graphUrl(cfg: OutboundApiConfig, path: string): string {
  return joinUrl(joinUrl(cfg.META_GRAPH_API_BASE_URL, cfg.META_GRAPH_API_VERSION), path);
}

/** One Graph call; any failure is thrown as a SendError mapped from Graph's error codes. */
export async function graphRequest<T>(cfg: OutboundApiConfig, platform: Platform, call: GraphCall): Promise<T> {
  const url = new URL(graphUrl(cfg, call.path));
  const headers: Record<string, string> = {};
  if (call.tokenIn === 'query') url.searchParams.set('access_token', call.accessToken);
  else headers.authorization = `Bearer ${call.accessToken}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetchOrTransient(
    url.toString(),
    { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) },
    cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS,
  );
  const json = (await readJson(res)) as { error?: GraphErrorBody } | null;
  if (res.ok && !json?.error) return json as T;
  throw mapGraphError(platform, res.status, json?.error, res.headers);
}

/** Graph throttling codes (Graph usually answers these with HTTP 400, so branch on the code). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006, 80007, 80008, 80009, 130429, 131048, 131056]);
/** Temporary platform trouble: 1 unknown, 2 service unavailable, 1200 temporary send failure, WA 131000/131016/133004. */
const TEMPORARY_CODES = new Set([1, 2, 1200, 131000, 131016, 133004]);
const TOKEN_SUBCODES = new Set([458, 459, 460, 463, 464, 467, 492]);

export function mapGraphError(platform: Platform, status: number, error: GraphErrorBody | undefined, headers?: Headers): SendError {
  const code = error?.code;
  const sub = error?.error_subcode;
  const text = `${platform} Graph ${status}: ${error?.message ?? 'no error body'}${code !== undefined ? ` (code ${code}${sub ? `/${sub}` : ''}${error?.fbtrace_id ? `, fbtrace ${error.fbtrace_id}` : ''})` : ''}`;
  if (code === 190 || code === 102 || (sub !== undefined && TOKEN_SUBCODES.has(sub)) || (status === 401 && code === undefined)) {
    return new SendError('auth', 'token_invalid', text);
  }
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) {
    return new SendError('transient', 'rate_limited', text, retryAfterFrom(headers));
  }
  if (code === 131047) return new SendError('permanent', 'template_required', text);
  // (#10) "This message is sent outside of allowed window" carries subcode 2018278 (2018065 on older apps, 2534022 on Instagram).
  if (code === 10 && (sub === 2018278 || sub === 2018065 || sub === 2534022)) return new SendError('permanent', 'window_closed', text);
  if (code === 551 || sub === 1545041 || sub === 2018108) return new SendError('permanent', 'user_unavailable', text);
  if (sub === 2018001 || code === 131026 || code === 131030) return new SendError('permanent', 'recipient_not_found', text);
  if (code === 131005 || code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return new SendError('permanent', 'permission_denied', text);
  }
  if ((code !== undefined && TEMPORARY_CODES.has(code)) || status >= 500 || status === 429) {
    return new SendError('transient', 'platform_unavailable', text, retryAfterFrom(headers));
  }
  return new SendError('permanent', code !== undefined ? `graph_${code}` : `http_${status}`, text);
}

/** Retry-After if sent; else Graph's usage headers' `estimated_time_to_regain_access` (minutes). */
function retryAfterFrom(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const direct = parseRetryAfter(headers.get('retry-after'));
  if (direct !== undefined) return direct;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    const minutes = raw.match(/"estimated_time_to_regain_access"\s*:\s*(\d+)/g)?.map((m) => Number(m.split(':')[1]));
    if (minutes?.length) {
      const max = Math.max(...minutes);
      if (max > 0) return max * 60_000;
    }
  }
  return undefined;
}

/** Downloads a media URL (WhatsApp: from `GET /{media-id}`; Messenger/Instagram: the attachment URL). */
export async function downloadMedia(url: string, platform: Platform, policy: OutboundPolicy, bearer?: string): Promise<{ bytes: Buffer; mimeType: string }> {
  const res = await guardedFetch(url, policy, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  if (!res.ok) {
    const body = (await readJson(res)) as { error?: GraphErrorBody } | null;
    if (body?.error) throw mapGraphError(platform, res.status, body.error, res.headers);
    if (res.status >= 500) throw new SendError('transient', 'platform_unavailable', `${platform} media download: ${res.status}`);
    if (res.status === 401) throw new SendError('auth', 'token_invalid', `${platform} media download: 401`);
    throw new SendError('permanent', 'media_unavailable', `${platform} media download: ${res.status}`);
  }
  const mimeType = res.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream';
  return { bytes: Buffer.from(await res.arrayBuffer()), mimeType };
}
