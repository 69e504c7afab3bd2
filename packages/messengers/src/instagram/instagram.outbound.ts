import type { OutboundAdapter } from '../types';
import type { OutboundApiConfig } from '../outbound-http';
import {
  MetaPageOutboundCredentialsSchema,
  createMetaPageSender,
  fetchMetaPageMedia,
  testMetaPageConnection,
  type MetaPageOutboundCredentials,
} from '../facebook/facebook.outbound';
import { instagramOutboundHosts } from './instagram.hosts';

export { INSTAGRAM_MAX_TEXT } from '../facebook/facebook.outbound';
export const InstagramOutboundCredentialsSchema = MetaPageOutboundCredentialsSchema;
export type InstagramOutboundCredentials = MetaPageOutboundCredentials;

/** Instagram messaging via the page token: `POST /{igUserId ?? pageId}/messages`, 1000 chars. */
export function createInstagramSender(credentials: InstagramOutboundCredentials, cfg: OutboundApiConfig): OutboundAdapter {
  return createMetaPageSender('instagram', credentials, cfg);
}

export function testInstagramConnection(credentials: InstagramOutboundCredentials, cfg: OutboundApiConfig) {
  return testMetaPageConnection('instagram', credentials, cfg);
}

export function fetchInstagramMedia(_credentials: InstagramOutboundCredentials, cfg: OutboundApiConfig, mediaUrl: string) {
  return fetchMetaPageMedia('instagram', cfg, mediaUrl, instagramOutboundHosts);
}
