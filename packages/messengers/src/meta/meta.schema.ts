import { z } from 'zod';

/** Credentials of a Facebook Page (Messenger) or of the Page an Instagram account is linked to. */
export const MetaPageCredentialsSchema = z.object({
  pageId: z.string().min(1),
  /** Page access token. */
  accessToken: z.string().min(1),
  /** Signs webhooks (X-Hub-Signature-256). */
  appSecret: z.string().min(1),
  /** Echoed in the GET subscription handshake. */
  verifyToken: z.string().min(1),
  /** Instagram professional account id (entry.id of Instagram webhooks). */
  igUserId: z.string().min(1).optional(),
});
export type MetaPageCredentials = z.infer<typeof MetaPageCredentialsSchema>;

const IdSchema = z.object({ id: z.string().min(1) });

/** Messenger and Instagram share this envelope; only `object` differs. */
export const MetaMessagingWebhookSchema = z.object({
  object: z.string(),
  entry: z.array(z.unknown()),
});

export const MetaMessagingEntrySchema = z.object({
  id: z.string().min(1),
  time: z.number(),
  messaging: z.array(z.unknown()).optional(),
  /** Events for threads another app (e.g. a Page inbox) currently controls. */
  standby: z.array(z.unknown()).optional(),
  /** Feed/comment style changes (Instagram comments, mentions…), not messaging. */
  changes: z.array(z.object({ field: z.string() })).optional(),
});

const AttachmentSchema = z.object({
  type: z.string().min(1),
  payload: z
    .object({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.number().optional(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
});
export type MetaAttachment = z.infer<typeof AttachmentSchema>;

export const MetaMessageEventSchema = z.object({
  sender: IdSchema,
  recipient: IdSchema,
  timestamp: z.number().optional(),
  message: z.object({
    mid: z.string().min(1),
    text: z.string().optional(),
    is_echo: z.boolean().optional(),
    is_deleted: z.boolean().optional(),
    is_unsupported: z.boolean().optional(),
    app_id: z.number().optional(),
    metadata: z.string().optional(),
    sticker_id: z.number().optional(),
    quick_reply: z.object({ payload: z.string() }).optional(),
    attachments: z.array(AttachmentSchema).optional(),
  }),
});
export type MetaMessageEvent = z.infer<typeof MetaMessageEventSchema>;

export const MetaPostbackEventSchema = z.object({
  sender: IdSchema,
  recipient: IdSchema,
  timestamp: z.number().optional(),
  postback: z.object({ mid: z.string().min(1).optional(), title: z.string().optional(), payload: z.string().optional() }),
});

export const MetaDeliveryEventSchema = z.object({
  sender: IdSchema,
  recipient: IdSchema,
  timestamp: z.number().optional(),
  delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number() }),
});

/** Messenger reads carry a watermark; Instagram's messaging_seen carries the mid read. */
export const MetaReadEventSchema = z.object({
  sender: IdSchema,
  recipient: IdSchema,
  timestamp: z.number().optional(),
  read: z
    .object({ watermark: z.number().optional(), mid: z.string().min(1).optional() })
    .refine((read) => read.watermark !== undefined || read.mid !== undefined, 'watermark or mid required'),
});
