// The shapes the console reads from the operations API: aliases of the types `pnpm gen:api-types` generates
// from the API's route table (schema.gen.ts, openapi-typescript). Change a route's schema, regenerate, and
// the console typechecks against what the API really sends.
import { SATISFACTION_LEVELS } from '@hub/contracts/satisfaction';
import type { components } from './schema.gen';
// The registry's platform names (a file with no imports, bundled as is).
export { PLATFORM_CATALOG, PLATFORMS, type Platform } from '@hub/messengers/platform-names';

type Schemas = components['schemas'];

export type Role = Schemas['SessionUser']['role'];
export type Level = Schemas['SatisfactionScore']['level'];
export const LEVELS: Level[] = [...SATISFACTION_LEVELS];
export type ConversationStatus = Schemas['Conversation']['status'];

export type SessionUser = Schemas['SessionUser'];
export type TokenPair = Schemas['TokenPair'];
export type Me = Schemas['Me'];
export type Conversation = Schemas['Conversation'];
export type Attachment = Schemas['Attachment'];
export type Message = Schemas['Message'];
export type Signal = Schemas['Signal'];
export type SatisfactionScore = Schemas['SatisfactionScore'];
export type CustomerPanel = Schemas['CustomerPanel'];
export type MessengerAccount = Schemas['MessengerAccount'];
export type AuditEntry = Schemas['AuditEntry'];
export type ResponseLibraryEntry = Schemas['ResponseLibraryEntry'];
export type Persona = Schemas['Persona'];
export type MedicalTerm = Schemas['MedicalTerm'];
export type Procedure = Schemas['Procedure'];
export type ClinicProcedure = Schemas['ClinicProcedure'];
export type Pricing = Schemas['Pricing'];

export const INTENTS = [
  'emergency',
  'complaint',
  'human_request',
  'side_effect',
  'price',
  'booking',
  'procedure_info',
  'aftercare',
  'hours_location',
  'payment_refund',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];
/** A knowledge source an AI reply was grounded in: its stored label and its title (null when unknown). */
export type KnowledgeSource = Schemas['KnowledgeSource'];

// The live events (SSE) are not in the OpenAPI document: their names and shape come from the shared contracts.
export { LIVE_EVENT_TYPES, type LiveEventType, type LiveEventMessage as LiveEvent } from '@hub/contracts/live-events';
