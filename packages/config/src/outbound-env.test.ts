import { describe, expect, it } from 'vitest';
import { WorkerConfigSchema, parseEnv } from './index';

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x', CREDENTIALS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` };

describe('outbound guard configuration', () => {
  it('defaults to no extra hosts, no private networks, 20 MB and 15 s', () => {
    const c = parseEnv(WorkerConfigSchema, base);
    expect(c).toMatchObject({
      OUTBOUND_HOST_ALLOWLIST_EXTRA: [],
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: false,
      MEDIA_MAX_BYTES: 20 * 1024 * 1024,
      MEDIA_TIMEOUT_MS: 15_000,
    });
  });

  it('parses a comma list of hosts and the private-network switch', () => {
    const c = parseEnv(WorkerConfigSchema, {
      ...base,
      OUTBOUND_HOST_ALLOWLIST_EXTRA: '127.0.0.1:4101, *.cdn.example.com,[::1]:80',
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: '1',
    });
    expect(c.OUTBOUND_HOST_ALLOWLIST_EXTRA).toEqual(['127.0.0.1:4101', '*.cdn.example.com', '[::1]:80']);
    expect(c.OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(true);
  });

  it('names a malformed variable', () => {
    expect(() => parseEnv(WorkerConfigSchema, { ...base, OUTBOUND_HOST_ALLOWLIST_EXTRA: 'http://evil.example/x' }, 'worker')).toThrow(
      /OUTBOUND_HOST_ALLOWLIST_EXTRA is malformed/,
    );
    expect(() => parseEnv(WorkerConfigSchema, { ...base, OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'yes' }, 'worker')).toThrow(/OUTBOUND_ALLOW_PRIVATE_NETWORKS/);
  });
});
