/** The events the API streams to the console (SSE), published by the worker and the API. */
export const LIVE_EVENT_TYPES = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'conversation.takeover',
  'satisfaction.changed',
  'alert',
  'send.failed',
  'account.disconnected',
  'dead_letter.updated',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** One event as published (Redis stream and channel): its clinic and its data. */
export interface LiveEvent {
  type: LiveEventType;
  clinicId: string;
  data: Record<string, unknown>;
}

export interface StoredLiveEvent extends LiveEvent {
  id: string;
}

/** One event as the console receives it over SSE: `{ type, ...data }`. */
export interface LiveEventMessage {
  type: LiveEventType;
  conversationId?: string;
  messageId?: string;
  [key: string]: unknown;
}
