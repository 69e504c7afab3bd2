import { createAiProviders, type AiConfig, type AiProviders, type ClinicAiSettings, type CreateAiProvidersOptions } from '@hub/ai';
import type { Db } from '@hub/db';

export interface KnowledgeDeps {
  db: Db;
  /** The app's parsed AI config (AI_PROVIDER, keys, models). */
  ai: AiConfig;
  /** Builds one clinic's providers; defaults to createAiProviders (clinic settings win over AI_PROVIDER). */
  providers?: (settings: ClinicAiSettings | null, options: CreateAiProvidersOptions) => AiProviders;
  /** Clock (event prices, greetings). */
  now?: () => Date;
  /** How long per-clinic glossary, library and providers are cached (default 60 s). */
  cacheTtlMs?: number;
  onFailover?: CreateAiProvidersOptions['onFailover'];
}

export function providersFor(deps: KnowledgeDeps, settings: unknown): AiProviders {
  const s = (settings && typeof settings === 'object' ? settings : {}) as ClinicAiSettings;
  const options: CreateAiProvidersOptions = deps.onFailover ? { onFailover: deps.onFailover } : {};
  return deps.providers ? deps.providers(s, options) : createAiProviders(deps.ai, s, options);
}

export const nowOf = (deps: KnowledgeDeps) => (deps.now ? deps.now() : new Date());

/** A tiny TTL cache keyed by string; values are promises so concurrent loads collapse into one. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
