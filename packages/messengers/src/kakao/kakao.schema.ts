import { z } from 'zod';

/** Decrypted credentials of a KakaoTalk channel chatbot (Kakao i Open Builder). */
export const KakaoCredentialsSchema = z.object({
  /** Open Builder bot id; skill requests carry it as bot.id. */
  botId: z.string().min(1),
  /** Sent by the skill as the X-Hub-Kakao-Secret header (configured in the skill's headers). */
  webhookSecret: z.string().min(16, 'use at least 16 characters'),
  /** REST API key for the Event API (bot-initiated messages). */
  eventApiKey: z.string().min(1).optional(),
  /** Kakao Talk channel public id (_xxxx). */
  channelId: z.string().min(1).optional(),
});
export type KakaoCredentials = z.infer<typeof KakaoCredentialsSchema>;

export const KakaoSecretsSchema = KakaoCredentialsSchema;
export type KakaoSecrets = KakaoCredentials;

const NamedSchema = z.object({ id: z.string().min(1), name: z.string().nullish() });

/** SkillPayload sent by Open Builder to a skill server. */
export const KakaoSkillRequestSchema = z.object({
  intent: NamedSchema.optional(),
  userRequest: z.object({
    timezone: z.string().nullish(),
    params: z.record(z.string(), z.unknown()).optional(),
    block: NamedSchema.optional(),
    utterance: z.string(),
    lang: z.string().nullish(),
    user: z.object({
      id: z.string().min(1),
      type: z.string(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
    /** Present only when the block has callback enabled: one-time, valid for 1 minute. */
    callbackUrl: z.url().optional(),
  }),
  bot: NamedSchema,
  action: z
    .object({
      id: z.string().min(1),
      name: z.string().optional(),
      params: z.record(z.string(), z.unknown()).optional(),
      detailParams: z.record(z.string(), z.unknown()).optional(),
      clientExtra: z.record(z.string(), z.unknown()).nullish(),
    })
    .optional(),
  contexts: z.array(z.unknown()).optional(),
});
export type KakaoSkillRequest = z.infer<typeof KakaoSkillRequestSchema>;

/** userRequest.params.media when the user uploads a picture (or other media) in the chat. */
export const KakaoMediaParamSchema = z.object({
  type: z.enum(['image', 'video', 'audio', 'file']),
  url: z.string().min(1),
});
