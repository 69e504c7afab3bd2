import { acknowledgeConversation } from '@hub/alerts';
import { z } from 'zod';
import { audit, type ConversationModel as Conversation } from '@hub/db';
import { sendJobId } from '@hub/queue';
import { overrideScore, OverrideForbiddenError, SatisfactionNotFoundError } from '@hub/satisfaction';
import { route, type RouteDef } from '../http/route-table';
import { ConversationChange, Message, OverrideResult, StaffReply, TranslationPreview } from '../http/responses';
import { HttpError, conflict, notFound } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, found, publish } from './helpers';
import { CONVERSATION_INCLUDE, messageView } from './conversations.routes';

type Snapshot = Pick<Conversation, 'aiMode' | 'assignedTo' | 'status' | 'version'>;
const snap = (c: Snapshot) => ({ aiMode: c.aiMode, assignedTo: c.assignedTo, status: c.status, version: c.version });

const previewOf = (t: string) => (t.length > 120 ? `${t.slice(0, 119)}…` : t);

export function takeoverRoutes(s: RouteServices): RouteDef[] {
  const { db, producers, translator } = s.deps;

  const load = async (clinicId: string, id: string) =>
    found(await db.conversation.findFirst({ where: { id, clinicId }, include: { ...CONVERSATION_INCLUDE } }), 'conversation');

  /** 409 naming who holds the conversation now. */
  const heldBy = async (clinicId: string, id: string): Promise<HttpError> => {
    const now = await db.conversation.findFirst({
      where: { id, clinicId },
      select: { assignedTo: true, aiMode: true, version: true, assignee: { select: { id: true, name: true } } },
    });
    const holder = now?.assignee ?? null;
    return conflict(
      'conversation_taken',
      holder ? `${holder.name} is handling this conversation` : 'the conversation changed while you acted; reload and retry',
      { holder, version: now?.version ?? null },
    );
  };

  /**
   * Every mode/assignment change: one conditional UPDATE on the version read, so of two staff acting at
   * once exactly one wins; the bump also makes the AI worker discard a draft started before it.
   */
  const transition = async (
    clinicId: string,
    conv: Conversation,
    data: Partial<Pick<Conversation, 'aiMode' | 'assignedTo' | 'status'>>,
    action: string,
    actor: { userId: string; ip: string | null },
    metadata: Record<string, unknown> = {},
  ) => {
    const after = await db.$transaction(async (tx) => {
      const { count } = await tx.conversation.updateMany({
        where: { id: conv.id, clinicId, version: conv.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) return null;
      const row = await tx.conversation.findUniqueOrThrow({ where: { id: conv.id }, include: CONVERSATION_INCLUDE });
      await audit(tx, {
        clinicId,
        actorUserId: actor.userId,
        action,
        entityType: 'conversation',
        entityId: conv.id,
        before: snap(conv),
        after: snap(row),
        metadata,
        ip: actor.ip,
      });
      return row;
    });
    if (!after) throw await heldBy(clinicId, conv.id);
    await publish(s, {
      type: action === 'conversation.takeover' ? 'conversation.takeover' : 'conversation.updated',
      clinicId,
      data: {
        conversationId: conv.id,
        action,
        aiMode: after.aiMode,
        status: after.status,
        assignedTo: after.assignedTo,
        assignee: after.assignee,
        version: after.version,
        by: actor.userId,
      },
    });
    return after;
  };

  const customerLanguage = async (conv: { id: string; customer: { languageCode: string | null } }) => {
    if (conv.customer.languageCode) return conv.customer.languageCode;
    const last = await db.message.findFirst({
      where: { conversationId: conv.id, senderType: 'customer', originalLanguage: { not: null } },
      orderBy: { seq: 'desc' },
      select: { originalLanguage: true },
    });
    return last?.originalLanguage ?? 'und';
  };

  const takeOver = async (clinicId: string, conv: Conversation, actor: { userId: string; ip: string | null }) => {
    if (!conv.aiMode && conv.assignedTo === actor.userId) return null;
    if (!conv.aiMode && conv.assignedTo && conv.assignedTo !== actor.userId) throw await heldBy(clinicId, conv.id);
    const after = await transition(
      clinicId,
      conv,
      { aiMode: false, assignedTo: actor.userId, status: conv.status === 'archived' ? 'archived' : 'active' },
      'conversation.takeover',
      actor,
    );
    // Taking over acknowledges the conversation's open alerts (their escalation stops).
    await acknowledgeConversation(db, { clinicId, conversationId: conv.id, userId: actor.userId, via: 'takeover' }).catch((err: Error) =>
      s.deps.logger.warn({ err, conversationId: conv.id }, 'alerts not acknowledged on takeover'),
    );
    return after;
  };

  return [
    route({
      method: 'post',
      path: '/api/conversations/:id/takeover',
      tag: 'takeover',
      summary: 'Take the conversation over from the AI (ai_mode off, assigned to me; a draft in flight is discarded). 409 names the current holder.',
      action: 'conversations.handle',
      params: IdParams,
      response: ConversationChange,
      handler: async ({ clinicId, params, auth, ip }) => {
        const conv = await load(clinicId, params.id);
        const after = await takeOver(clinicId, conv, { userId: auth.userId, ip });
        return { conversation: after ?? conv };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/translate-preview',
      tag: 'takeover',
      summary: "Translate a Korean draft into the customer's language without sending it",
      action: 'conversations.handle',
      params: IdParams,
      body: z.object({ text: z.string().trim().min(1).max(4000) }),
      example: { text: '안녕하세요, 예약 도와드리겠습니다.' },
      response: TranslationPreview,
      handler: async ({ clinicId, params, body }) => {
        const conv = await load(clinicId, params.id);
        const language = await customerLanguage(conv);
        const out = await translator.fromKorean(clinicId, body.text, language);
        return { language, ...out };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/messages',
      tag: 'takeover',
      summary:
        "Reply in Korean: translated into the customer's language and queued for sending (takes the conversation over if the AI had it). " +
        'Pass `translation` to send a staff-edited translation. When no real translation is possible the answer is 422 with the preview unless allowUntranslated is true.',
      action: 'conversations.handle',
      status: 201,
      params: IdParams,
      body: z.object({
        text: z.string().trim().min(1).max(4000),
        translation: z.string().trim().min(1).max(8000).optional(),
        allowUntranslated: z.boolean().default(false),
      }),
      example: { text: '네, 내일 오후 3시에 예약 가능합니다.', allowUntranslated: true },
      response: StaffReply,
      handler: async ({ clinicId, params, body, auth, ip }) => {
        let conv = await load(clinicId, params.id);
        if (conv.status === 'archived') throw conflict('conversation_archived', 'the conversation is archived');
        if (!conv.aiMode && conv.assignedTo && conv.assignedTo !== auth.userId) throw await heldBy(clinicId, conv.id);
        const language = await customerLanguage(conv);
        const out = body.translation
          ? { text: body.translation, translated: true, method: 'staff' as const }
          : await translator.fromKorean(clinicId, body.text, language);
        if (!out.translated && !body.allowUntranslated) {
          throw new HttpError(
            422,
            'translation_unavailable',
            `no translation into "${language}" is available; review the preview and resend with allowUntranslated or translation`,
            {
              preview: { language, ...out },
            },
          );
        }
        const taken = await takeOver(clinicId, conv, { userId: auth.userId, ip });
        if (taken) conv = taken;
        const isKorean = language === 'ko';
        const message = await db.$transaction(async (tx) => {
          // The conversation must still be mine at the moment the reply is stored.
          const [row] = await tx.$queryRaw<{ ai_mode: boolean; assigned_to: string | null }[]>`
            SELECT ai_mode, assigned_to FROM conversations WHERE id = ${conv.id}::uuid AND clinic_id = ${clinicId}::uuid FOR UPDATE`;
          if (!row || row.ai_mode || row.assigned_to !== auth.userId) return null;
          const m = await tx.message.create({
            data: {
              conversationId: conv.id,
              clinicId,
              senderType: 'staff',
              senderId: auth.userId,
              content: body.text,
              contentType: 'text',
              originalLanguage: 'ko',
              translatedContent: isKorean ? null : out.text,
              translatedLanguage: isKorean ? null : language,
              messengerType: conv.messengerAccount.messengerType,
              deliveryStatus: 'pending',
              isRead: true,
              aiMetadata: {
                translation: {
                  translated: out.translated,
                  method: 'method' in out ? out.method : null,
                  ...('note' in out && out.note ? { note: out.note } : {}),
                },
              },
            },
          });
          await tx.message.updateMany({ where: { conversationId: conv.id, senderType: 'customer', answeredById: null }, data: { answeredById: m.id } });
          await tx.conversation.update({ where: { id: conv.id }, data: { lastMessageAt: m.createdAt, lastMessagePreview: previewOf(body.text) } });
          await tx.auditLog.create({
            data: {
              clinicId,
              actorUserId: auth.userId,
              action: 'message.staff_reply',
              entityType: 'message',
              entityId: m.id,
              metadata: { conversationId: conv.id, language, translated: out.translated },
              ip,
            },
          });
          return m;
        });
        if (!message) throw await heldBy(clinicId, conv.id);
        await producers.addSend({ clinicId, messageId: message.id });
        await publish(s, { type: 'message.created', clinicId, data: { conversationId: conv.id, messageId: message.id, senderType: 'staff' } });
        return {
          message: messageView(message),
          translation: { language, translated: out.translated, ...('note' in out && out.note ? { note: out.note } : {}) },
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/handback',
      tag: 'takeover',
      summary: 'Hand the conversation back to the AI (ai_mode on, status active); unanswered customer messages get an AI turn',
      action: 'conversations.handle',
      params: IdParams,
      response: ConversationChange.extend({ turnQueued: z.boolean() }),
      handler: async ({ clinicId, params, auth, ip }) => {
        const conv = await load(clinicId, params.id);
        if (conv.aiMode && conv.status === 'active') return { conversation: conv, turnQueued: false };
        if (conv.assignedTo && conv.assignedTo !== auth.userId && auth.role === 'staff') throw await heldBy(clinicId, conv.id);
        const after = await transition(clinicId, conv, { aiMode: true, status: 'active', assignedTo: null }, 'conversation.handback', {
          userId: auth.userId,
          ip,
        });
        const unanswered = await db.message.count({
          where: { conversationId: conv.id, clinicId, senderType: 'customer', answeredById: null, isDeleted: false },
        });
        if (unanswered > 0) await producers.addTurn({ clinicId, conversationId: conv.id }, s.deps.settings.turnDebounceMs);
        return { conversation: after, turnQueued: unanswered > 0 };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/assign',
      tag: 'takeover',
      summary: 'Reassign to a user of the clinic (ai_mode off), or unassign with userId null',
      action: 'conversations.assign',
      params: IdParams,
      body: z.object({ userId: z.uuid().nullable() }),
      example: { userId: '00000000-0000-4000-8000-000000000003' },
      response: ConversationChange,
      handler: async ({ clinicId, params, body, auth, ip }) => {
        const conv = await load(clinicId, params.id);
        if (body.userId) {
          found(await db.user.findFirst({ where: { id: body.userId, clinicId, isActive: true }, select: { id: true } }), 'user');
        }
        const after = await transition(
          clinicId,
          conv,
          body.userId ? { assignedTo: body.userId, aiMode: false, ...(conv.status === 'resolved' ? { status: 'active' } : {}) } : { assignedTo: null },
          'conversation.assign',
          { userId: auth.userId, ip },
        );
        return { conversation: after };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/resolve',
      tag: 'takeover',
      summary: 'Mark the conversation resolved (staff: only one they hold or nobody holds; 403 not_conversation_holder otherwise)',
      action: 'conversations.handle',
      params: IdParams,
      response: ConversationChange,
      handler: async ({ clinicId, params, auth, ip }) => {
        const conv = await load(clinicId, params.id);
        if (conv.status === 'resolved') return { conversation: conv };
        if (conv.status === 'archived') throw conflict('conversation_archived', 'the conversation is archived');
        // Staff may resolve what they hold or what nobody holds; someone else's conversation needs a lead.
        if (auth.role === 'staff' && conv.assignedTo && conv.assignedTo !== auth.userId) {
          throw new HttpError(403, 'not_conversation_holder', 'only the staff member handling this conversation, a supervisor or an admin may resolve it', {
            holder: conv.assignee ? { id: conv.assignee.id, name: conv.assignee.name } : { id: conv.assignedTo },
          });
        }
        return { conversation: await transition(clinicId, conv, { status: 'resolved' }, 'conversation.resolve', { userId: auth.userId, ip }) };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/archive',
      tag: 'takeover',
      summary: 'Archive the conversation',
      action: 'conversations.archive',
      params: IdParams,
      response: ConversationChange,
      handler: async ({ clinicId, params, auth, ip }) => {
        const conv = await load(clinicId, params.id);
        if (conv.status === 'archived') return { conversation: conv };
        return { conversation: await transition(clinicId, conv, { status: 'archived' }, 'conversation.archive', { userId: auth.userId, ip }) };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/messages/:messageId/retry',
      tag: 'takeover',
      summary: 'Send a failed message again (failed → pending, re-queued)',
      action: 'conversations.handle',
      params: z.object({ id: z.uuid(), messageId: z.uuid() }),
      response: z.strictObject({ message: Message, jobId: z.string() }),
      handler: async ({ clinicId, params, auth, ip }) => {
        const msg = found(
          await db.message.findFirst({ where: { id: params.messageId, conversationId: params.id, clinicId, senderType: { in: ['ai', 'staff'] } } }),
          'message',
        );
        const { count } = await db.message.updateMany({
          where: { id: msg.id, clinicId, deliveryStatus: 'failed' },
          data: { deliveryStatus: 'pending', deliveryError: null },
        });
        if (count !== 1) throw conflict('not_failed', `only failed messages can be retried (this one is ${msg.deliveryStatus})`);
        // The failed job still holds the deterministic id; remove it so the new one is not ignored as a duplicate.
        let jobId = sendJobId(msg.id);
        const old = await producers.send.getJob(jobId);
        if (old) {
          try {
            await old.remove();
          } catch {
            jobId = `${jobId}_retry_${Date.now()}`;
          }
        }
        await producers.addSend({ clinicId, messageId: msg.id }, { jobId });
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'message.retry',
          entityType: 'message',
          entityId: msg.id,
          before: { deliveryStatus: msg.deliveryStatus, deliveryError: msg.deliveryError },
          after: { deliveryStatus: 'pending' },
          ip,
        });
        await publish(s, { type: 'message.updated', clinicId, data: { conversationId: msg.conversationId, messageId: msg.id, deliveryStatus: 'pending' } });
        const updated = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
        return { message: messageView(updated), jobId };
      },
    }),
    route({
      method: 'post',
      path: '/api/conversations/:id/satisfaction/override',
      tag: 'satisfaction',
      summary: "Override the conversation's satisfaction score (supervisor and admin)",
      action: 'satisfaction.override',
      params: IdParams,
      body: z.object({ score: z.number().int().min(0).max(100), note: z.string().trim().min(1).max(2000) }),
      example: { score: 70, note: '고객이 농담으로 한 말이라 실제 불만 아님' },
      response: OverrideResult,
      handler: async ({ clinicId, params, body, auth }) => {
        const conv = found(await db.conversation.findFirst({ where: { id: params.id, clinicId }, select: { id: true } }), 'conversation');
        try {
          const result = await overrideScore(
            { db, live: s.deps.live },
            { clinicId, conversationId: conv.id, supervisorId: auth.userId, score: body.score, note: body.note },
          );
          return { result };
        } catch (err) {
          if (err instanceof SatisfactionNotFoundError) throw notFound(err.entity);
          if (err instanceof OverrideForbiddenError) throw new HttpError(403, 'forbidden', err.message);
          throw err;
        }
      },
    }),
  ];
}
