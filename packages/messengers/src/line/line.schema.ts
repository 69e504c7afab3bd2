import { z } from 'zod';

/** Decrypted credentials of a LINE Official Account channel, as stored in the database. */
export const LineCredentialsSchema = z.object({
  channelId: z.string().min(1),
  /** Signs webhooks (x-line-signature). */
  channelSecret: z.string().min(1),
  /** Long-lived channel access token for the Messaging API. */
  accessToken: z.string().min(1),
});
export type LineCredentials = z.infer<typeof LineCredentialsSchema>;

export const LineSecretsSchema = LineCredentialsSchema;
export type LineSecrets = LineCredentials;

export const LineWebhookBodySchema = z.object({
  /** The bot's user id. */
  destination: z.string().min(1),
  /** Empty when the console's "Verify" button pings the endpoint. */
  events: z.array(z.unknown()),
});

export const LineSourceSchema = z.object({
  type: z.string(),
  userId: z.string().min(1).optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});

/** Fields common to every webhook event; the type-specific part is checked per type. */
export const LineEventBaseSchema = z.object({
  type: z.string().min(1),
  mode: z.string().optional(),
  timestamp: z.number(),
  source: LineSourceSchema.optional(),
  webhookEventId: z.string().min(1),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().min(1).optional(),
});
export type LineEventBase = z.infer<typeof LineEventBaseSchema>;

export const LineMessageSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  text: z.string().optional(),
  quoteToken: z.string().optional(),
  contentProvider: z.object({ type: z.string(), originalContentUrl: z.string().optional(), previewImageUrl: z.string().optional() }).optional(),
  fileName: z.string().optional(),
  fileSize: z.number().optional(),
  title: z.string().optional(),
  address: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  packageId: z.string().optional(),
  stickerId: z.string().optional(),
  stickerResourceType: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});
export type LineMessage = z.infer<typeof LineMessageSchema>;

export const LinePostbackSchema = z.object({
  data: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
