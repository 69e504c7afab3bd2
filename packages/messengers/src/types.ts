import { z } from 'zod';
import { PLATFORMS, type Platform } from './platform-names';
import { AppError, type OutsideErrorKind } from '@hub/contracts';

export { PLATFORMS, type Platform } from './platform-names';
export const PlatformSchema = z.enum(PLATFORMS);

export const EVENT_KINDS = [
  'text',
  'image',
  'video',
  'audio',
  'file',
  'sticker',
  'location',
  'postback',
  'follow',
  'unfollow',
  'delivery',
  'read',
  'echo',
] as const;
export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;

export const AttachmentSchema = z.object({
  type: z.enum(['image', 'video', 'audio', 'file', 'sticker', 'location']),
  /** Platform media id (Telegram file_id, LINE message id, WhatsApp media id) fetched later by the worker. */
  mediaId: z.string().optional(),
  url: z.string().optional(),
  mimeType: z.string().optional(),
  fileName: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  title: z.string().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** One normalized platform event. Customer-visible kinds become messages; the rest update state. */
export const InboundEventSchema = z.object({
  clinicId: z.string().uuid(),
  accountId: z.string().uuid(),
  platform: PlatformSchema,
  kind: EventKindSchema,
  externalUserId: z.string().min(1),
  displayName: z.string().optional(),
  languageHint: z.string().optional(),
  /** Stable per platform event; used for the job id and the messages unique key. */
  externalMessageId: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(AttachmentSchema).default([]),
  /** Postback / quick reply payload. */
  postbackData: z.string().optional(),
  /** For delivery/read receipts: which of our message ids (or watermark) they refer to. */
  receiptFor: z.array(z.string()).optional(),
  receiptStatus: z.string().optional(),
  /** LINE reply token (valid ~1 minute) or Kakao callback URL. */
  replyToken: z.string().optional(),
  callbackUrl: z.string().url().optional(),
  sentAt: z.string().datetime({ offset: true }),
  raw: z.unknown(),
});
export type InboundEvent = z.infer<typeof InboundEventSchema>;
export type InboundEventInput = z.input<typeof InboundEventSchema>;

export interface AccountRef {
  clinicId: string;
  accountId: string;
}

export interface VerifyInput {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** Inbound half of a platform adapter: verify raw bytes, then parse into normalized events. */
export interface InboundAdapter<Secrets> {
  platform: Platform;
  /** Max webhook body size in bytes. */
  bodyLimit: number;
  /** zod schema of the secrets this adapter needs from the decrypted credentials. */
  secretsSchema: z.ZodType<Secrets>;
  verify(input: VerifyInput, secrets: Secrets): boolean;
  /**
   * Second verification step on the parsed JSON, for platforms whose signature does not cover
   * the body (Kakao: the skill request's bot.id must be this account's bot). False → 401.
   */
  verifyParsed?(body: unknown, secrets: Secrets): boolean;
  /** Throws WebhookParseError (→ 400) on malformed/unsupported shapes. */
  parse(body: unknown, account: AccountRef, secrets: Secrets): ParseResult;
}

export interface ParseResult {
  events: InboundEvent[];
  /** Supported-but-ignored items (counted, answered 200). */
  ignored: { reason: string }[];
}

/** A webhook body of a shape the adapter does not accept (400 to the platform: a redelivery would not help). */
export class WebhookParseError extends AppError {
  constructor(
    message: string,
    readonly issues?: unknown,
  ) {
    super({ kind: 'invalid', code: 'unsupported_shape', message, userMessage: message });
    this.name = 'WebhookParseError';
  }
}

export interface OutboundMessage {
  /** Recipient's platform user id. */
  to: string;
  text: string;
  /** Our message id; used as the platform idempotency key where one exists (LINE X-Line-Retry-Key). */
  idempotencyKey: string;
  /** LINE reply token if still valid; Kakao callback URL. */
  replyToken?: string;
  callbackUrl?: string;
  /** When the customer last wrote (24h window rules). */
  lastCustomerMessageAt?: Date;
  /** Staff reply (Meta HUMAN_AGENT tag inside 7 days). */
  fromStaff?: boolean;
  /** Platform calls of this reply already accepted by an earlier attempt: they are not made again. */
  partsDone?: number;
  /**
   * An earlier attempt of this reply was made (it timed out, failed or was cut off by a crash). A Kakao
   * callback URL (single use, held only by the hub, one per customer turn) found already used was used by
   * that attempt: delivered, not sent again by the Event API. (A LINE reply token found invalid may have
   * expired instead, so LINE falls back to a keyed push.)
   */
  previousAttemptInterrupted?: boolean;
  /**
   * Called after each accepted platform call, before the next one is made: the caller records the
   * acceptance so that a later failure never repeats it. Its errors are the caller's, not the platform's.
   */
  onPartAccepted?: (part: AcceptedPart) => Promise<void>;
}

export interface AcceptedPart {
  /** Index of the platform call within the reply (0-based). */
  index: number;
  /** The platform's ids for this call's messages. */
  externalIds: string[];
  /** The reply's last call: the reply is wholly delivered. */
  last: boolean;
}

export interface SendResult {
  /** The platform ids of the calls made by this send (not those of partsDone). */
  externalIds: string[];
  /** Platform calls the whole reply takes. */
  parts: number;
}

/**
 * Makes a reply's platform calls in order, from `message.partsDone`, handing each acceptance to
 * `message.onPartAccepted` before the next call: one reply split into several platform messages is
 * resumed where it stopped instead of being repeated from its first part.
 */
export async function sendInParts(message: OutboundMessage, count: number, call: (index: number) => Promise<string[]>): Promise<SendResult> {
  const externalIds: string[] = [];
  for (let index = message.partsDone ?? 0; index < count; index++) {
    const ids = await call(index);
    externalIds.push(...ids);
    await message.onPartAccepted?.({ index, externalIds: ids, last: index === count - 1 });
  }
  return { externalIds, parts: count };
}

/** Outbound half: send one logical reply (adapter splits at platform limits). */
export interface OutboundAdapter {
  platform: Platform;
  maxTextLength: number;
  send(message: OutboundMessage): Promise<SendResult>;
}

export type SendErrorKind = OutsideErrorKind;

/** A platform's refusal or failure of a send: the worker maps kind → retry / disconnect account / fail for good. */
export class SendError extends AppError {
  override readonly kind: SendErrorKind;

  constructor(kind: SendErrorKind, code: string, message: string, retryAfterMs?: number, options: { status?: number; cause?: unknown } = {}) {
    super({ kind, code, message, userMessage: 'the messenger platform did not accept the message', retryAfterMs, ...options });
    this.name = 'SendError';
    this.kind = kind;
  }
}
