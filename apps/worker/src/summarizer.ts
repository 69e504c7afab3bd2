import { createAiProviders, type AiConfig, type ClinicAiSettings, type ConversationSummarizer } from '@hub/ai';
import type { Db } from '@hub/db';

/** The conversation summarizer for each clinic: its remote provider's, none on the local provider; cached as the judge. */
export function clinicSummarizer(db: Db, config: AiConfig, ttlMs = 60_000): (clinicId: string) => Promise<ConversationSummarizer | null> {
  const cache = new Map<string, { at: number; value: Promise<ConversationSummarizer | null> }>();
  const load = async (clinicId: string) => {
    const clinic = await db.clinic.findUnique({ where: { id: clinicId }, select: { settings: true } });
    const settings = (clinic?.settings && typeof clinic.settings === 'object' ? clinic.settings : {}) as ClinicAiSettings;
    // Bounded by the use-case's timeout; no SDK retries inside it.
    return createAiProviders(config, settings, { maxRetries: 0 }).summarizer ?? null;
  };
  return (clinicId) => {
    const hit = cache.get(clinicId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(clinicId);
    cache.set(clinicId, { at: Date.now(), value });
    value.catch(() => cache.delete(clinicId));
    return value;
  };
}
