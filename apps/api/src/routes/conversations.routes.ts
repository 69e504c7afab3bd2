import { z } from 'zod';
import type { MessageModel, Prisma } from '@hub/db';
import { PlatformSchema } from '@hub/messengers';
import { route, type RouteDef } from '../http/route-table';
import { Conversation, CustomerPanel, LevelSchema, Message, SatisfactionScore, pageOf } from '../http/responses';
import { badRequest } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, boolQuery, found, publish } from './helpers';
import { CONVERSATION_INTENTS } from '@hub/ai';
import { knowledgeSourceTitles, sourcesWithTitles } from './knowledge-sources';

export const STATUSES = ['active', 'waiting', 'resolved', 'archived'] as const;
const LEVELS = ['green', 'yellow', 'orange', 'red'] as const;

export const CONVERSATION_INCLUDE = {
  customer: { select: { id: true, name: true, displayName: true, countryCode: true, languageCode: true, profileImage: true, messengerType: true } },
  messengerAccount: { select: { id: true, messengerType: true, accountName: true, displayName: true } },
  assignee: { select: { id: true, name: true, role: true } },
} as const;

/** Original and translation side by side, with AI metadata, the knowledge sources (with titles when looked up) and delivery state. */
export function messageView(m: MessageModel, titles?: Map<string, string | null>) {
  const meta = (m.aiMetadata ?? null) as Record<string, unknown> | null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq.toString(),
    senderType: m.senderType,
    senderId: m.senderId,
    contentType: m.contentType,
    original: { text: m.content, language: m.originalLanguage },
    translation: m.translatedContent !== null ? { text: m.translatedContent, language: m.translatedLanguage } : null,
    attachments: m.attachments,
    aiMetadata: meta,
    knowledgeSources: sourcesWithTitles(m, titles),
    delivery: { status: m.deliveryStatus, error: m.deliveryError, attempts: m.deliveryAttempts, sentAt: m.sentAt },
    answeredById: m.answeredById,
    isRead: m.isRead,
    platformSentAt: m.platformSentAt,
    createdAt: m.createdAt,
  };
}

const ListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(STATUSES)).optional()),
  platform: PlatformSchema.optional(),
  satisfaction: z.enum(LEVELS).optional(),
  assigned: z.union([z.enum(['me', 'unassigned']), z.uuid()]).optional(),
  unread: boolQuery.optional(),
  aiMode: boolQuery.optional(),
  country: z.string().min(2).max(5).optional(),
  search: z.string().min(1).max(100).optional(),
  intent: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(CONVERSATION_INTENTS)).optional()),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export function conversationRoutes(s: RouteServices): RouteDef[] {
  const { db } = s.deps;
  const load = async (clinicId: string, id: string) =>
    found(await db.conversation.findFirst({ where: { id, clinicId }, include: CONVERSATION_INCLUDE }), 'conversation');

  return [
    route({
      method: 'get',
      path: '/api/conversations',
      tag: 'conversations',
      summary:
        'Conversations, newest message first. Filters: status (comma list; archived hidden unless asked), platform, satisfaction level, ' +
        'assigned=me|unassigned|<userId>, unread, aiMode, country, search (customer name), intent (comma list: any of them among the detected intents). ' +
        'Each conversation carries its summary (Korean), detectedIntents and where they came from (summarySource, summaryModel, summaryUpdatedAt). ' +
        'Cursor pagination: pass nextCursor back as cursor.',
      action: 'conversations.read',
      query: ListQuery,
      response: pageOf(Conversation),
      handler: async ({ clinicId, query, auth }) => {
        const where: Prisma.ConversationWhereInput = {
          clinicId,
          status: query.status ? { in: query.status } : { not: 'archived' },
          ...(query.platform ? { messengerAccount: { messengerType: query.platform } } : {}),
          ...(query.satisfaction ? { satisfactionLevel: query.satisfaction } : {}),
          ...(query.assigned === 'me'
            ? { assignedTo: auth.userId }
            : query.assigned === 'unassigned'
              ? { assignedTo: null }
              : query.assigned
                ? { assignedTo: query.assigned }
                : {}),
          ...(query.unread === true ? { unreadCount: { gt: 0 } } : query.unread === false ? { unreadCount: 0 } : {}),
          ...(query.aiMode !== undefined ? { aiMode: query.aiMode } : {}),
          ...(query.intent ? { detectedIntents: { hasSome: query.intent } } : {}),
          ...(query.country || query.search
            ? {
                customer: {
                  ...(query.country ? { countryCode: query.country.toUpperCase() } : {}),
                  ...(query.search
                    ? { OR: [{ name: { contains: query.search, mode: 'insensitive' } }, { displayName: { contains: query.search, mode: 'insensitive' } }] }
                    : {}),
                },
              }
            : {}),
        };
        if (query.cursor) {
          const anchor = await db.conversation.findFirst({ where: { id: query.cursor, clinicId }, select: { id: true } });
          if (!anchor) throw badRequest('bad_cursor', 'cursor does not name a conversation of this clinic');
        }
        const rows = await db.conversation.findMany({
          where,
          include: CONVERSATION_INCLUDE,
          orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
          take: query.limit + 1,
          ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
        });
        const items = rows.slice(0, query.limit);
        return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
      },
    }),
    route({
      method: 'get',
      path: '/api/conversations/:id',
      tag: 'conversations',
      summary:
        'One conversation (with its summary, detectedIntents and their source) and its latest messages (original and translation side by side, AI metadata, ' +
        'knowledge sources with their titles, delivery state)',
      action: 'conversations.read',
      params: IdParams,
      query: z.object({ messages: z.coerce.number().int().min(0).max(200).default(100) }),
      response: z.strictObject({ conversation: Conversation, messages: z.array(Message), hasMore: z.boolean() }),
      handler: async ({ clinicId, params, query }) => {
        const conversation = await load(clinicId, params.id);
        const messages = await db.message.findMany({
          where: { conversationId: conversation.id, clinicId, isDeleted: false },
          orderBy: { seq: 'desc' },
          take: query.messages,
        });
        const titles = await knowledgeSourceTitles(db, clinicId, messages);
        return { conversation, messages: messages.reverse().map((m) => messageView(m, titles)), hasMore: messages.length === query.messages };
      },
    }),
    route({
      method: 'get',
      path: '/api/conversations/:id/messages',
      tag: 'conversations',
      summary: 'Older messages: those before seq `before`, oldest first',
      action: 'conversations.read',
      params: IdParams,
      query: z.object({ before: z.coerce.bigint().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: z.strictObject({ items: z.array(Message), hasMore: z.boolean() }),
      handler: async ({ clinicId, params, query }) => {
        const conversation = found(await db.conversation.findFirst({ where: { id: params.id, clinicId }, select: { id: true } }), 'conversation');
        const rows = await db.message.findMany({
          where: { conversationId: conversation.id, clinicId, isDeleted: false, ...(query.before !== undefined ? { seq: { lt: query.before } } : {}) },
          orderBy: { seq: 'desc' },
          take: query.limit,
        });
        const titles = await knowledgeSourceTitles(db, clinicId, rows);
        return { items: rows.reverse().map((m) => messageView(m, titles)), hasMore: rows.length === query.limit };
      },
    }),
    route({
      method: 'get',
      path: '/api/conversations/:id/customer',
      tag: 'conversations',
      summary: 'Customer panel: the customer, their bookings, payments and other conversations',
      action: 'conversations.read',
      params: IdParams,
      response: CustomerPanel,
      handler: async ({ clinicId, params }) => {
        const conv = found(await db.conversation.findFirst({ where: { id: params.id, clinicId }, select: { id: true, customerId: true } }), 'conversation');
        const [customer, bookings, payments, conversations] = await Promise.all([
          db.customer.findFirst({ where: { id: conv.customerId, clinicId } }),
          db.booking.findMany({
            where: { customerId: conv.customerId, clinicId },
            orderBy: [{ bookingDate: 'desc' }, { bookingTime: 'desc' }],
            take: 50,
            include: { clinicProcedure: { select: { id: true, procedure: { select: { id: true, nameKo: true, nameEn: true } } } } },
          }),
          db.payment.findMany({ where: { customerId: conv.customerId, clinicId }, orderBy: { createdAt: 'desc' }, take: 50 }),
          db.conversation.findMany({
            where: { customerId: conv.customerId, clinicId, id: { not: conv.id } },
            select: { id: true, status: true, lastMessageAt: true, messengerAccount: { select: { messengerType: true } } },
          }),
        ]);
        return { customer: found(customer, 'customer'), bookings, payments, otherConversations: conversations };
      },
    }),
    route({
      method: 'get',
      path: '/api/conversations/:id/satisfaction',
      tag: 'satisfaction',
      summary: 'Satisfaction history: every score with its language, behaviour and flow signals, and supervisor overrides',
      action: 'conversations.read',
      params: IdParams,
      response: z.strictObject({
        current: z.strictObject({ score: z.number().int().nullable(), level: LevelSchema.nullable() }),
        scores: z.array(SatisfactionScore),
      }),
      handler: async ({ clinicId, params }) => {
        const conv = found(
          await db.conversation.findFirst({ where: { id: params.id, clinicId }, select: { id: true, satisfactionScore: true, satisfactionLevel: true } }),
          'conversation',
        );
        const scores = await db.satisfactionScore.findMany({
          where: { conversationId: conv.id, clinicId },
          orderBy: { createdAt: 'desc' },
          take: 200,
          include: { supervisor: { select: { id: true, name: true } } },
        });
        return { current: { score: conv.satisfactionScore, level: conv.satisfactionLevel }, scores };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/read',
      tag: 'conversations',
      summary: 'Mark the conversation read (unread_count 0, its customer messages is_read)',
      action: 'conversations.handle',
      params: IdParams,
      response: z.strictObject({ conversationId: z.string(), markedRead: z.number().int(), unreadCount: z.literal(0) }),
      handler: async ({ clinicId, params }) => {
        const conv = found(await db.conversation.findFirst({ where: { id: params.id, clinicId }, select: { id: true } }), 'conversation');
        const at = s.now();
        const [marked] = await db.$transaction([
          db.message.updateMany({ where: { conversationId: conv.id, clinicId, senderType: 'customer', isRead: false }, data: { isRead: true, readAt: at } }),
          db.conversation.updateMany({ where: { id: conv.id, clinicId }, data: { unreadCount: 0 } }),
        ]);
        await publish(s, { type: 'conversation.updated', clinicId, data: { conversationId: conv.id, unreadCount: 0 } });
        return { conversationId: conv.id, markedRead: marked.count, unreadCount: 0 };
      },
    }),
  ];
}
