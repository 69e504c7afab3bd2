import type { Db } from './client';
import type { Keyring } from './crypto';

export interface ResolvedAccount {
  id: string;
  clinicId: string;
  platform: string;
  isActive: boolean;
  credentials: unknown;
}

/**
 * Loads and decrypts a messenger account, caching it in memory for ttlMs so a webhook burst costs
 * one query, while a credential rotation takes effect within ttlMs. Decrypted values stay in memory only.
 */
export class AccountCredentialsCache {
  private readonly cache = new Map<string, { at: number; value: ResolvedAccount | null }>();

  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(accountId: string): Promise<ResolvedAccount | null> {
    const hit = this.cache.get(accountId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const row = await this.db.messengerAccount.findUnique({
      where: { id: accountId },
      select: { id: true, clinicId: true, messengerType: true, isActive: true, credentials: true },
    });
    const value: ResolvedAccount | null = row
      ? { id: row.id, clinicId: row.clinicId, platform: row.messengerType, isActive: row.isActive, credentials: this.keyring.decrypt(row.credentials) }
      : null;
    this.cache.set(accountId, { at: this.now(), value });
    return value;
  }

  invalidate(accountId?: string): void {
    if (accountId) this.cache.delete(accountId);
    else this.cache.clear();
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);
