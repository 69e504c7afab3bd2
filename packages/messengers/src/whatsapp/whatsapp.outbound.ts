import { z } from 'zod';
import { SendError, sendInParts, type OutboundAdapter, type OutboundMessage, type SendResult } from '../types';
import { splitText } from '../split-text';
import { WINDOW_24H_MS, connectionFailure, emptyMessageError, type ConnectionTestResult, type FetchedMedia, type OutboundApiConfig } from '../outbound-http';
import { downloadMedia, graphRequest } from '../meta-graph.client';
import { outboundPolicy } from '../outbound-guard';
import { whatsappOutboundHosts } from './whatsapp.hosts';

export const WHATSAPP_MAX_TEXT = 4096;

export const WhatsAppOutboundCredentialsSchema = z.object({
  phoneNumberId: z.string().min(1),
  wabaId: z.string().optional(),
  accessToken: z.string().min(1),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
});
export type WhatsAppOutboundCredentials = z.infer<typeof WhatsAppOutboundCredentialsSchema>;

interface CloudApiSendResponse {
  messaging_product: 'whatsapp';
  contacts?: { input: string; wa_id: string }[];
  messages: { id: string; message_status?: string }[];
}

export function createWhatsAppSender(credentials: WhatsAppOutboundCredentials, cfg: OutboundApiConfig, now: () => number = Date.now): OutboundAdapter {
  return {
    platform: 'whatsapp',
    maxTextLength: WHATSAPP_MAX_TEXT,
    async send(message: OutboundMessage): Promise<SendResult> {
      const parts = splitText(message.text, WHATSAPP_MAX_TEXT);
      if (parts.length === 0) throw emptyMessageError();
      // Every part delivered by earlier attempts: nothing to send, whatever the window says now.
      if ((message.partsDone ?? 0) >= parts.length) return { externalIds: [], parts: parts.length };
      // Free-form text is only allowed in the customer service window; outside it the API answers
      // 131047 and staff must pick an approved template instead.
      if (message.lastCustomerMessageAt && now() - message.lastCustomerMessageAt.getTime() > WINDOW_24H_MS) {
        throw new SendError('permanent', 'template_required', 'The 24-hour WhatsApp window has closed: a template message is required');
      }
      return sendInParts(message, parts.length, async (i) => {
        const res = await graphRequest<CloudApiSendResponse>(cfg, 'whatsapp', {
          method: 'POST',
          path: `${credentials.phoneNumberId}/messages`,
          accessToken: credentials.accessToken,
          tokenIn: 'bearer',
          body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to, type: 'text', text: { preview_url: false, body: parts[i]! } },
        });
        const id = res.messages?.[0]?.id;
        if (!id) throw new SendError('transient', 'unexpected_response', 'WhatsApp answered without messages[0].id');
        return [id];
      });
    },
  };
}

/** `GET /{phoneNumberId}`: the token can see this number. */
export async function testWhatsAppConnection(credentials: WhatsAppOutboundCredentials, cfg: OutboundApiConfig): Promise<ConnectionTestResult> {
  try {
    const info = await graphRequest<{ id: string; display_phone_number?: string; verified_name?: string; quality_rating?: string }>(cfg, 'whatsapp', {
      method: 'GET',
      path: credentials.phoneNumberId,
      accessToken: credentials.accessToken,
      tokenIn: 'bearer',
    });
    return {
      ok: true,
      details: { id: info.id, displayPhoneNumber: info.display_phone_number, verifiedName: info.verified_name, qualityRating: info.quality_rating },
    };
  } catch (err) {
    if (err instanceof SendError) return connectionFailure(err);
    throw err;
  }
}

/** `GET /{mediaId}` → short-lived `url`, downloaded with the same bearer token. */
export async function fetchWhatsAppMedia(credentials: WhatsAppOutboundCredentials, cfg: OutboundApiConfig, mediaId: string): Promise<FetchedMedia> {
  const meta = await graphRequest<{ url: string; mime_type?: string; file_size?: number; id: string }>(cfg, 'whatsapp', {
    method: 'GET',
    path: encodeURIComponent(mediaId),
    accessToken: credentials.accessToken,
    tokenIn: 'bearer',
  });
  const policy = outboundPolicy(cfg, whatsappOutboundHosts.media(cfg), { contentTypes: whatsappOutboundHosts.mediaContentTypes });
  const media = await downloadMedia(meta.url, 'whatsapp', policy, credentials.accessToken);
  return { bytes: media.bytes, mimeType: meta.mime_type ?? media.mimeType };
}
