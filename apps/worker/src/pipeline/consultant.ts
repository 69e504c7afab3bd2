/** What the pipeline needs from the AI consultant: the contract @hub/knowledge declares and implements. */
export type { Consultant, InboundTranslation, InboundTranslator, TurnInput, TurnMessage, TurnOutput } from '@hub/knowledge';
