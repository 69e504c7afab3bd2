import { describe, expect, it } from 'vitest';
import { conformanceCases, loadFixtures, testAccount, type ConformanceCase } from './inbound.conformance.cases';
import { PLATFORMS, WebhookParseError } from './types';

/** Small deterministic PRNG (mulberry32) so a failure is reproducible from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -1, 1e300, -1e300, 1.5, 2 ** 53, 8.64e15 + 1][Math.floor(rand() * 7)];
    case 3:
      return ['', 'x', 'ü😀', '2024-01-01', '123', 'https://example.com/cb'][Math.floor(rand() * 6)];
    case 4:
      return Math.floor(rand() * 1e10);
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: Math.floor(rand() * 3) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, (_, i) => [`k${i}`, randomValue(rand, depth + 1)]));
  }
}

/** Replace, delete or retype one node somewhere in a fixture body. */
function mutate(value: unknown, rand: () => number): unknown {
  if (value === null || typeof value !== 'object') return rand() < 0.7 ? randomValue(rand) : value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || rand() < 0.15) return randomValue(rand);
  const key = keys[Math.floor(rand() * keys.length)]!;
  const target = copy as Record<string, unknown>;
  const roll = rand();
  if (roll < 0.2) delete target[key];
  else if (roll < 0.4) target[key] = randomValue(rand);
  else target[key] = mutate(target[key], rand);
  return copy;
}

/** Cut the JSON text anywhere and keep what still parses (e.g. a prefix that is a number). */
function truncations(body: unknown, rand: () => number): unknown[] {
  const text = JSON.stringify(body);
  const out: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    const cut = text.slice(0, Math.floor(rand() * text.length));
    try {
      out.push(JSON.parse(cut));
    } catch {
      // Balance what is open so the truncated document still parses as JSON.
      const closers = [...cut.replace(/"(?:[^"\\]|\\.)*"/g, '')].reduce<string[]>((stack, ch) => {
        if (ch === '{') stack.push('}');
        else if (ch === '[') stack.push(']');
        else if (ch === '}' || ch === ']') stack.pop();
        return stack;
      }, []);
      const repaired = cut.replace(/,?\s*("(?:[^"\\]|\\.)*"?\s*:?\s*)?$/, '') + closers.reverse().join('');
      try {
        out.push(JSON.parse(repaired));
      } catch {
        // not every cut can be repaired; the ingress answers 400 before parse for those
      }
    }
  }
  return out;
}

describe.each(PLATFORMS.map((p) => [p] as const))('%s parse under fuzzing', (platform) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- exercised through the common interface
  const c = conformanceCases[platform] as ConformanceCase<any>;
  const bodies = loadFixtures(platform).map((f) => f.body);

  function check(body: unknown, seed: number): void {
    try {
      const result = c.adapter.parse(body, testAccount, c.secrets);
      expect(Array.isArray(result.events) && Array.isArray(result.ignored)).toBe(true);
    } catch (error) {
      if (!(error instanceof WebhookParseError)) {
        throw new Error(`seed ${seed}: ${String(error)} for body ${JSON.stringify(body)?.slice(0, 500)}`, { cause: error });
      }
    }
  }

  it('random JSON values only ever throw WebhookParseError', () => {
    const rand = prng(1);
    for (let i = 0; i < 500; i++) check(randomValue(rand), i);
  });

  it('mutated fixtures only ever throw WebhookParseError', () => {
    for (let seed = 0; seed < 1500; seed++) {
      const rand = prng(seed);
      let body = bodies[seed % bodies.length];
      const rounds = 1 + Math.floor(rand() * 3);
      for (let r = 0; r < rounds; r++) body = mutate(body, rand);
      check(body, seed);
    }
  });

  it('truncated fixtures only ever throw WebhookParseError', () => {
    bodies.forEach((body, i) => {
      for (const cut of truncations(body, prng(1000 + i))) check(cut, i);
    });
  });

  it('verify never throws on odd header values', () => {
    const rand = prng(7);
    const rawBody = Buffer.from(JSON.stringify(bodies[0]));
    const name = Object.keys(c.sign(rawBody, c.secrets))[0]!;
    for (let i = 0; i < 200; i++) {
      const value = randomValue(rand);
      const headerValue = typeof value === 'string' ? value : Array.isArray(value) ? value.map(String) : JSON.stringify(value);
      expect(c.adapter.verify({ rawBody, headers: { [name]: headerValue } }, c.secrets)).toBe(false);
    }
  });
});
