import type { OutboundApiConfig } from './outbound-http';

/** Every base URL pointed at one fake (tests start one fake per platform). */
export function configFor(url: string, extra: Partial<OutboundApiConfig> = {}): OutboundApiConfig {
  return {
    TELEGRAM_API_ROOT: url,
    LINE_API_BASE_URL: url,
    LINE_DATA_API_BASE_URL: url,
    META_GRAPH_API_BASE_URL: url,
    META_GRAPH_API_VERSION: 'v23.0',
    KAKAO_BOT_API_BASE_URL: url,
    OUTBOUND_TIMEOUT_MS: 2000,
    // The fake's own host:port only, so a test's other loopback servers stay refused.
    OUTBOUND_HOST_ALLOWLIST_EXTRA: [new URL(url).host],
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: true,
    ...extra,
  };
}
