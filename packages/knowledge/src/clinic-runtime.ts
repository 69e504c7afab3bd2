import { AppError } from '@hub/contracts';
import type { AiProviders, GlossaryEntry, LibraryEntry } from '@hub/ai';
import { loadGlossary, loadLibrary } from './clinic-knowledge';
import { providersFor, TtlCache, type KnowledgeDeps } from './deps';

/** Per-clinic things that change rarely: providers (from clinic settings), glossary, library translations. */
export interface ClinicRuntime {
  clinicId: string;
  name: string;
  phone: string | null;
  timezone: string;
  settings: Record<string, unknown>;
  providers: AiProviders;
  glossary: GlossaryEntry[];
  library: LibraryEntry[];
}

/** The clinic is gone (deleted, or never existed): a job for it ends instead of being retried. */
export class ClinicNotFoundError extends AppError {
  constructor(readonly clinicId: string) {
    super({ kind: 'not_found', code: 'clinic_not_found', message: `clinic ${clinicId} not found` });
    this.name = 'ClinicNotFoundError';
  }
}

/** Loads and caches ClinicRuntime per clinic for cacheTtlMs (default 60 s). */
export function clinicRuntimes(deps: KnowledgeDeps): (clinicId: string) => Promise<ClinicRuntime> {
  const cache = new TtlCache<ClinicRuntime>(deps.cacheTtlMs ?? 60_000);
  return (clinicId) =>
    cache.get(clinicId, async () => {
      const clinic = await deps.db.clinic.findUnique({
        where: { id: clinicId },
        select: { id: true, name: true, phone: true, timezone: true, settings: true },
      });
      if (!clinic) throw new ClinicNotFoundError(clinicId);
      const [glossary, library] = await Promise.all([loadGlossary(deps.db, clinicId), loadLibrary(deps.db, clinicId)]);
      const settings = (clinic.settings && typeof clinic.settings === 'object' ? clinic.settings : {}) as Record<string, unknown>;
      return {
        clinicId,
        name: clinic.name,
        phone: clinic.phone,
        timezone: clinic.timezone,
        settings,
        providers: providersFor(deps, settings),
        glossary,
        library,
      };
    });
}
