import {
  isLangCode,
  isProviderError,
  summarizeByRules,
  type ConversationSummarizer,
  type ConversationSummary,
  type ConversationSummaryInput,
  type LangCode,
} from '@hub/ai';
import type { Db } from '@hub/db';
import type { LiveEventPublisher, SummaryJob } from '@hub/queue';
import type { Logger } from '@hub/observability';

export interface SummaryDeps {
  db: Db;
  logger: Logger;
  /** The clinic's remote summarizer; null for a clinic on the local provider. */
  summarizerFor: (clinicId: string) => Promise<ConversationSummarizer | null>;
  /** How long the remote model may take before the rules write the summary. */
  timeoutMs: number;
  live?: Pick<LiveEventPublisher, 'publish'>;
  /** Latest messages read (default 40). */
  window?: number;
  now?: () => Date;
}

export type SummaryOutcome = { status: 'updated'; source: string } | { status: 'unchanged' | 'not_found' };

/**
 * Keeps a conversation's summary (Korean, for staff) and intents current: the clinic's remote model
 * (structured output) when it has one, the local rules otherwise, and the rules too when the model fails
 * or is late, so a summary never waits on a provider and a provider's failure is never the job's.
 * A summary records the last message it covers: a job that finds nothing newer does nothing, and a late
 * job never overwrites a newer summary.
 */
export async function summarizeConversation(deps: SummaryDeps, job: SummaryJob): Promise<SummaryOutcome> {
  const { db } = deps;
  const conv = await db.conversation.findFirst({
    where: { id: job.conversationId, clinicId: job.clinicId },
    select: { id: true, summaryMessageSeq: true, handoffReason: true, status: true, customer: { select: { languageCode: true } } },
  });
  if (!conv) return { status: 'not_found' };
  const rows = await db.message.findMany({
    where: { conversationId: conv.id, clinicId: job.clinicId, isDeleted: false, senderType: { in: ['customer', 'ai', 'staff'] } },
    orderBy: { seq: 'desc' },
    take: deps.window ?? 40,
    select: { seq: true, senderType: true, content: true, originalLanguage: true, translatedContent: true, translatedLanguage: true },
  });
  const latest = rows[0]?.seq;
  if (latest === undefined || (conv.summaryMessageSeq !== null && conv.summaryMessageSeq >= latest)) return { status: 'unchanged' };

  const messages = rows.reverse().map((m) => ({
    role: m.senderType === 'customer' ? ('customer' as const) : m.senderType === 'staff' ? ('staff' as const) : ('assistant' as const),
    text: m.content,
    korean: m.translatedLanguage === 'ko' ? m.translatedContent : m.originalLanguage === 'ko' ? m.content : null,
  }));
  const lastLang = [...rows].reverse().find((m) => m.senderType === 'customer' && m.originalLanguage)?.originalLanguage;
  const lang = [lastLang, conv.customer.languageCode].find((l): l is LangCode => !!l && isLangCode(l)) ?? 'ko';
  const input: ConversationSummaryInput = { customerLanguage: lang, messages, handoffReason: conv.status === 'waiting' ? conv.handoffReason : null };

  let result: ConversationSummary | undefined;
  let source = 'rules';
  let model = 'rules';
  let error: string | null = null;
  const remote = await deps.summarizerFor(job.clinicId).catch((err: unknown) => {
    deps.logger.warn({ clinicId: job.clinicId, err }, 'summary: the clinic provider could not be built; local rules used');
    error = 'provider_unavailable';
    return null;
  });
  if (remote) {
    try {
      result = await remote.summarizeConversation(input, { signal: AbortSignal.timeout(deps.timeoutMs) });
      source = remote.name;
      model = remote.model;
    } catch (err) {
      deps.logger.warn({ conversationId: conv.id, provider: remote.name, err }, 'summary: the remote model failed; local rules used');
      error = isProviderError(err) ? err.code : 'error';
    }
  }
  result ??= summarizeByRules(input);

  const now = deps.now ? deps.now() : new Date();
  const { count } = await db.conversation.updateMany({
    where: { id: conv.id, clinicId: job.clinicId, OR: [{ summaryMessageSeq: null }, { summaryMessageSeq: { lt: latest } }] },
    data: {
      summary: result.summary,
      detectedIntents: result.intents,
      summarySource: source,
      summaryModel: model.slice(0, 100),
      summaryError: error,
      summaryUpdatedAt: now,
      summaryMessageSeq: latest,
    },
  });
  if (!count) return { status: 'unchanged' };
  await deps.live
    ?.publish({
      type: 'conversation.updated',
      clinicId: job.clinicId,
      data: { conversationId: conv.id, summary: result.summary, detectedIntents: result.intents, summarySource: source },
    })
    .catch((err: unknown) => deps.logger.warn({ conversationId: conv.id, err }, 'summary: live event not published'));
  return { status: 'updated', source };
}
