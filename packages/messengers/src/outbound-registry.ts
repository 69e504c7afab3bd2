// Outbound views of `messengerPlatforms` (platforms.ts): each loads the platform's sender on first use.
import type { OutboundAdapter, Platform } from './types';
import type { OutboundApiConfig } from './outbound-http';
import type { PlatformOutboundHosts } from './outbound-guard';
import type { ConnectionTester, MediaFetcher } from './platform';
import { registryView } from './platforms';

export type { ConnectionTestResult, FetchedMedia, OutboundApiConfig } from './outbound-http';
export { defaultOutboundApiConfig } from './outbound-http';
export type { ConnectionTestOptions, ConnectionTester, MediaFetcher, OutboundFactory } from './platform';

/** Throws SendError('auth', 'credentials_invalid') when the stored credentials fail the sender's schema. */
export const outboundFactories: Record<Platform, (creds: unknown, cfg: OutboundApiConfig) => Promise<OutboundAdapter>> = registryView(
  (p) => async (creds, cfg) => (await p.outbound()).createSender(creds, cfg),
);

export const connectionTesters: Record<Platform, ConnectionTester> = registryView(
  (p) => async (creds, cfg, options) => (await p.outbound()).testConnection(creds, cfg, options),
);

export const mediaFetchers: Record<Platform, MediaFetcher> = registryView((p) => async (creds, cfg, id) => (await p.outbound()).fetchMedia(creds, cfg, id));

/** Where each platform's webhook-supplied URLs (media, callbacks) may go; see outbound-guard.ts. */
export const outboundHosts: Record<Platform, PlatformOutboundHosts> = registryView((p) => p.outboundHosts);
