// The shapes the console reads from the operations API (see /api/openapi.json). Only the fields used.

export type Role = 'superadmin' | 'admin' | 'supervisor' | 'staff';
// The registry's platform names (a file with no imports, bundled as is).
import type { Platform } from '@hub/messengers/platform-names';
export { PLATFORM_CATALOG, PLATFORMS, type Platform } from '@hub/messengers/platform-names';
export type Level = 'green' | 'yellow' | 'orange' | 'red';
export const LEVELS: Level[] = ['green', 'yellow', 'orange', 'red'];
export type ConversationStatus = 'active' | 'waiting' | 'resolved' | 'archived';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  clinicId: string | null;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: SessionUser;
}

export interface Me extends SessionUser {
  clinic: { id: string; name: string; slug: string; timezone: string } | null;
}

export interface Conversation {
  id: string;
  clinicId: string;
  status: ConversationStatus;
  aiMode: boolean;
  assignedTo: string | null;
  satisfactionScore: number | null;
  satisfactionLevel: Level | null;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  unreadCount: number;
  handoffReason: string | null;
  version: number;
  /** Korean, for staff (the summary queue keeps it current). */
  summary: string | null;
  detectedIntents: Intent[];
  /** 'anthropic' | 'openai' (a model) or 'rules' (local rules, also after a model failed: summaryError says why). */
  summarySource: string | null;
  summaryModel: string | null;
  summaryError: string | null;
  summaryUpdatedAt: string | null;
  customer: {
    id: string;
    name: string | null;
    displayName: string | null;
    countryCode: string | null;
    languageCode: string | null;
    profileImage: string | null;
    messengerType: string;
  };
  messengerAccount: { id: string; messengerType: Platform; accountName: string; displayName: string | null };
  assignee: { id: string; name: string; role: string } | null;
}

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
export interface KnowledgeSource {
  label: string;
  type: string;
  title: string | null;
}

export interface Attachment {
  type: string;
  url?: string;
  mediaId?: string;
  mimeType?: string;
  fileName?: string;
  storedPath?: string;
  /** The worker would not fetch this attachment's URL (not the platform's host, a private address…). */
  refused?: { reason: string; url: string; at: string };
  title?: string;
  latitude?: number;
  longitude?: number;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: string;
  senderType: 'customer' | 'ai' | 'staff' | 'system';
  senderId: string | null;
  contentType: string;
  original: { text: string; language: string | null };
  translation: { text: string; language: string | null } | null;
  attachments: Attachment[];
  aiMetadata: Record<string, unknown> | null;
  knowledgeSources: KnowledgeSource[];
  delivery: { status: string; error: string | null; attempts: number; sentAt: string | null };
  isRead: boolean;
  platformSentAt: string | null;
  createdAt: string;
}

export interface Signal {
  name: string;
  weight: number;
  evidence?: string[];
  value?: number | string;
}

export interface SatisfactionScore {
  id: string;
  score: number;
  level: Level;
  languageSignals: Signal[] | null;
  behaviorSignals: Signal[] | null;
  flowSignals: Signal[] | null;
  messageId: string | null;
  supervisorOverride: number | null;
  supervisorNote: string | null;
  supervisedAt: string | null;
  supervisor: { id: string; name: string } | null;
  createdAt: string;
}

export interface CustomerPanel {
  customer: {
    id: string;
    name: string | null;
    displayName: string | null;
    countryCode: string | null;
    languageCode: string | null;
    messengerType: string;
    phone: string | null;
    email: string | null;
    tags: string[];
    notes: string | null;
    totalBookings: number;
    totalPayments: string;
    lastVisitAt: string | null;
  };
  bookings: {
    id: string;
    bookingDate: string;
    bookingTime: string;
    status: string;
    totalAmount: string | null;
    currency: string;
    clinicProcedure: { procedure: { nameKo: string; nameEn: string | null } } | null;
  }[];
  payments: { id: string; paymentType: string; amount: string; currency: string; status: string; paidAt: string | null; createdAt: string }[];
  otherConversations: { id: string; status: string; lastMessageAt: string | null; messengerAccount: { messengerType: string } }[];
}

export interface MessengerAccount {
  id: string;
  messengerType: Platform;
  accountName: string;
  displayName: string | null;
  webhookUrl: string | null;
  webhookSecretHint: string | null;
  targetCountries: string[];
  isActive: boolean;
  isConnected: boolean;
  connectionError: string | null;
  lastSyncedAt: string | null;
  credentials: Record<string, string>;
  credentialsError: string | null;
}

export interface AuditEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
  ip: string | null;
  createdAt: string;
  actor: { id: string; name: string; role: string } | null;
}

export interface ResponseLibraryEntry {
  id: string;
  category: string;
  subcategory: string | null;
  questionKo: string;
  answerKo: string;
  keywords: string[];
  isActive: boolean;
}

export interface Persona {
  id: string;
  name: string;
  languageCode: string;
  personality: string | null;
  tone: string | null;
  greetingMorning: string | null;
  isActive: boolean;
}

export interface MedicalTerm {
  id: string;
  clinicId: string | null;
  termKo: string;
  termEn: string | null;
  termJa: string | null;
  termZh: string | null;
  termZhTw: string | null;
  termVi: string | null;
  category: string | null;
  scope: 'clinic' | 'global';
}

export interface Procedure {
  id: string;
  nameKo: string;
  nameEn: string | null;
  slug: string;
}

export interface ClinicProcedure {
  id: string;
  procedureId: string;
  isActive: boolean;
}

export interface Pricing {
  id: string;
  clinicProcedureId: string;
  label: string | null;
  regularPrice: string;
  eventPrice: string | null;
  discountRate: string | null;
  discountWarning: boolean;
  eventStartDate: string | null;
  eventEndDate: string | null;
  isActive: boolean;
}

/** One SSE event as the API sends it: `{ type, ...data }`. */
export interface LiveEvent {
  type: LiveEventType;
  conversationId?: string;
  messageId?: string;
  [key: string]: unknown;
}
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
