import { describe, expect, it } from 'vitest';
import { conformanceCases, loadFixtures, testAccount, type ConformanceCase } from './inbound.conformance.cases';
import { inboundAdapters } from './inbound-registry';
import { InboundEventSchema, PLATFORMS, WebhookParseError, type Platform } from './types';

function parseError(run: () => unknown): WebhookParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookParseError);
    return error as WebhookParseError;
  }
  throw new Error('expected a WebhookParseError, parse succeeded');
}

function flipByte(raw: Buffer, index: number): Buffer {
  const copy = Buffer.from(raw);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

it('registry has one adapter per platform, each under its own name', () => {
  expect(Object.keys(inboundAdapters).sort()).toEqual([...PLATFORMS].sort());
  for (const [platform, adapter] of Object.entries(inboundAdapters)) expect(adapter.platform).toBe(platform);
});

describe.each(PLATFORMS.map((platform) => [platform] as const))('%s inbound adapter', (platform: Platform) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- exercised through the common interface
  const c = conformanceCases[platform] as ConformanceCase<any>;
  const { adapter, secrets } = c;
  const fixtures = loadFixtures(platform);
  const valid = fixtures.filter((f) => f.expected);
  const malformed = fixtures.filter((f) => f.error !== undefined);
  const parse = (body: unknown) => adapter.parse(body, testAccount, secrets);

  it('has fixtures for valid and malformed bodies', () => {
    expect(valid.length).toBeGreaterThanOrEqual(4);
    expect(malformed.length).toBeGreaterThanOrEqual(1);
  });

  it('accepts its test credentials and rejects an empty object', () => {
    expect(adapter.secretsSchema.safeParse(secrets).success).toBe(true);
    expect(adapter.secretsSchema.safeParse({}).success).toBe(false);
    expect(adapter.bodyLimit).toBeGreaterThanOrEqual(1024 * 1024);
  });

  describe.each(valid.map((f) => [f.name, f] as const))('fixture %s', (_name, fixture) => {
    const rawBody = Buffer.from(JSON.stringify(fixture.body));

    it('parses to the expected events', () => {
      const result = parse(fixture.body);
      expect(result.events).toHaveLength(fixture.expected!.length);
      result.events.forEach((event, i) => {
        expect(event).toMatchObject(fixture.expected![i]!);
        expect(InboundEventSchema.parse(event)).toEqual(event);
        expect(event).toMatchObject({ platform, ...testAccount });
        expect(event.raw).toBeTypeOf('object');
      });
      expect(result.ignored).toHaveLength(fixture.ignored ?? 0);
      for (const item of result.ignored) expect(item.reason).toMatch(new RegExp(`^${platform}: .+`));
    });

    it('yields the same externalMessageIds when parsed again (dedupe key)', () => {
      const ids = (body: unknown) => parse(body).events.map((e) => e.externalMessageId);
      expect(ids(JSON.parse(rawBody.toString('utf8')))).toEqual(ids(fixture.body));
    });

    it('verifies a correctly signed body, also with differently cased header names', () => {
      const headers = c.sign(rawBody, secrets);
      expect(adapter.verify({ rawBody, headers }, secrets)).toBe(true);
      const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
      expect(adapter.verify({ rawBody, headers: upper }, secrets)).toBe(true);
      if (adapter.verifyParsed) expect(adapter.verifyParsed(fixture.body, secrets)).toBe(true);
    });

    // Telegram and Kakao authenticate with a header secret, not a body signature: no tamper check to run.
    if (c.signsBody)
      it('fails verification when any byte of the body changes', () => {
        const headers = c.sign(rawBody, secrets);
        for (const index of [0, Math.floor(rawBody.length / 2), rawBody.length - 1]) {
          expect(adapter.verify({ rawBody: flipByte(rawBody, index), headers }, secrets)).toBe(false);
        }
        expect(adapter.verify({ rawBody: Buffer.concat([rawBody, Buffer.from(' ')]), headers }, secrets)).toBe(false);
      });

    it('fails verification with the wrong secret, a missing, empty, repeated or garbled header', () => {
      const headers = c.sign(rawBody, secrets);
      const [name, value] = Object.entries(headers)[0]!;
      expect(adapter.verify({ rawBody, headers: c.sign(rawBody, c.wrongSecrets) }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers }, c.wrongSecrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: {} }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: { [name]: '' } }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: { [name]: [value, value] } }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: { [name]: value.slice(0, -1) } }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: { [name]: `${value}=` } }, secrets)).toBe(false);
      expect(adapter.verify({ rawBody, headers: { [name]: 'ü'.repeat(value.length) } }, secrets)).toBe(false);
    });
  });

  it('gives every event across the fixtures a distinct externalMessageId', () => {
    const ids = valid.flatMap((f) => parse(f.body).events.map((e) => e.externalMessageId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  if (c.batchFixture !== undefined)
    it('splits a batched delivery into several events', () => {
      const fixture = fixtures.find((f) => f.name === c.batchFixture);
      expect(fixture).toBeDefined();
      expect(parse(fixture!.body).events.length).toBeGreaterThan(1);
    });

  it.each(malformed.map((f) => [f.name, f] as const))('malformed fixture %s throws WebhookParseError naming the problem', (_name, fixture) => {
    const error = parseError(() => parse(fixture.body));
    expect(error.message).toContain(fixture.error!);
  });

  it.each([null, undefined, 42, 'update', true, [], {}, [{}]].map((body) => [JSON.stringify(body) ?? 'undefined', body] as const))(
    'throws WebhookParseError for %s',
    (_label, body) => {
      parseError(() => parse(body));
    },
  );
});
