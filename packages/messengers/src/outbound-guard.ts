import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { SendError } from './types';
import { DEFAULT_OUTBOUND_TIMEOUT_MS, networkError, type OutboundApiConfig } from './outbound-http';

/**
 * Outbound requests to URLs that arrive in webhooks (attachment URLs, Kakao callback URLs) go only to
 * hosts the platform documents, never to private addresses (checked after DNS, on the address the
 * socket connects to), with a size and time cap, no redirect to another host and a checked content type.
 */

export const DEFAULT_MEDIA_MAX_BYTES = 20 * 1024 * 1024;
/** Media the hub stores and shows: what the platforms send as attachments. */
export const MEDIA_CONTENT_TYPES = ['image/*', 'video/*', 'audio/*', 'application/pdf'] as const;

export type RefusalReason = 'invalid_url' | 'host_not_allowed' | 'private_address' | 'redirect_not_allowed' | 'too_large' | 'content_type_not_allowed';

/** A URL the policy will not fetch: permanent, recorded for staff instead of retried. */
export class OutboundRefusedError extends SendError {
  constructor(
    readonly reason: RefusalReason,
    readonly url: string,
    detail: string,
  ) {
    super('permanent', 'outbound_refused', `outbound request refused (${reason}): ${detail}`);
    this.name = 'OutboundRefusedError';
  }
}

export function isOutboundRefused(err: unknown): err is OutboundRefusedError {
  return err instanceof OutboundRefusedError;
}

export interface OutboundPolicy {
  /** `host`, `*.domain` (subdomains only) or either with `:port` (then only that port). */
  allowedHosts: readonly string[];
  allowPrivateNetworks: boolean;
  maxBytes: number;
  timeoutMs: number;
  /** `type/subtype` or `type/*`; unset = any (JSON API answers). Checked on 2xx answers only. */
  contentTypes?: readonly string[];
  maxRedirects?: number;
}

/** A platform's host list plus what the configuration adds (fakes, proxies). */
export function outboundPolicy(cfg: OutboundApiConfig, allowedHosts: readonly string[], extra: Partial<OutboundPolicy> = {}): OutboundPolicy {
  return {
    allowedHosts: [...allowedHosts, ...(cfg.OUTBOUND_HOST_ALLOWLIST_EXTRA ?? [])],
    allowPrivateNetworks: cfg.OUTBOUND_ALLOW_PRIVATE_NETWORKS ?? false,
    maxBytes: cfg.MEDIA_MAX_BYTES ?? DEFAULT_MEDIA_MAX_BYTES,
    timeoutMs: cfg.MEDIA_TIMEOUT_MS ?? cfg.OUTBOUND_TIMEOUT_MS ?? DEFAULT_OUTBOUND_TIMEOUT_MS,
    ...extra,
  };
}

/** `host[:port]` of a configured base URL, for platforms whose media come from their own API. */
export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

