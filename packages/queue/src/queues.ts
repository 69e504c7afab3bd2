import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Queue names, written down once. */
export const QUEUES = Object.freeze({
  inbound: 'inbound',
  turn: 'turn',
  send: 'send',
  satisfaction: 'satisfaction',
  knowledge: 'knowledge-index',
  media: 'media',
  summary: 'summary',
} as const);
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const uuid = z.string().uuid();

/** Inbound: one normalized platform event (validated again by the worker with InboundEventSchema). */
export const InboundJobSchema = z.object({
  clinicId: uuid,
  accountId: uuid,
  requestId: z.string(),
  receivedAt: z.string(),
  event: z.record(z.string(), z.unknown()),
});
export type InboundJob = z.infer<typeof InboundJobSchema>;

export const TurnJobSchema = z.object({ clinicId: uuid, conversationId: uuid, requestId: z.string().optional() });
export type TurnJob = z.infer<typeof TurnJobSchema>;

export const SendJobSchema = z.object({
  clinicId: uuid,
  messageId: uuid,
  requestId: z.string().optional(),
  /** The conversation's messenger account and platform, when the producer knows them: the send asks the rate limiter first and claims + reads the message in one statement. */
  accountId: uuid.optional(),
  platform: z.string().optional(),
});
export type SendJob = z.infer<typeof SendJobSchema>;

export const SatisfactionJobSchema = z.object({ clinicId: uuid, conversationId: uuid, messageId: uuid });
export type SatisfactionJob = z.infer<typeof SatisfactionJobSchema>;

/** Recompute a conversation's summary and intents (debounced per conversation; reads the messages itself). */
export const SummaryJobSchema = z.object({ clinicId: uuid, conversationId: uuid });
export type SummaryJob = z.infer<typeof SummaryJobSchema>;

export const KnowledgeJobSchema = z.object({
  clinicId: uuid.nullable(),
  sourceType: z.enum(['procedure', 'clinic_procedure', 'pricing', 'response_library', 'medical_term', 'clinic_info']),
  sourceId: uuid,
});
export type KnowledgeJob = z.infer<typeof KnowledgeJobSchema>;

export const MediaJobSchema = z.object({ clinicId: uuid, messageId: uuid });
export type MediaJob = z.infer<typeof MediaJobSchema>;

// BullMQ job ids are Redis key parts: keep them free of ':' and bounded in length.
const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 40);

/** The same platform event always maps to the same job: redeliveries and replicas collapse into one. */
export const inboundJobId = (accountId: string, externalMessageId: string) => `in_${accountId}_${h(externalMessageId)}`;
export const sendJobId = (messageId: string) => `send_${messageId}`;
export const satisfactionJobId = (messageId: string) => `sat_${messageId}`;
export const mediaJobId = (messageId: string) => `media_${messageId}`;
export const knowledgeJobId = (sourceType: string, sourceId: string) => `kn_${sourceType}_${sourceId}`;
