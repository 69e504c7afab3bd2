/** What the pipeline needs from the AI consultant: the contract in @hub/contracts that @hub/knowledge implements. */
export type { Consultant, InboundTranslation, InboundTranslator, TurnInput, TurnMessage, TurnOutput } from '@hub/contracts';
