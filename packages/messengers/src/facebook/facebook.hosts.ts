import { MEDIA_CONTENT_TYPES, type PlatformOutboundHosts } from '../outbound-guard';

/** Messenger attachment `payload.url`: Meta's CDNs (scontent-*.xx.fbcdn.net, cdn.fbsbx.com, lookaside.fbsbx.com). */
export const facebookOutboundHosts: PlatformOutboundHosts = {
  media: () => ['*.fbcdn.net', '*.fbsbx.com'],
  mediaContentTypes: MEDIA_CONTENT_TYPES,
};
