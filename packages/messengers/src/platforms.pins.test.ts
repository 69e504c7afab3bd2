// Every list of platforms outside the registry is pinned to it: adding a platform without updating one
// fails here, naming the list.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLATFORMS as CONSOLE_PLATFORMS } from '../../../apps/console/src/api/api.types';
import { SEND_LIMITS } from '../../../apps/worker/src/pipeline/rate-limiter';
import { CREDENTIAL_SCHEMAS, PLATFORMS as SEED_PLATFORMS, SIGNATURE_HEADERS, generateCredentials } from '../../db/src/seed/accounts';
import { inboundAdapters } from './inbound-registry';
import { inboundSigners } from './inbound-signers';
import { outboundHosts } from './outbound-registry';
import { messengerPlatforms, platformOf } from './platforms';
import { PLATFORMS } from './types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const registry = Object.keys(messengerPlatforms);
const sorted = (xs: readonly string[]) => [...xs].sort();

/** The CHECK (messenger_type IN (…)) a constraint has after every migration ran, in migration order. */
function migratedCheck(constraint: string): string[] | null {
  const dir = path.join(root, 'prisma/migrations');
  let values: string[] | null = null;
  for (const m of readdirSync(dir)
    .filter((d) => /^\d+_/.test(d))
    .sort()) {
    const sql = readFileSync(path.join(dir, m, 'migration.sql'), 'utf8');
    const re = new RegExp(`(DROP|ADD) CONSTRAINT (?:IF EXISTS )?"?${constraint}"?(?:\\s+CHECK\\s*\\(\\s*messenger_type\\s+IN\\s*\\(([^)]*)\\))?`, 'gi');
    for (const match of sql.matchAll(re)) {
      values = match[1]!.toUpperCase() === 'DROP' ? null : [...match[2]!.matchAll(/'([^']+)'/g)].map((v) => v[1]!);
    }
  }
  return values;
}

describe('the platform registry', () => {
  it('has exactly the platform names, in their order, each entry naming itself', () => {
    expect(registry).toEqual([...PLATFORMS]);
    for (const p of PLATFORMS) {
      expect(messengerPlatforms[p].platform).toBe(p);
      expect(messengerPlatforms[p].inbound.platform).toBe(p);
    }
  });

  it.each(['messenger_accounts_type_check', 'customers_messenger_type_check'])('the migrations’ %s allows exactly the registry’s platforms', (constraint) => {
    expect(sorted(migratedCheck(constraint) ?? [])).toEqual(sorted(registry));
  });

  it('the console lists the registry’s platforms', () => {
    expect(sorted(CONSOLE_PLATFORMS)).toEqual(sorted(registry));
  });

  it('the seed, its credential schemas and signature headers cover the registry', () => {
    expect(sorted(SEED_PLATFORMS)).toEqual(sorted(registry));
    expect(sorted(Object.keys(CREDENTIAL_SCHEMAS))).toEqual(sorted(registry));
    expect(sorted(Object.keys(SIGNATURE_HEADERS))).toEqual(sorted(registry));
    // Demo credentials satisfy the platform's stored-credentials schema (generateCredentials parses them).
    for (const p of PLATFORMS) expect(() => generateCredentials(p)).not.toThrow();
  });

  it('the worker’s send limits are the registry’s', () => {
    for (const p of PLATFORMS) expect(SEND_LIMITS[p]).toBe(messengerPlatforms[p].sendLimitPerSecond);
    expect(sorted(Object.keys(SEND_LIMITS))).toEqual(sorted(registry));
  });

  it('the old per-concern maps are views of it', () => {
    for (const p of PLATFORMS) {
      expect(inboundAdapters[p]).toBe(messengerPlatforms[p].inbound);
      expect(outboundHosts[p]).toBe(messengerPlatforms[p].outboundHosts);
      expect(inboundSigners[p]).toBe(messengerPlatforms[p].signWebhook);
    }
  });

  it('keeps the platform rules it took over from the ingress and the send path', () => {
    // Meta's GET handshake, Kakao's skill-response acknowledgement, Telegram's chat-qualified ids.
    expect(PLATFORMS.filter((p) => platformOf(p).handshake)).toEqual(['instagram', 'facebook', 'whatsapp']);
    expect(PLATFORMS.filter((p) => platformOf(p).acknowledge)).toEqual(['kakao']);
    expect(platformOf('telegram').qualifyMessageId!('42', '1001')).toBe('1001:42');
    expect(PLATFORMS.filter((p) => platformOf(p).qualifyMessageId)).toEqual(['telegram']);
    expect(platformOf('kakao').acknowledge!([])).toMatchObject({ version: '2.0' });
    expect(platformOf('line').hubSecrets).toEqual([]);
  });

  it('loads each sender on first use only, once', async () => {
    for (const p of PLATFORMS) {
      const first = await platformOf(p).outbound();
      expect(await platformOf(p).outbound()).toBe(first);
      expect(typeof first.createSender).toBe('function');
    }
  });
});
