// Test support shared by the conformance and fuzz suites: one case per registered platform, read from its
// folder (`<p>/<p>.conformance.json`: the account its fixtures were recorded for, and a wrong variant of it)
// and its registry entry (adapter, signer). A new platform's folder brings its case; nothing here names one.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messengerPlatforms } from './platforms';
import type { AccountRef, InboundAdapter, Platform } from './types';
import { PLATFORMS } from './types';

export const testAccount: AccountRef = {
  clinicId: '3f6c2b1e-8a4d-4c7e-9b2a-5d1e7f9a0c11',
  accountId: '7b2e9c4a-1d3f-4e8b-a6c5-2f9d8e7b1a30',
};

export interface ConformanceCase<S> {
  adapter: InboundAdapter<S>;
  secrets: S;
  /** Same account with the verification secret changed. */
  wrongSecrets: S;
  sign: (rawBody: Buffer | string, secrets: S) => Record<string, string>;
  /** False where the platform authenticates with a shared header secret, not a body signature. */
  signsBody: boolean;
  /** Fixture whose body delivers several events at once (platforms that batch). */
  batchFixture?: string;
}

interface ConformanceAccount {
  secrets: Record<string, string>;
  wrongSecrets: Record<string, string>;
  batchFixture?: string;
}

/** Every platform's secrets are a flat object of strings. */
type Secrets = Record<string, string>;

function conformanceCase(platform: Platform): ConformanceCase<Secrets> {
  const entry = messengerPlatforms[platform];
  const adapter = entry.inbound as unknown as InboundAdapter<Secrets>;
  const sign = entry.signWebhook as ConformanceCase<Secrets>['sign'];
  const file = fileURLToPath(new URL(`./${platform}/${platform}.conformance.json`, import.meta.url));
  const account = JSON.parse(readFileSync(file, 'utf8')) as ConformanceAccount;
  // Checked against the adapter's schema, kept whole: the ingress tests store them as the account's credentials.
  adapter.secretsSchema.parse(account.secrets);
  adapter.secretsSchema.parse(account.wrongSecrets);
  const secrets = account.secrets as Secrets;
  const wrongSecrets = account.wrongSecrets as Secrets;
  // A body signature changes with the body; a shared header secret does not.
  const signsBody = JSON.stringify(sign('{"a":1}', secrets)) !== JSON.stringify(sign('{"a":2}', secrets));
  return { adapter, secrets, wrongSecrets, sign, signsBody, ...(account.batchFixture ? { batchFixture: account.batchFixture } : {}) };
}

export const conformanceCases = Object.fromEntries(PLATFORMS.map((p) => [p, conformanceCase(p)])) as Record<Platform, ConformanceCase<Secrets>>;

export interface Fixture {
  name: string;
  description: string;
  body: unknown;
  /** Partial expectations, in order, for each event the body must produce. */
  expected?: Record<string, unknown>[];
  /** How many items the body must report as ignored. */
  ignored?: number;
  /** For malformed bodies: a substring of the WebhookParseError message (usually the path). */
  error?: string;
}

export function loadFixtures(platform: Platform): Fixture[] {
  const dir = fileURLToPath(new URL(`./${platform}/__fixtures__/`, import.meta.url));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(dir + file, 'utf8')) as Omit<Fixture, 'name'>) }));
}
