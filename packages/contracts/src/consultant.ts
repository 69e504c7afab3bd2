// The consultant's contract: what the worker's pipeline calls and @hub/knowledge implements.

export interface TurnMessage {
  id: string;
  content: string;
  translatedContent: string | null;
  originalLanguage: string | null;
}

export interface TurnInput {
  clinicId: string;
  conversationId: string;
  customerId: string;
  messages: TurnMessage[];
  /** The customer's profile, when the caller already read it (saves a query); read by the consultant otherwise. */
  customer?: { languageCode: string | null; countryCode: string | null; timezone: string | null } | null;
  /** Earlier messages of the conversation (before this turn), oldest first, when the caller already read them. */
  history?: { senderType: string; content: string }[];
}

export interface TurnOutput {
  text: string;
  language: string;
  translatedKo?: string | null;
  aiMetadata: Record<string, unknown>;
  /** Handed to staff; `text` is then the notice the customer gets (never silence), `urgent` for emergencies. */
  handoff?: { reason: string; urgent?: boolean };
}

export interface Consultant {
  reply(input: TurnInput): Promise<TurnOutput>;
}

export interface InboundTranslation {
  language: string;
  korean: string | null;
  translated: boolean;
}

export interface InboundTranslator {
  toKorean(clinicId: string, text: string, languageHint: string | undefined): Promise<InboundTranslation>;
  fromKorean(clinicId: string, text: string, to: string): Promise<{ text: string; translated: boolean; note?: string }>;
}
