import { DEFAULT_BODY_LIMIT, headerValue, isoFromSeconds, normalized, parseWith, secretEquals } from '../inbound.helpers';
import type { AccountRef, Attachment, EventKind, InboundAdapter, InboundEvent, ParseResult } from '../types';
import {
  TelegramCallbackQuerySchema,
  TelegramChatMemberUpdatedSchema,
  TelegramMessageSchema,
  TelegramSecretsSchema,
  TelegramUpdateSchema,
  type TelegramMessage,
  type TelegramSecrets,
  type TelegramUser,
} from './telegram.schema';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function displayName(user: TelegramUser | undefined): string | undefined {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return name || user.username;
}

function messageContent(message: TelegramMessage): { kind: EventKind; attachments: Attachment[] } | undefined {
  if (message.text !== undefined) return { kind: 'text', attachments: [] };
  if (message.photo) {
    // Sizes come smallest first; the worker downloads the largest.
    const largest = message.photo[message.photo.length - 1]!;
    return { kind: 'image', attachments: [{ type: 'image', mediaId: largest.file_id }] };
  }
  const file = (type: Attachment['type'], f: NonNullable<TelegramMessage['document']>): Attachment => ({
    type,
    mediaId: f.file_id,
    mimeType: f.mime_type,
    fileName: f.file_name,
  });
  const video = message.video ?? message.video_note ?? message.animation;
  if (video) return { kind: 'video', attachments: [file('video', video)] };
  const audio = message.voice ?? message.audio;
  if (audio) return { kind: 'audio', attachments: [file('audio', audio)] };
  if (message.document) return { kind: 'file', attachments: [file('file', message.document)] };
  if (message.sticker) {
    return {
      kind: 'sticker',
      attachments: [{ type: 'sticker', mediaId: message.sticker.file_id, title: message.sticker.emoji }],
    };
  }
  const location = message.venue?.location ?? message.location;
  if (location) {
    return {
      kind: 'location',
      attachments: [{ type: 'location', latitude: location.latitude, longitude: location.longitude, title: message.venue?.title }],
    };
  }
  return undefined;
}

function parseUpdate(update: Record<string, unknown>, account: AccountRef): ParseResult {
  const base = { clinicId: account.clinicId, accountId: account.accountId, platform: 'telegram' as const, raw: update };

  if (update.message !== undefined) {
    const message = parseWith(TelegramMessageSchema, update.message, ['message'], 'Telegram message');
    // A clinic bot talks one-to-one; group chats would need chat-level conversations.
    if (message.chat.type !== 'private') return ignore(`message in ${message.chat.type} chat`);
    const content = messageContent(message);
    if (!content) return ignore('message without supported content');
    const event: InboundEvent = normalized({
      ...base,
      kind: content.kind,
      externalUserId: String(message.chat.id),
      displayName: displayName(message.from),
      languageHint: message.from?.language_code,
      // chat id + message_id is unique per bot and survives redelivery (update_id does too, but
      // message ids also let replies and edits refer back to the same row).
      externalMessageId: `${message.chat.id}:${message.message_id}`,
      text: message.text ?? message.caption,
      attachments: content.attachments,
      sentAt: isoFromSeconds(message.date, 'message.date'),
    });
    return { events: [event], ignored: [] };
  }

  if (update.callback_query !== undefined) {
    const query = parseWith(TelegramCallbackQuerySchema, update.callback_query, ['callback_query'], 'Telegram callback_query');
    if (query.message && query.message.chat.type !== 'private') return ignore(`callback_query in ${query.message.chat.type} chat`);
    const event = normalized({
      ...base,
      kind: 'postback',
      externalUserId: String(query.message?.chat.id ?? query.from.id),
      displayName: displayName(query.from),
      languageHint: query.from.language_code,
      externalMessageId: `callback:${query.id}`,
      postbackData: query.data,
      // Telegram gives a callback query no timestamp: the time we parse it is within seconds.
      sentAt: new Date().toISOString(),
    });
    return { events: [event], ignored: [] };
  }

  if (update.my_chat_member !== undefined) {
    const change = parseWith(TelegramChatMemberUpdatedSchema, update.my_chat_member, ['my_chat_member'], 'Telegram my_chat_member');
    if (change.chat.type !== 'private') return ignore(`my_chat_member in ${change.chat.type} chat`);
    const status = change.new_chat_member.status;
    // In a private chat the bot is 'kicked' when the user blocks it and 'member' again on restart.
    const kind = status === 'kicked' ? 'unfollow' : status === 'member' ? 'follow' : undefined;
    if (!kind) return ignore(`my_chat_member status ${status}`);
    const event = normalized({
      ...base,
      kind,
      externalUserId: String(change.chat.id),
      displayName: displayName(change.from),
      languageHint: change.from.language_code,
      externalMessageId: `member:${change.chat.id}:${change.date}:${status}`,
      sentAt: isoFromSeconds(change.date, 'my_chat_member.date'),
    });
    return { events: [event], ignored: [] };
  }

  const type = Object.keys(update).find((key) => key !== 'update_id');
  return ignore(type ? `update type ${type}` : 'update without content');
}

function ignore(reason: string): ParseResult {
  return { events: [], ignored: [{ reason: `telegram: ${reason}` }] };
}

export const telegramInbound: InboundAdapter<TelegramSecrets> = {
  platform: 'telegram',
  bodyLimit: DEFAULT_BODY_LIMIT,
  secretsSchema: TelegramSecretsSchema,

  verify({ headers }, secrets) {
    const token = headerValue(headers, TELEGRAM_SECRET_HEADER);
    return token !== undefined && secretEquals(token, secrets.webhookSecret);
  },

  parse(body, account) {
    const update = parseWith(TelegramUpdateSchema, body, [], 'Telegram update');
    return parseUpdate(update, account);
  },
};
