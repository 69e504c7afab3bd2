import { MEDIA_CONTENT_TYPES, hostOf, type PlatformOutboundHosts } from '../outbound-guard';

/** Content comes from the data API (`/v2/bot/message/{id}/content`); webhooks carry no media URL. */
export const lineOutboundHosts: PlatformOutboundHosts = {
  media: (cfg) => [hostOf(cfg.LINE_DATA_API_BASE_URL)],
  mediaContentTypes: MEDIA_CONTENT_TYPES,
};
