import type { LangCode, PerLang } from '../lang';

export type GuardRule =
  | 'prompt_injection'
  | 'prompt_echo'
  | 'internal_data'
  | 'contact_details'
  | 'ai_identity'
  | 'medical_claims'
  | 'discount_wording'
  | 'price_accuracy'
  | 'side_effect_disclosure'
  | 'language'
  | 'handoff';

export interface GuardResult {
  rule: GuardRule;
  /** pass: nothing found; flagged: noted on the input, reply unaffected; repaired: reply changed; blocked: reply withheld. */
  status: 'pass' | 'flagged' | 'repaired' | 'blocked';
  detail?: string;
}

/** A procedure the clinic offers, as the guards see it (no internal fields). */
export interface GuardProcedure {
  slug: string;
  names: Partial<PerLang>;
  /** Serious side effects; Korean always, other languages when known. */
  dangerousSideEffects?: Partial<PerLang>;
}

export interface AllowedPrice {
  currency: string;
  amount: number;
  /** The procedure it prices (undefined for staff-written amounts such as a deposit). */
  slug?: string;
  /** Quoting it implies an over-49% discount: never as a reference price. */
  warnedReference?: boolean;
}

export interface GuardContext {
  lang: LangCode;
  /** The customer's turn (original text, plus its Korean rendering when there is one). */
  turnText: string;
  procedures: GuardProcedure[];
  allowedPrices: AllowedPrice[];
  /** Values of internal numeric fields, scanned for but never shown (material costs). */
  internalValues: number[];
  /** Procedures of the retrieved knowledge, best first: the likeliest subject of a price without a name. */
  knowledgeSlugs: string[];
  /** Renders a Korean text in the customer's language (for disclosures); undefined (or the Korean) when it cannot. */
  localize?: (ko: string, lang: LangCode) => Promise<string | undefined>;
  /** Names that may appear in any language's reply: the clinic's name, brand terms. */
  allowedNames?: string[];
  /** What the model was instructed with (system prompt, reply instructions): a reply never repeats it. */
  instructions?: string[];
  /** What the clinic gave this turn (phone, settings, retrieved knowledge): the only source of contact details (unchecked when absent). */
  trustedText?: string;
}

export interface GuardOutcome {
  text: string;
  results: GuardResult[];
  /** Set when the reply could not be repaired into something safe to send. */
  handoff?: { reason: string };
}
