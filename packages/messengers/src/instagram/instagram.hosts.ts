import { MEDIA_CONTENT_TYPES, type PlatformOutboundHosts } from '../outbound-guard';

/** Instagram attachment `payload.url`: Meta's and Instagram's CDNs (lookaside.fbsbx.com, scontent-*.cdninstagram.com). */
export const instagramOutboundHosts: PlatformOutboundHosts = {
  media: () => ['*.fbcdn.net', '*.fbsbx.com', '*.cdninstagram.com'],
  mediaContentTypes: MEDIA_CONTENT_TYPES,
};
