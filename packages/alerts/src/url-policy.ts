import { lookup } from 'node:dns/promises';
import { checkUrl, guardedFetch, isOutboundRefused, isPublicAddress, type GuardedRequestInit, type OutboundPolicy } from '@hub/messengers';

/** Where alert channels may post: any host, never a private address (unless the hub allows private networks). */
export interface AlertOutboundConfig {
  allowPrivateNetworks: boolean;
  timeoutMs: number;
}

export function policyFor(url: string, cfg: AlertOutboundConfig): OutboundPolicy {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // checkUrl names it
  }
  return { allowedHosts: host ? [host] : [], allowPrivateNetworks: cfg.allowPrivateNetworks, maxBytes: 256 * 1024, timeoutMs: cfg.timeoutMs, maxRedirects: 0 };
}

/** The same guard every outbound call of the hub goes through (checked on the address connected to). */
export function alertFetch(url: string, cfg: AlertOutboundConfig, init: GuardedRequestInit): Promise<Response> {
  return guardedFetch(url, policyFor(url, cfg), init);
}

/**
 * Checks a webhook URL a clinic admin enters, before it is stored: a reason for a 400, or null when
 * it is acceptable. The hostname is resolved here too, so a name pointing at a private address is refused
 * now rather than at the first alert (the send re-checks the address it connects to).
 */
export async function webhookUrlProblem(raw: string, cfg: AlertOutboundConfig, opts: { slack?: boolean } = {}): Promise<string | null> {
  let u: URL;
  try {
    u = checkUrl(raw, policyFor(raw, cfg));
  } catch (err) {
    return isOutboundRefused(err) ? err.message : 'not a URL';
  }
  if (!cfg.allowPrivateNetworks && u.protocol !== 'https:') return 'must use https';
  if (opts.slack && !cfg.allowPrivateNetworks && !/^\/services\/[^/]+\/[^/]+\/[^/]+$/.test(u.pathname)) {
    return 'not a Slack incoming webhook URL (https://hooks.slack.com/services/T…/B…/…)';
  }
  if (cfg.allowPrivateNetworks) return null;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  try {
    const addresses = await lookup(host, { all: true });
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return `${host} resolves to the private address ${bad.address}`;
  } catch {
    return `${host} does not resolve`;
  }
  return null;
}
