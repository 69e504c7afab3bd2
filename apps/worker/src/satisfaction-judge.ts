import { createAiProviders, type AiConfig, type ClinicAiSettings } from '@hub/ai';
import type { Db } from '@hub/db';
import { providerJudge, type SatisfactionJudge } from '@hub/satisfaction';

/**
 * The satisfaction judge for each clinic: its remote provider's judgeSatisfaction (clinic setting
 * ai_provider, else AI_PROVIDER), none for clinics on the local provider. Providers are cached per clinic
 * for a minute, so a settings change takes effect within one.
 */
export function clinicSatisfactionJudge(db: Db, config: AiConfig, ttlMs = 60_000): SatisfactionJudge {
  const cache = new Map<string, { at: number; value: Promise<ReturnType<typeof createAiProviders>['judge'] | null> }>();
  const load = async (clinicId: string) => {
    const clinic = await db.clinic.findUnique({ where: { id: clinicId }, select: { settings: true } });
    const settings = (clinic?.settings && typeof clinic.settings === 'object' ? clinic.settings : {}) as ClinicAiSettings;
    // Bounded by the use-case's timeout; no SDK retries inside it.
    return createAiProviders(config, settings, { maxRetries: 0 }).judge ?? null;
  };
  return providerJudge((clinicId) => {
    const hit = cache.get(clinicId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(clinicId);
    cache.set(clinicId, { at: Date.now(), value });
    value.catch(() => cache.delete(clinicId));
    return value;
  });
}