function effectivePort(u: URL): string {
  return u.port || (u.protocol === 'https:' ? '443' : '80');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function hostMatches(u: URL, rule: string): boolean {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(rule.trim().toLowerCase());
  if (!m) return false;
  const [, name, port] = m as unknown as [string, string, string | undefined];
  if (port && port !== effectivePort(u)) return false;
  const host = u.hostname.toLowerCase();
  return name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name;
}

/** Public unicast only: ipaddr.js classifies every special range (loopback, private, link-local, CGNAT, ULA…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:127.0.0.1 and friends are classified as the IPv4 address they carry.
  return ipaddr.process(address).range() === 'unicast';
}

/** Checks scheme and host before any request; an IP literal is checked here (no DNS happens for it). */
export function checkUrl(raw: string, policy: OutboundPolicy): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new OutboundRefusedError('invalid_url', raw, 'not a URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new OutboundRefusedError('invalid_url', raw, `scheme ${u.protocol}`);
  if (u.username || u.password) throw new OutboundRefusedError('invalid_url', raw, 'credentials in URL');
  if (!policy.allowedHosts.some((rule) => hostMatches(u, rule)))
    throw new OutboundRefusedError('host_not_allowed', raw, `host ${u.host} is not on the platform's list`);
  const literal = stripBrackets(u.hostname);
  if (ipaddr.isValid(literal) && !policy.allowPrivateNetworks && !isPublicAddress(literal)) {
    throw new OutboundRefusedError('private_address', raw, `${literal} is not a public address`);
  }
  return u;
}

function contentTypeAllowed(mime: string, allowed: readonly string[]): boolean {
  const m = mime.toLowerCase();
  return allowed.some((a) => (a.endsWith('/*') ? m.startsWith(a.slice(0, -1)) : m === a));
}

export interface GuardedRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One request under the policy; answers a WHATWG Response with the whole (capped) body so callers use
 * it like fetch's. Resolves DNS once in the socket's `lookup` and refuses a private answer there, so
 * the address checked is the address connected to (no rebinding between check and connect).
 */
export async function guardedFetch(raw: string, policy: OutboundPolicy, init: GuardedRequestInit = {}): Promise<Response> {
  const deadline = Date.now() + policy.timeoutMs;
  let url = checkUrl(raw, policy);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, policy, init, deadline, raw);
    if (res.status >= 300 && res.status < 400 && res.location) {
      let next: URL;
      try {
        next = new URL(res.location, url);
      } catch {
        throw new OutboundRefusedError('redirect_not_allowed', raw, 'unparsable Location');
      }
      // Same host only (a CDN's own path redirects); another host would bypass the list.
      if (next.host !== url.host || next.protocol !== url.protocol || hop >= (policy.maxRedirects ?? 3)) {
        throw new OutboundRefusedError('redirect_not_allowed', raw, `redirect to ${next.host}`);
      }
      url = checkUrl(next.toString(), policy);
      continue;
    }
    return res.response;
  }
}

interface OnceResult {
  status: number;
  location?: string;
  response: Response;
}

function requestOnce(u: URL, policy: OutboundPolicy, init: GuardedRequestInit, deadline: number, original: string): Promise<OnceResult> {
  return new Promise<OnceResult>((resolve, reject) => {
    let refusal: OutboundRefusedError | undefined;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(refusal ?? (err instanceof SendError ? err : networkError(err)));
    };
    const lookup = (hostname: string, options: { all?: boolean; family?: number | string }, cb: (...args: unknown[]) => void) => {
      dnsLookup(hostname, { all: true, family: typeof options.family === 'number' ? options.family : 0 }, (err, addresses: LookupAddress[]) => {
        if (err) return cb(err);
        // Every answer must be public: a mixed answer could connect to the private one.
        const bad = policy.allowPrivateNetworks ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        if (bad) {
          refusal = new OutboundRefusedError('private_address', original, `${hostname} resolves to ${bad.address}`);
          return cb(refusal);
        }
        if (options.all) return cb(null, addresses);
        return cb(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, { method: init.method ?? 'GET', headers: init.headers, lookup: lookup as never, agent: false });
    const timer = setTimeout(() => fail(Object.assign(new Error('deadline'), { name: 'TimeoutError' })), Math.max(1, deadline - Date.now()));
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined) continue;
        for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        return resolve({ status, location: res.headers.location, response: new Response(null, { status, headers }) });
      }
      const ok = status >= 200 && status < 300;
      const mime = (res.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (ok && policy.contentTypes && !contentTypeAllowed(mime, policy.contentTypes)) {
        return fail(new OutboundRefusedError('content_type_not_allowed', original, `content type "${mime || 'none'}"`));
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        return fail(new OutboundRefusedError('too_large', original, `${declared} bytes declared, limit ${policy.maxBytes}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > policy.maxBytes) return fail(new OutboundRefusedError('too_large', original, `over ${policy.maxBytes} bytes`));
        chunks.push(c);
      });
      res.on('error', fail);
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const noBody = status === 204 || status === 304 || size === 0;
        resolve({ status, response: new Response(noBody ? null : Buffer.concat(chunks), { status, headers }) });
      });
    });
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Where one platform's webhook-supplied URLs may point; one file per platform folder. */
export interface PlatformOutboundHosts {
  /** Hosts media are downloaded from (documented CDNs, or the configured API itself). */
  media(cfg: OutboundApiConfig): string[];
  mediaContentTypes: readonly string[];
  /** Hosts of reply callback URLs that arrive in the webhook (Kakao only). */
  callbacks?(cfg: OutboundApiConfig): string[];
}
