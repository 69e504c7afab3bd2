/** What the pipeline needs from the AI consultant (packages/ai + packages/knowledge implement it). */
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
  /** The customer messages answered by this turn, in order. */
  messages: TurnMessage[];
  /** The customer's profile, already read by the turn's claim query (saves the consultant a query). */
  customer?: { languageCode: string | null; countryCode: string | null; timezone: string | null } | null;
  /** Earlier messages of the conversation (before this turn), oldest first, already read by the turn. */
  history?: { senderType: string; content: string }[];
}

export interface TurnOutput {
  /** Reply in the customer's language; when handing off, the notice telling them staff will answer. */
  text: string;
  language: string;
  /** Korean rendering of the reply for staff. */
  translatedKo?: string | null;
  aiMetadata: Record<string, unknown>;
  /** Handed to staff; `urgent` for a medical emergency (the notice is then the safety message). */
  handoff?: { reason: string; urgent?: boolean };
}

export interface Consultant {
  reply(input: TurnInput): Promise<TurnOutput>;
}

export interface InboundTranslation {
  language: string;
  /** Korean translation for staff; null when the message is Korean or there is no text. */
  korean: string | null;
  translated: boolean;
}

export interface InboundTranslator {
  /** Detects the language (hint as fallback) and translates to Korean for staff and retrieval. */
  toKorean(clinicId: string, text: string, languageHint: string | undefined): Promise<InboundTranslation>;
  /** Staff replies: Korean → the customer's language. */
  fromKorean(clinicId: string, text: string, to: string): Promise<{ text: string; translated: boolean; note?: string }>;
}
