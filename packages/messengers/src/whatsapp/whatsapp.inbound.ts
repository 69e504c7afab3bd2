import { isoFromSeconds, normalized, parseWith } from '../inbound.helpers';
import { verifyMetaSignature } from '../meta/meta.signature';
import { WebhookParseError, type AccountRef, type Attachment, type EventKind, type InboundAdapter, type ParseResult } from '../types';
import {
  WhatsappMessageSchema,
  WhatsappMessagesValueSchema,
  WhatsappSecretsSchema,
  WhatsappStatusSchema,
  WhatsappWebhookSchema,
  type WhatsappMessage,
  type WhatsappSecrets,
} from './whatsapp.schema';

/** Up to 1000 updates per POST: 3.5 MB leaves room above Meta's ~3 MB batches. */
export const WHATSAPP_BODY_LIMIT = Math.floor(3.5 * 1024 * 1024);

type Content = { kind: EventKind; text?: string; postbackData?: string; attachments: Attachment[] };

function required<T>(value: T | undefined, where: PropertyKey[], field: string): T {
  if (value === undefined) throw new WebhookParseError(`malformed WhatsApp message: ${[...where, field].join('.')}: required`);
  return value;
}

function messageContent(message: WhatsappMessage, where: PropertyKey[]): Content | undefined {
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: required(message.text, where, 'text').body, attachments: [] };
    case 'image':
    case 'video':
    case 'sticker': {
      const media = required(message[message.type], where, message.type);
      return { kind: message.type, text: media.caption, attachments: [{ type: message.type, mediaId: media.id, mimeType: media.mime_type }] };
    }
    case 'audio': {
      const media = required(message.audio, where, 'audio');
      return { kind: 'audio', attachments: [{ type: 'audio', mediaId: media.id, mimeType: media.mime_type }] };
    }
    case 'document': {
      const media = required(message.document, where, 'document');
      return {
        kind: 'file',
        text: media.caption,
        attachments: [{ type: 'file', mediaId: media.id, mimeType: media.mime_type, fileName: media.filename }],
      };
    }
    case 'location': {
      const location = required(message.location, where, 'location');
      return {
        kind: 'location',
        attachments: [{ type: 'location', latitude: location.latitude, longitude: location.longitude, title: location.name ?? location.address }],
      };
    }
    case 'button': {
      const button = required(message.button, where, 'button');
      return { kind: 'postback', text: button.text, postbackData: button.payload ?? button.text, attachments: [] };
    }
    case 'interactive': {
      const interactive = required(message.interactive, where, 'interactive');
      const reply = interactive.button_reply ?? interactive.list_reply;
      if (!reply) return undefined;
      return { kind: 'postback', text: reply.title, postbackData: reply.id, attachments: [] };
    }
    default:
      // reaction, contacts, order, system, unsupported…
      return undefined;
  }
}

function parseChangeValue(rawValue: unknown, where: PropertyKey[], account: AccountRef, secrets: WhatsappSecrets, result: ParseResult): void {
  const value = parseWith(WhatsappMessagesValueSchema, rawValue, where, 'WhatsApp messages value');
  // One app webhook can carry every number of the WABA: keep only this account's number.
  if (value.metadata.phone_number_id !== secrets.phoneNumberId) {
    result.ignored.push({ reason: `whatsapp: update for another phone number ${value.metadata.phone_number_id}` });
    return;
  }
  const base = { clinicId: account.clinicId, accountId: account.accountId, platform: 'whatsapp' as const };
  const names = new Map(value.contacts?.map((contact) => [contact.wa_id, contact.profile?.name]));

  value.messages?.forEach((raw, i) => {
    const at = [...where, 'messages', i];
    const message = parseWith(WhatsappMessageSchema, raw, at, 'WhatsApp message');
    const content = messageContent(message, at);
    if (!content) {
      result.ignored.push({ reason: `whatsapp: message type ${message.type}` });
      return;
    }
    result.events.push(
      normalized({
        ...base,
        kind: content.kind,
        externalUserId: message.from,
        displayName: names.get(message.from),
        externalMessageId: message.id,
        text: content.text,
        postbackData: content.postbackData,
        attachments: content.attachments,
        sentAt: isoFromSeconds(message.timestamp, `${at.join('.')}.timestamp`),
        raw,
      }),
    );
  });

  value.statuses?.forEach((raw, i) => {
    const at = [...where, 'statuses', i];
    const status = parseWith(WhatsappStatusSchema, raw, at, 'WhatsApp status');
    result.events.push(
      normalized({
        ...base,
        // sent / delivered / failed are delivery progress; read is its own kind.
        kind: status.status === 'read' ? 'read' : 'delivery',
        externalUserId: status.recipient_id,
        // One wamid moves through sent → delivered → read: the status makes each step unique.
        externalMessageId: `${status.id}:${status.status}`,
        receiptFor: [status.id],
        receiptStatus: status.status,
        sentAt: isoFromSeconds(status.timestamp, `${at.join('.')}.timestamp`),
        raw,
      }),
    );
  });
}

export const whatsappInbound: InboundAdapter<WhatsappSecrets> = {
  platform: 'whatsapp',
  bodyLimit: WHATSAPP_BODY_LIMIT,
  secretsSchema: WhatsappSecretsSchema,

  verify(input, secrets) {
    return verifyMetaSignature(input, secrets.appSecret);
  },

  parse(body, account, secrets) {
    const webhook = parseWith(WhatsappWebhookSchema, body, [], 'WhatsApp webhook');
    const result: ParseResult = { events: [], ignored: [] };
    webhook.entry.forEach((entry, e) => {
      entry.changes.forEach((change, c) => {
        if (change.field !== 'messages') {
          result.ignored.push({ reason: `whatsapp: change field ${change.field}` });
          return;
        }
        parseChangeValue(change.value, ['entry', e, 'changes', c, 'value'], account, secrets, result);
      });
    });
    return result;
  },
};
