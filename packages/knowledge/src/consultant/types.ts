// The consultant's contract lives in @hub/contracts (the worker's pipeline calls it, this package implements it).
export type { Consultant, InboundTranslation, InboundTranslator, TurnInput, TurnMessage, TurnOutput } from '@hub/contracts';
