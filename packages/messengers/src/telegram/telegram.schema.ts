import { z } from 'zod';

/** Decrypted credentials of a Telegram account, as stored (encrypted) in the database. */
export const TelegramCredentialsSchema = z.object({
  /** `123456789:AA…` from BotFather; not pattern-checked so local fakes may use any token. */
  botToken: z.string().min(1),
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token (setWebhook secret_token rules). */
  webhookSecret: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'expected 1-256 chars of A-Z a-z 0-9 _ -'),
});
export type TelegramCredentials = z.infer<typeof TelegramCredentialsSchema>;

export const TelegramSecretsSchema = TelegramCredentialsSchema;
export type TelegramSecrets = TelegramCredentials;

export const TelegramUserSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
export type TelegramUser = z.infer<typeof TelegramUserSchema>;

export const TelegramChatSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const FileSchema = z.object({
  file_id: z.string().min(1),
  file_unique_id: z.string().optional(),
  file_size: z.number().optional(),
  mime_type: z.string().optional(),
  file_name: z.string().optional(),
});

const PhotoSizeSchema = z.object({
  file_id: z.string().min(1),
  file_unique_id: z.string().optional(),
  width: z.number(),
  height: z.number(),
  file_size: z.number().optional(),
});

const LocationSchema = z.object({ latitude: z.number(), longitude: z.number() });

export const TelegramMessageSchema = z.object({
  message_id: z.number().int(),
  from: TelegramUserSchema.optional(),
  chat: TelegramChatSchema,
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  /** Sizes of one photo, smallest first. */
  photo: z.array(PhotoSizeSchema).min(1).optional(),
  video: FileSchema.optional(),
  video_note: FileSchema.optional(),
  animation: FileSchema.optional(),
  voice: FileSchema.optional(),
  audio: FileSchema.extend({ title: z.string().optional() }).optional(),
  document: FileSchema.optional(),
  sticker: FileSchema.extend({ emoji: z.string().optional(), set_name: z.string().optional() }).optional(),
  location: LocationSchema.optional(),
  venue: z.object({ location: LocationSchema, title: z.string(), address: z.string() }).optional(),
});
export type TelegramMessage = z.infer<typeof TelegramMessageSchema>;

export const TelegramCallbackQuerySchema = z.object({
  id: z.string().min(1),
  from: TelegramUserSchema,
  /** Absent for inline-mode buttons; may be an InaccessibleMessage (date 0) for old messages. */
  message: z.object({ message_id: z.number().int(), chat: TelegramChatSchema, date: z.number().int() }).optional(),
  chat_instance: z.string(),
  data: z.string().optional(),
});
export type TelegramCallbackQuery = z.infer<typeof TelegramCallbackQuerySchema>;

const ChatMemberSchema = z.object({ status: z.string(), user: TelegramUserSchema });

export const TelegramChatMemberUpdatedSchema = z.object({
  chat: TelegramChatSchema,
  from: TelegramUserSchema,
  date: z.number().int(),
  old_chat_member: ChatMemberSchema,
  new_chat_member: ChatMemberSchema,
});
export type TelegramChatMemberUpdated = z.infer<typeof TelegramChatMemberUpdatedSchema>;

/** The envelope only; the one optional field an update carries is validated by its own schema. */
export const TelegramUpdateSchema = z.looseObject({ update_id: z.number().int() });
