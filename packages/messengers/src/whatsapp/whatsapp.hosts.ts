import { MEDIA_CONTENT_TYPES, hostOf, type PlatformOutboundHosts } from '../outbound-guard';

/** `GET /{media-id}` answers a short-lived `url` on lookaside.fbsbx.com; the Graph host itself for fakes/proxies. */
export const whatsappOutboundHosts: PlatformOutboundHosts = {
  media: (cfg) => [hostOf(cfg.META_GRAPH_API_BASE_URL), '*.fbsbx.com', '*.fbcdn.net'],
  mediaContentTypes: MEDIA_CONTENT_TYPES,
};
