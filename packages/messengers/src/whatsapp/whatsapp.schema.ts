import { z } from 'zod';

/** Decrypted credentials of a WhatsApp Cloud API business phone number. */
export const WhatsappCredentialsSchema = z.object({
  phoneNumberId: z.string().min(1),
  /** WhatsApp Business Account id (entry.id of webhooks). */
  wabaId: z.string().min(1).optional(),
  /** System user or business token. */
  accessToken: z.string().min(1),
  /** Signs webhooks (X-Hub-Signature-256). */
  appSecret: z.string().min(1),
  /** Echoed in the GET subscription handshake. */
  verifyToken: z.string().min(1),
});
export type WhatsappCredentials = z.infer<typeof WhatsappCredentialsSchema>;

export const WhatsappSecretsSchema = WhatsappCredentialsSchema;
export type WhatsappSecrets = WhatsappCredentials;

export const WhatsappWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string().min(1),
      changes: z.array(z.object({ field: z.string().min(1), value: z.unknown() })),
    }),
  ),
});

/** `value` of a `messages` change: inbound messages and status updates of our sends. */
export const WhatsappMessagesValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const UnixSecondsSchema = z.string().regex(/^\d{1,12}$/, 'expected Unix seconds as a string');

const MediaSchema = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

export const WhatsappMessageSchema = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: UnixSecondsSchema,
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  image: MediaSchema.optional(),
  video: MediaSchema.optional(),
  audio: MediaSchema.extend({ voice: z.boolean().optional() }).optional(),
  document: MediaSchema.extend({ filename: z.string().optional() }).optional(),
  sticker: MediaSchema.extend({ animated: z.boolean().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  /** Quick-reply button of a template message. */
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
});
export type WhatsappMessage = z.infer<typeof WhatsappMessageSchema>;

export const WhatsappStatusSchema = z.object({
  /** wamid of the message we sent. */
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: UnixSecondsSchema,
  recipient_id: z.string().min(1),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional() })).optional(),
});
export type WhatsappStatus = z.infer<typeof WhatsappStatusSchema>;
