import type pg from 'pg';
import type { Db } from './client';
import type { Keyring } from './crypto';

export interface ResolvedAccount {
  id: string;
  clinicId: string;
  platform: string;
  isActive: boolean;
  credentials: unknown;
}

interface AccountRow {
  id: string;
  clinicId: string;
  messengerType: string;
  isActive: boolean;
  credentials: unknown;
}

export type AccountLoader = (accountId: string) => Promise<AccountRow | null>;

export function prismaAccountLoader(db: Db): AccountLoader {
  return (id) =>
    db.messengerAccount.findUnique({ where: { id }, select: { id: true, clinicId: true, messengerType: true, isActive: true, credentials: true } });
}

/**
 * The ingress resolves accounts with one indexed SELECT through a plain pg pool instead of the Prisma
 * client: Prisma's query compiler alone costs ~100 MB of RSS, and this lookup is all the ingress reads.
 */
export function pgAccountLoader(pool: pg.Pool): AccountLoader {
  return async (id) => {
    const { rows } = await pool.query<AccountRow>(
      'SELECT id, clinic_id AS "clinicId", messenger_type AS "messengerType", is_active AS "isActive", credentials FROM messenger_accounts WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  };
}

/**
 * Loads and decrypts a messenger account, caching it in memory for ttlMs so a webhook burst costs
 * one query, while a credential rotation takes effect within ttlMs. Decrypted values stay in memory only.
 */
export class AccountCredentialsCache {
  private readonly cache = new Map<string, { at: number; value: Promise<ResolvedAccount | null> }>();
  private readonly load: AccountLoader;

  constructor(
    source: Db | AccountLoader,
    private readonly keyring: Keyring,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.load = typeof source === 'function' ? source : prismaAccountLoader(source);
  }

  get(accountId: string): Promise<ResolvedAccount | null> {
    const hit = this.cache.get(accountId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    // Cache the promise: concurrent webhooks for one account share a single query.
    const value = this.load(accountId).then((row) =>
      row
        ? {
            id: row.id,
            clinicId: row.clinicId,
            platform: row.messengerType,
            isActive: row.isActive,
            credentials: this.keyring.decrypt(row.credentials, row.id),
          }
        : null,
    );
    this.cache.set(accountId, { at: this.now(), value });
    value.catch(() => this.cache.delete(accountId));
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  invalidate(accountId?: string): void {
    if (accountId) this.cache.delete(accountId);
    else this.cache.clear();
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);
