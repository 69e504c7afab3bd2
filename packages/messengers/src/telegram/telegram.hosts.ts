import { MEDIA_CONTENT_TYPES, hostOf, type PlatformOutboundHosts } from '../outbound-guard';

/** Files come from the Bot API itself (`{apiRoot}/file/bot<token>/<path>`), often as octet-stream. */
export const telegramOutboundHosts: PlatformOutboundHosts = {
  media: (cfg) => [hostOf(cfg.TELEGRAM_API_ROOT)],
  mediaContentTypes: [...MEDIA_CONTENT_TYPES, 'application/octet-stream'],
};
