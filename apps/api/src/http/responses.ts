import { z } from 'zod';
import { PlatformSchema } from '@hub/messengers';
import { CONVERSATION_INTENTS } from '@hub/ai';
import { ROLES } from '../auth/permissions';

// The JSON each route answers with, as it is on the wire (dates as ISO strings, decimals and bigints as
// strings). Strict objects: the API's test harness checks every 2xx body against its route's schema, so
// a field added to a row or a view without being declared here fails the tests, and the console's
// generated types (apps/console/src/api/schema.gen.ts) cannot drift from what the API sends.
// `.meta({ id })` names a component in the OpenAPI document (`components.schemas.<id>`).

const isoDate = z.iso.datetime({ offset: true });
/** Prisma's Decimal serialises as a string ("100000", "12.5"). */
const decimal = z.string();
/** A JSON column: any JSON value. */
const json = z.unknown();
const id = z.string();

export const RoleSchema = z.enum(ROLES);
export const ConversationStatusSchema = z.enum(['active', 'waiting', 'resolved', 'archived']);
export const LevelSchema = z.enum(['green', 'yellow', 'orange', 'red']);

export const Clinic = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    businessNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    timezone: z.string(),
    logoUrl: z.string().nullable(),
    commissionRate: decimal,
    settings: json,
    isActive: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Clinic' });

export const Customer = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    messengerType: z.string(),
    messengerUserId: z.string(),
    name: z.string().nullable(),
    displayName: z.string().nullable(),
    profileImage: z.string().nullable(),
    countryCode: z.string().nullable(),
    languageCode: z.string().nullable(),
    timezone: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    totalBookings: z.number().int(),
    totalPayments: decimal,
    lastVisitAt: isoDate.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Customer' });

export const Persona = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    name: z.string(),
    languageCode: z.string(),
    personality: z.string().nullable(),
    tone: z.string().nullable(),
    greetingMorning: z.string().nullable(),
    greetingAfternoon: z.string().nullable(),
    greetingEvening: z.string().nullable(),
    systemPromptOverride: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Persona' });

export const CulturalProfile = z
  .strictObject({
    id: z.string(),
    countryCode: z.string(),
    countryName: z.string().nullable(),
    stylePrompt: z.string(),
    preferredExpressions: json,
    avoidedExpressions: json,
    emojiLevel: z.string(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'CulturalProfile' });

export const ResponseLibraryEntry = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    category: z.string(),
    subcategory: z.string().nullable(),
    questionKo: z.string(),
    answerKo: z.string(),
    translations: json,
    keywords: z.array(z.string()),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'ResponseLibraryEntry' });

export const ProcedureCategory = z
  .strictObject({
    id: z.string(),
    nameKo: z.string(),
    nameEn: z.string().nullable(),
    nameJa: z.string().nullable(),
    nameZh: z.string().nullable(),
    slug: z.string(),
    parentId: z.string().nullable(),
    sortOrder: z.number().int(),
    createdAt: isoDate,
  })
  .meta({ id: 'ProcedureCategory' });

export const Procedure = z
  .strictObject({
    id: z.string(),
    categoryId: z.string().nullable(),
    nameKo: z.string(),
    nameEn: z.string().nullable(),
    nameJa: z.string().nullable(),
    nameZh: z.string().nullable(),
    nameVi: z.string().nullable(),
    slug: z.string(),
    descriptionKo: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    effectsKo: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    effectDuration: z.string().nullable(),
    downtimeDays: z.number().int().nullable(),
    minIntervalDays: z.number().int().nullable(),
    commonSideEffects: z.string().nullable(),
    rareSideEffects: z.string().nullable(),
    dangerousSideEffects: z.string().nullable(),
    precautionsBefore: z.string().nullable(),
    precautionsDuring: z.string().nullable(),
    precautionsAfter: z.string().nullable(),
    translations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
    painLevel: z.number().int().nullable(),
    painType: z.string().nullable(),
    anesthesiaOptions: z.string().nullable(),
    anesthesiaDetails: json,
    isActive: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Procedure' });

export const ClinicProcedure = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    procedureId: z.string(),
    customDescription: z.string().nullable(),
    customEffects: z.string().nullable(),
    customDurationMinutes: z.number().int().nullable(),
    customEffectDuration: z.string().nullable(),
    customDowntimeDays: z.number().int().nullable(),
    customMinIntervalDays: z.number().int().nullable(),
    customPrecautionsBefore: z.string().nullable(),
    customPrecautionsDuring: z.string().nullable(),
    customPrecautionsAfter: z.string().nullable(),
    customTranslations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
    customPainLevel: z.number().int().nullable(),
    customAnesthesiaOptions: z.string().nullable(),
    crossSellProcedureIds: z.array(z.string()),
    upsellProcedureIds: z.array(z.string()),
    incompatibleProcedureIds: z.array(z.string()),
    sequenceNotes: z.string().nullable(),
    materialCost: decimal.nullable(),
    difficultyScore: z.number().int().nullable(),
    clinicPreference: z.number().int().nullable(),
    salesPerformanceScore: decimal.nullable(),
    isActive: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'ClinicProcedure' });

