/**
 * Staff replies: Korean → the customer's language. The shape of InboundTranslator.fromKorean from
 * @hub/knowledge (clinic provider, medical_terms glossary, response-library translations), which main.ts
 * passes in.
 */
export interface StaffTranslator {
  fromKorean(clinicId: string, text: string, to: string): Promise<{ text: string; translated: boolean; note?: string }>;
}
