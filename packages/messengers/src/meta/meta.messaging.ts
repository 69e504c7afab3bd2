import { isoFromMillis, isRecord, normalized, parseWith } from '../inbound.helpers';
import type { AccountRef, Attachment, EventKind, InboundEvent, ParseResult } from '../types';
import {
  MetaDeliveryEventSchema,
  MetaMessageEventSchema,
  MetaMessagingEntrySchema,
  MetaMessagingWebhookSchema,
  MetaPostbackEventSchema,
  MetaReadEventSchema,
  type MetaAttachment,
  type MetaMessageEvent,
} from './meta.schema';
import { WebhookParseError } from '../types';

export interface MessagingTarget {
  platform: 'facebook' | 'instagram';
  /** Expected `object` of the webhook: `page` (Messenger) or `instagram`. */
  object: 'page' | 'instagram';
  /** entry.id this account owns; entries for other Pages/accounts of the same app are skipped. */
  ownId?: string;
}

const HANDLED = new Set(['message', 'postback', 'delivery', 'read']);
const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

function attachment(item: MetaAttachment): Attachment {
  const payload = item.payload ?? undefined;
  switch (item.type) {
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
      return { type: item.type, url: payload?.url };
    case 'location':
      return {
        type: 'location',
        latitude: payload?.coordinates?.lat,
        longitude: payload?.coordinates?.long,
        title: payload?.title,
        url: payload?.url,
      };
    default:
      // share, story_mention, ig_reel, fallback, template…: keep the link so staff can open it.
      return { type: 'file', url: payload?.url, title: payload?.title ?? item.type };
  }
}

function messageContent(message: MetaMessageEvent['message']): { kind: EventKind; attachments: Attachment[] } | undefined {
  const attachments = (message.attachments ?? []).map(attachment);
  if (message.sticker_id !== undefined) {
    const url = message.attachments?.[0]?.payload?.url;
    return { kind: 'sticker', attachments: [{ type: 'sticker', mediaId: String(message.sticker_id), url }] };
  }
  if (message.quick_reply) return { kind: 'postback', attachments };
  if (message.text !== undefined) return { kind: 'text', attachments };
  const first = attachments[0];
  if (!first) return undefined;
  return { kind: first.type, attachments };
}

function parseItem(raw: unknown, where: PropertyKey[], entryTime: number, account: AccountRef, target: MessagingTarget, result: ParseResult): void {
  const ignore = (reason: string): void => {
    result.ignored.push({ reason: `${target.platform}: ${reason}` });
  };
  if (!isRecord(raw)) throw new WebhookParseError(`malformed ${target.platform} event: ${where.join('.')}: expected object`);
  const type = Object.keys(raw).find((key) => !ENVELOPE_KEYS.has(key));
  if (type === undefined || !HANDLED.has(type)) return ignore(`messaging event ${type ?? '(empty)'}`);

  const what = `${target.platform} ${type} event`;
  const base = { clinicId: account.clinicId, accountId: account.accountId, platform: target.platform, raw };
  const sentAt = (timestamp: number | undefined) => isoFromMillis(timestamp ?? entryTime, `${where.join('.')}.timestamp`);
  let event: InboundEvent;

  if (type === 'message') {
    const item = parseWith(MetaMessageEventSchema, raw, where, what);
    const { message } = item;
    if (message.is_deleted) return ignore('message deleted');
    if (message.is_unsupported) return ignore('unsupported message');
    const content = messageContent(message);
    if (!content) return ignore('message without content');
    const echo = message.is_echo === true;
    event = normalized({
      ...base,
      // An echo is our own send seen from the Page: the customer is the recipient.
      kind: echo ? 'echo' : content.kind,
      externalUserId: echo ? item.recipient.id : item.sender.id,
      externalMessageId: message.mid,
      text: message.text,
      attachments: content.attachments,
      postbackData: message.quick_reply?.payload,
      sentAt: sentAt(item.timestamp),
    });
  } else if (type === 'postback') {
    const item = parseWith(MetaPostbackEventSchema, raw, where, what);
    const timestamp = item.timestamp ?? entryTime;
    event = normalized({
      ...base,
      kind: 'postback',
      externalUserId: item.sender.id,
      // Older API versions send no mid for postbacks; sender + time is unique per tap.
      externalMessageId: item.postback.mid ?? `postback:${item.sender.id}:${timestamp}`,
      text: item.postback.title,
      postbackData: item.postback.payload,
      sentAt: sentAt(timestamp),
    });
  } else if (type === 'delivery') {
    const item = parseWith(MetaDeliveryEventSchema, raw, where, what);
    const { mids, watermark } = item.delivery;
    event = normalized({
      ...base,
      kind: 'delivery',
      externalUserId: item.sender.id,
      externalMessageId: `delivery:${item.sender.id}:${watermark}`,
      receiptFor: mids?.length ? mids : [`watermark:${watermark}`],
      receiptStatus: 'delivered',
      // Deliveries carry no timestamp: everything before the watermark was delivered by then.
      sentAt: sentAt(item.timestamp ?? watermark),
    });
  } else {
    const item = parseWith(MetaReadEventSchema, raw, where, what);
    const { mid, watermark } = item.read;
    const ref = mid ?? `watermark:${watermark}`;
    event = normalized({
      ...base,
      kind: 'read',
      externalUserId: item.sender.id,
      externalMessageId: `read:${item.sender.id}:${mid ?? watermark}`,
      receiptFor: [ref],
      receiptStatus: 'read',
      sentAt: sentAt(item.timestamp ?? watermark),
    });
  }
  result.events.push(event);
}

/** Messenger and Instagram messaging webhooks: entry[] × messaging[] → one event per item. */
export function parseMessagingWebhook(body: unknown, account: AccountRef, target: MessagingTarget): ParseResult {
  const webhook = parseWith(MetaMessagingWebhookSchema, body, [], `${target.platform} webhook`);
  if (webhook.object !== target.object) {
    throw new WebhookParseError(`malformed ${target.platform} webhook: object: expected "${target.object}", got "${webhook.object}"`);
  }
  const result: ParseResult = { events: [], ignored: [] };
  webhook.entry.forEach((rawEntry, e) => {
    const entry = parseWith(MetaMessagingEntrySchema, rawEntry, ['entry', e], `${target.platform} entry`);
    if (target.ownId !== undefined && entry.id !== target.ownId) {
      result.ignored.push({ reason: `${target.platform}: entry for another account ${entry.id}` });
      return;
    }
    entry.messaging?.forEach((raw, m) => parseItem(raw, ['entry', e, 'messaging', m], entry.time, account, target, result));
    entry.standby?.forEach(() => result.ignored.push({ reason: `${target.platform}: standby event (thread owned by another app)` }));
    entry.changes?.forEach((change) => result.ignored.push({ reason: `${target.platform}: change field ${change.field}` }));
  });
  return result;
}