export const Pricing = z
  .strictObject({
    id: z.string(),
    clinicProcedureId: z.string(),
    clinicId: z.string(),
    label: z.string().nullable(),
    regularPrice: decimal,
    eventPrice: decimal.nullable(),
    discountRate: decimal.nullable(),
    eventStartDate: isoDate.nullable(),
    eventEndDate: isoDate.nullable(),
    isPackage: z.boolean(),
    packageDetails: json,
    pricesByCurrency: json,
    discountWarning: z.boolean(),
    isActive: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Pricing' });

export const MedicalTerm = z
  .strictObject({
    id: z.string(),
    clinicId: z.string().nullable(),
    termKo: z.string(),
    termEn: z.string().nullable(),
    termJa: z.string().nullable(),
    termZh: z.string().nullable(),
    termZhTw: z.string().nullable(),
    termVi: z.string().nullable(),
    category: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    scope: z.enum(['clinic', 'global']),
  })
  .meta({ id: 'MedicalTerm' });

export const Payment = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    bookingId: z.string().nullable(),
    customerId: z.string(),
    paymentType: z.string(),
    amount: decimal,
    currency: z.string(),
    pgProvider: z.string().nullable(),
    pgPaymentId: z.string().nullable(),
    paymentMethod: z.string().nullable(),
    paymentLink: z.string().nullable(),
    qrCodeUrl: z.string().nullable(),
    linkExpiresAt: isoDate.nullable(),
    status: z.string(),
    paidAt: isoDate.nullable(),
    sentViaMessenger: z.boolean(),
    sentAt: isoDate.nullable(),
    receiptUrl: z.string().nullable(),
    receiptSent: z.boolean(),
    metadata: json,
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'Payment' });

export const Notification = z
  .strictObject({
    id: z.string(),
    clinicId: z.string(),
    userId: z.string().nullable(),
    audience: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    data: json,
    readAt: isoDate.nullable(),
    createdAt: isoDate,
    dispatchedAt: isoDate.nullable(),
    acknowledgedAt: isoDate.nullable(),
    acknowledgedBy: z.string().nullable(),
    ackVia: z.string().nullable(),
    escalationStep: z.number().int(),
  })
  .meta({ id: 'Notification' });

export const DeadLetter = z
  .strictObject({
    id: z.string(),
    clinicId: z.string().nullable(),
    queue: z.string(),
    jobId: z.string(),
    jobName: z.string(),
    payload: json,
    error: z.string(),
    attemptsMade: z.number().int(),
    status: z.string(),
    redriveCount: z.number().int(),
    redrivenAt: isoDate.nullable(),
    redrivenById: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'DeadLetter' });

export const SessionUser = z.strictObject({ id, email: z.string(), name: z.string(), role: RoleSchema, clinicId: id.nullable() }).meta({ id: 'SessionUser' });

export const TokenPair = z
  .strictObject({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    refreshExpiresAt: isoDate,
    user: SessionUser,
  })
  .meta({ id: 'TokenPair' });

export const Me = z
  .strictObject({
    ...SessionUser.shape,
    clinic: z.strictObject({ id, name: z.string(), slug: z.string(), timezone: z.string() }).nullable(),
  })
  .meta({ id: 'Me' });

