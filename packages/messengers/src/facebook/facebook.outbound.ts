import { z } from 'zod';
import { SendError, sendInParts, type OutboundAdapter, type OutboundMessage, type SendResult } from '../types';
import { splitText } from '../split-text';
import {
  WINDOW_24H_MS,
  WINDOW_7D_MS,
  connectionFailure,
  emptyMessageError,
  type ConnectionTestResult,
  type FetchedMedia,
  type OutboundApiConfig,
} from '../outbound-http';
import { downloadMedia, graphRequest } from '../meta-graph.client';
import { outboundPolicy, type PlatformOutboundHosts } from '../outbound-guard';
import { facebookOutboundHosts } from './facebook.hosts';

export const MESSENGER_MAX_TEXT = 2000;
export const INSTAGRAM_MAX_TEXT = 1000;

export const MetaPageOutboundCredentialsSchema = z.object({
  pageId: z.string().min(1),
  accessToken: z.string().min(1),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
  igUserId: z.string().optional(),
});
export type MetaPageOutboundCredentials = z.infer<typeof MetaPageOutboundCredentialsSchema>;

export type MessagingTypeChoice = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/**
 * Meta's messaging windows: anyone may answer within 24 h of the customer's last message; a human
 * may answer up to 7 days with the HUMAN_AGENT tag; otherwise the send would be rejected, so we
 * fail permanently without calling. Unknown last-message time: let the platform decide.
 */
export function chooseMessagingType(message: OutboundMessage, now = Date.now()): MessagingTypeChoice {
  if (!message.lastCustomerMessageAt) return { messaging_type: 'RESPONSE' };
  const age = now - message.lastCustomerMessageAt.getTime();
  if (age <= WINDOW_24H_MS) return { messaging_type: 'RESPONSE' };
  if (age <= WINDOW_7D_MS && message.fromStaff) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  throw new SendError(
    'permanent',
    'window_closed',
    message.fromStaff
      ? 'The 7-day human-agent window has closed: the customer must write first'
      : 'The 24-hour messaging window has closed: only a staff member can reply (within 7 days)',
  );
}

interface SendApiResponse {
  recipient_id?: string;
  message_id: string;
}

/** Messenger and Instagram share the Send API; Instagram posts to the IG account id and allows 1000 chars. */
export function createMetaPageSender(
  platform: 'facebook' | 'instagram',
  credentials: MetaPageOutboundCredentials,
  cfg: OutboundApiConfig,
  now: () => number = Date.now,
): OutboundAdapter {
  const maxTextLength = platform === 'instagram' ? INSTAGRAM_MAX_TEXT : MESSENGER_MAX_TEXT;
  const senderId = platform === 'instagram' ? (credentials.igUserId ?? credentials.pageId) : credentials.pageId;
  return {
    platform,
    maxTextLength,
    async send(message: OutboundMessage): Promise<SendResult> {
      const parts = splitText(message.text, maxTextLength);
      if (parts.length === 0) throw emptyMessageError();
      // Every part delivered by earlier attempts: nothing to send, whatever the window says now.
      if ((message.partsDone ?? 0) >= parts.length) return { externalIds: [], parts: parts.length };
      const type = chooseMessagingType(message, now());
      return sendInParts(message, parts.length, async (i) => {
        const res = await graphRequest<SendApiResponse>(cfg, platform, {
          method: 'POST',
          path: `${senderId}/messages`,
          accessToken: credentials.accessToken,
          tokenIn: 'query',
          body: { recipient: { id: message.to }, ...type, message: { text: parts[i]! } },
        });
        return [res.message_id];
      });
    },
  };
}

export function createFacebookSender(credentials: MetaPageOutboundCredentials, cfg: OutboundApiConfig): OutboundAdapter {
  return createMetaPageSender('facebook', credentials, cfg);
}

/** `GET /me` with the page token: proves the token is valid and belongs to this page. */
export async function testMetaPageConnection(
  platform: 'facebook' | 'instagram',
  credentials: MetaPageOutboundCredentials,
  cfg: OutboundApiConfig,
): Promise<ConnectionTestResult> {
  try {
    const me = await graphRequest<{ id: string; name?: string }>(cfg, platform, {
      method: 'GET',
      path: 'me',
      accessToken: credentials.accessToken,
      tokenIn: 'query',
    });
    if (me.id !== credentials.pageId && me.id !== credentials.igUserId) {
      return { ok: false, kind: 'auth', code: 'token_other_page', message: `The token belongs to ${me.id}, not page ${credentials.pageId}` };
    }
    return { ok: true, details: { id: me.id, name: me.name } };
  } catch (err) {
    if (err instanceof SendError) return connectionFailure(err);
    throw err;
  }
}

export function testFacebookConnection(credentials: MetaPageOutboundCredentials, cfg: OutboundApiConfig) {
  return testMetaPageConnection('facebook', credentials, cfg);
}

/** Messenger/Instagram attachments arrive as CDN URLs in the webhook; the "media id" is that URL. */
export async function fetchMetaPageMedia(
  platform: 'facebook' | 'instagram',
  cfg: OutboundApiConfig,
  mediaUrl: string,
  hosts: PlatformOutboundHosts,
): Promise<FetchedMedia> {
  return downloadMedia(mediaUrl, platform, outboundPolicy(cfg, hosts.media(cfg), { contentTypes: hosts.mediaContentTypes }));
}

export function fetchFacebookMedia(_credentials: MetaPageOutboundCredentials, cfg: OutboundApiConfig, mediaUrl: string) {
  return fetchMetaPageMedia('facebook', cfg, mediaUrl, facebookOutboundHosts);
}
