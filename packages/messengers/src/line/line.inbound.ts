import { DEFAULT_BODY_LIMIT, digestEquals, headerValue, hmacSha256, isoFromMillis, normalized, parseWith } from '../inbound.helpers';
import { WebhookParseError, type AccountRef, type Attachment, type EventKind, type InboundAdapter, type InboundEvent, type ParseResult } from '../types';
import {
  LineEventBaseSchema,
  LineMessageSchema,
  LinePostbackSchema,
  LineSecretsSchema,
  LineWebhookBodySchema,
  type LineMessage,
  type LineSecrets,
} from './line.schema';

export const LINE_SIGNATURE_HEADER = 'x-line-signature';

function messageContent(message: LineMessage, where: PropertyKey[]): { kind: EventKind; attachments: Attachment[] } | undefined {
  switch (message.type) {
    case 'text':
      if (message.text === undefined) throw new WebhookParseError(`malformed LINE message: ${[...where, 'text'].join('.')}: required`);
      return { kind: 'text', attachments: [] };
    case 'image':
    case 'video':
    case 'audio':
    case 'file': {
      const type = message.type as 'image' | 'video' | 'audio' | 'file';
      // LINE-hosted content is fetched by message id; "external" content has its own URL.
      const url = message.contentProvider?.type === 'external' ? message.contentProvider.originalContentUrl : undefined;
      return { kind: type, attachments: [{ type, mediaId: message.id, url, fileName: message.fileName }] };
    }
    case 'sticker':
      if (!message.packageId || !message.stickerId) {
        throw new WebhookParseError(`malformed LINE message: ${[...where, 'stickerId'].join('.')}: required`);
      }
      return {
        kind: 'sticker',
        attachments: [
          {
            type: 'sticker',
            mediaId: `${message.packageId}/${message.stickerId}`,
            title: message.keywords?.slice(0, 3).join(', '),
          },
        ],
      };
    case 'location':
      if (typeof message.latitude !== 'number' || typeof message.longitude !== 'number') {
        throw new WebhookParseError(`malformed LINE message: ${[...where, 'latitude'].join('.')}: required`);
      }
      return {
        kind: 'location',
        attachments: [{ type: 'location', latitude: message.latitude, longitude: message.longitude, title: message.title ?? message.address }],
      };
    default:
      return undefined;
  }
}

function parseEvent(raw: unknown, index: number, account: AccountRef, result: ParseResult): void {
  const where = ['events', index];
  const event = parseWith(LineEventBaseSchema, raw, where, 'LINE event');
  const ignore = (reason: string): void => {
    result.ignored.push({ reason: `line: ${reason}` });
  };

  const userId = event.source?.userId;
  // One-to-one chats only: group/room conversations are not modelled.
  if (event.source && event.source.type !== 'user') return ignore(`${event.type} from ${event.source.type}`);
  if (!userId) return ignore(`${event.type} without source.userId`);

  const base = {
    clinicId: account.clinicId,
    accountId: account.accountId,
    platform: 'line' as const,
    externalUserId: userId,
    replyToken: event.replyToken,
    sentAt: isoFromMillis(event.timestamp, `${where.join('.')}.timestamp`),
    raw,
  };
  let normalizedEvent: InboundEvent;

  switch (event.type) {
    case 'message': {
      const messageWhere = [...where, 'message'];
      const message = parseWith(LineMessageSchema, (raw as { message?: unknown }).message, messageWhere, 'LINE message');
      const content = messageContent(message, messageWhere);
      if (!content) return ignore(`message type ${message.type}`);
      normalizedEvent = normalized({
        ...base,
        kind: content.kind,
        // message.id is LINE's id for the content itself, stable across redeliveries.
        externalMessageId: message.id,
        text: message.text,
        attachments: content.attachments,
      });
      break;
    }
    case 'postback': {
      const postback = parseWith(LinePostbackSchema, (raw as { postback?: unknown }).postback, [...where, 'postback'], 'LINE postback');
      normalizedEvent = normalized({ ...base, kind: 'postback', externalMessageId: event.webhookEventId, postbackData: postback.data });
      break;
    }
    case 'follow':
    case 'unfollow':
      normalizedEvent = normalized({ ...base, kind: event.type, externalMessageId: event.webhookEventId });
      break;
    default:
      return ignore(`event type ${event.type}`);
  }
  result.events.push(normalizedEvent);
}

export const lineInbound: InboundAdapter<LineSecrets> = {
  platform: 'line',
  bodyLimit: DEFAULT_BODY_LIMIT,
  secretsSchema: LineSecretsSchema,

  verify({ rawBody, headers }, secrets) {
    const signature = headerValue(headers, LINE_SIGNATURE_HEADER);
    if (signature === undefined || !secrets.channelSecret) return false;
    return digestEquals(signature, hmacSha256(rawBody, secrets.channelSecret, 'base64'));
  },

  parse(body, account) {
    const webhook = parseWith(LineWebhookBodySchema, body, [], 'LINE webhook');
    const result: ParseResult = { events: [], ignored: [] };
    webhook.events.forEach((raw, index) => parseEvent(raw, index, account, result));
    return result;
  },
};