/** users.routes PUBLIC_USER: never the password hash. */
export const User = z
  .strictObject({
    id,
    clinicId: id.nullable(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    phone: z.string().nullable(),
    isActive: z.boolean(),
    lastLoginAt: isoDate.nullable(),
    failedLoginCount: z.number().int(),
    lockedUntil: isoDate.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'User' });

export const CreatedClinic = z
  .strictObject({
    clinic: Clinic,
    admin: z.strictObject({ id, email: z.string(), name: z.string(), role: RoleSchema, clinicId: id.nullable() }).nullable(),
  })
  .meta({ id: 'CreatedClinic' });

/** The stored row without the encrypted credentials; credentials masked, the hub secret's hint. */
export const MessengerAccount = z
  .strictObject({
    id,
    clinicId: id,
    messengerType: PlatformSchema,
    accountName: z.string(),
    displayName: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    webhookSecretHint: z.string().nullable(),
    targetCountries: z.array(z.string()),
    isActive: z.boolean(),
    isConnected: z.boolean(),
    connectionError: z.string().nullable(),
    lastSyncedAt: isoDate.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    credentials: z.record(z.string(), z.string()),
    credentialsError: z.string().nullable(),
  })
  .meta({ id: 'MessengerAccount' });

export const AccountSetup = z
  .strictObject({
    webhookUrl: z.string(),
    secrets: z.record(z.string(), z.unknown()),
    pasteInto: z.array(z.strictObject({ field: z.string(), pasteInto: z.string() })),
    shownOnce: z.literal(true),
  })
  .meta({ id: 'AccountSetup' });

export const ConnectionTestResult = z
  .union([
    z.strictObject({ ok: z.literal(true), details: z.record(z.string(), z.unknown()).optional(), note: z.string().optional() }),
    z.strictObject({ ok: z.literal(false), kind: z.enum(['transient', 'auth', 'permanent']), code: z.string(), message: z.string() }),
  ])
  .meta({ id: 'ConnectionTestResult' });

export const Conversation = z
  .strictObject({
    id,
    clinicId: id,
    customerId: id,
    messengerAccountId: id,
    status: ConversationStatusSchema,
    aiMode: z.boolean(),
    assignedTo: id.nullable(),
    satisfactionScore: z.number().int().nullable(),
    satisfactionLevel: LevelSchema.nullable(),
    lastMessageAt: isoDate.nullable(),
    lastMessagePreview: z.string().nullable(),
    unreadCount: z.number().int(),
    summary: z.string().nullable(),
    detectedIntents: z.array(z.enum(CONVERSATION_INTENTS)),
    /** 'anthropic' | 'openai' (a model) or 'rules' (local rules, also after a model failed: summaryError says why). */
    summarySource: z.enum(['anthropic', 'openai', 'rules']).nullable(),
    summaryModel: z.string().nullable(),
    summaryError: z.string().nullable(),
    summaryUpdatedAt: isoDate.nullable(),
    /** The last message (seq) the summary covers. */
    summaryMessageSeq: z.string().nullable(),
    lastCustomerMessageAt: isoDate.nullable(),
    handoffReason: z.string().nullable(),
    lastAlertLevel: z.string().nullable(),
    turnLeaseId: z.string().nullable(),
    turnLeaseUntil: isoDate.nullable(),
    version: z.number().int(),
    createdAt: isoDate,
    updatedAt: isoDate,
    customer: z.strictObject({
      id,
      name: z.string().nullable(),
      displayName: z.string().nullable(),
      countryCode: z.string().nullable(),
      languageCode: z.string().nullable(),
      profileImage: z.string().nullable(),
      messengerType: z.string(),
    }),
    messengerAccount: z.strictObject({ id, messengerType: PlatformSchema, accountName: z.string(), displayName: z.string().nullable() }),
    assignee: z.strictObject({ id, name: z.string(), role: z.string() }).nullable(),
  })
  .meta({ id: 'Conversation' });

/** A stored attachment: the inbound shape, plus what the worker adds (stored file, refusal). */
export const Attachment = z
  .looseObject({
    type: z.string(),
    url: z.string().optional(),
    mediaId: z.string().optional(),
    mimeType: z.string().optional(),
    fileName: z.string().optional(),
    storedPath: z.string().optional(),
    /** The worker would not fetch this attachment's URL (not the platform's host, a private address…). */
    refused: z.looseObject({ reason: z.string(), url: z.string(), at: z.string() }).optional(),
    title: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
  })
  .meta({ id: 'Attachment' });

/** A knowledge source an AI reply was grounded in: its stored label, its type and its title (null when unknown). */
export const KnowledgeSource = z.strictObject({ label: z.string(), type: z.string(), title: z.string().nullable() }).meta({ id: 'KnowledgeSource' });

/** conversations.routes messageView: original and translation side by side. */
export const Message = z
  .strictObject({
    id,
    conversationId: id,
    seq: z.string(),
    senderType: z.enum(['customer', 'ai', 'staff', 'system']),
    senderId: id.nullable(),
    contentType: z.string(),
    original: z.strictObject({ text: z.string(), language: z.string().nullable() }),
    translation: z.strictObject({ text: z.string(), language: z.string().nullable() }).nullable(),
    attachments: z.array(Attachment),
    aiMetadata: z.record(z.string(), z.unknown()).nullable(),
    knowledgeSources: z.array(KnowledgeSource),
    delivery: z.strictObject({ status: z.string(), error: z.string().nullable(), attempts: z.number().int(), sentAt: isoDate.nullable() }),
    answeredById: id.nullable(),
    isRead: z.boolean(),
    platformSentAt: isoDate.nullable(),
    createdAt: isoDate,
  })
  .meta({ id: 'Message' });

export const Signal = z
  .looseObject({ name: z.string(), weight: z.number(), evidence: z.array(z.string()).optional(), value: z.union([z.number(), z.string()]).optional() })
  .meta({ id: 'Signal' });

export const SatisfactionScore = z
  .strictObject({
    id,
    conversationId: id,
    clinicId: id,
    score: z.number().int(),
    level: LevelSchema,
    languageSignals: z.array(Signal).nullable(),
    behaviorSignals: z.array(Signal).nullable(),
    flowSignals: z.array(Signal).nullable(),
    messageId: id.nullable(),
    supervisorOverride: z.number().int().nullable(),
    supervisorNote: z.string().nullable(),
    supervisedBy: id.nullable(),
    supervisedAt: isoDate.nullable(),
    alertSent: z.boolean(),
    alertSentAt: isoDate.nullable(),
    createdAt: isoDate,
    supervisor: z.strictObject({ id, name: z.string() }).nullable(),
  })
  .meta({ id: 'SatisfactionScore' });

export const Booking = z
  .strictObject({
    id,
    clinicId: id,
    customerId: id,
    conversationId: id.nullable(),
    clinicProcedureId: id.nullable(),
    bookingDate: isoDate,
    bookingTime: isoDate,
    status: z.string(),
    totalAmount: decimal.nullable(),
    currency: z.string(),
    depositAmount: decimal.nullable(),
    remainingAmount: decimal.nullable(),
    notes: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    clinicProcedure: z.strictObject({ id, procedure: z.strictObject({ id, nameKo: z.string(), nameEn: z.string().nullable() }) }).nullable(),
  })
  .meta({ id: 'Booking' });

export const CustomerPanel = z
  .strictObject({
    customer: Customer,
    bookings: z.array(Booking),
    payments: z.array(Payment),
    otherConversations: z.array(
      z.strictObject({
        id,
        status: ConversationStatusSchema,
        lastMessageAt: isoDate.nullable(),
        messengerAccount: z.strictObject({ messengerType: PlatformSchema }),
      }),
    ),
  })
  .meta({ id: 'CustomerPanel' });

export const AuditEntry = z
  .strictObject({
    id,
    clinicId: id.nullable(),
    actorUserId: id.nullable(),
    actorType: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: id.nullable(),
    before: json,
    after: json,
    metadata: json,
    ip: z.string().nullable(),
    createdAt: isoDate,
    actor: z.strictObject({ id, name: z.string(), role: z.string() }).nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const TranslationPreview = z
  .strictObject({ language: z.string(), text: z.string(), translated: z.boolean(), note: z.string().optional() })
  .meta({ id: 'TranslationPreview' });

export const StaffReply = z
  .strictObject({ message: Message, translation: z.strictObject({ language: z.string(), translated: z.boolean(), note: z.string().optional() }) })
  .meta({ id: 'StaffReply' });

export const ConversationChange = z.strictObject({ conversation: Conversation }).meta({ id: 'ConversationChange' });

export const OverrideResult = z
  .strictObject({ result: z.strictObject({ scoreId: id, score: z.number().int(), level: LevelSchema, computedScore: z.number().int() }) })
  .meta({ id: 'OverrideResult' });

export const RedrivenDeadLetter = z
  .strictObject({ ...DeadLetter.shape, redrive: z.strictObject({ how: z.string(), jobId: z.string() }), sendJobId: z.string().optional() })
  .meta({ id: 'RedrivenDeadLetter' });

/** `{ items: [...] }`, the shape of every list. */
export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });
/** A cursor-paged list: pass nextCursor back as `cursor`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), nextCursor: id.nullable() });
