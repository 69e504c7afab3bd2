// `pnpm eval:satisfaction`: agreement of the local scorer with labelled dialogues, in three sets: the
// legacy labelled turns (written alongside the scorer), the unseen dev split (outsider-written, the only
// set whose misses may be looked at while tuning) and the unseen test split (aggregate figures only).
// Each dialogue is replayed the way the worker sees it: every customer message is scored in order,
// carrying the previous score, and the level after the labelled turn is compared with the label.
import { LEVELS, scoreTurn, type Level, type ScoreResult, type ScorerMessage } from '../src/satisfaction.scorer';
import { LABELLED_TURNS, type LabelledTurn } from './labelled-turns';
import { UNSEEN_DIALOGUES } from './unseen-dialogues';

const TARGET = 0.8;
const T0 = Date.parse('2026-03-02T01:00:00Z');

export function replay(c: LabelledTurn): ScoreResult {
  const all = [...c.history, { from: 'customer' as const, text: c.turn.text, at: c.turn.at }];
  const messages: ScorerMessage[] = all.map((m, i) => ({
    id: `${c.id}-${i}`,
    sender: m.from,
    text: m.text,
    language: c.language,
    at: new Date(T0 + m.at * 60_000),
    answeredById: null,
  }));
  // A customer message is answered by the next hub message after it.
  messages.forEach((m, i) => {
    if (m.sender !== 'customer') return;
    const reply = messages.slice(i + 1).find((r) => r.sender !== 'customer');
    if (reply) m.answeredById = reply.id;
  });
  const lastHub = messages.map((m) => m.sender !== 'customer').lastIndexOf(true);
  let previous: number | null = null;
  let result: ScoreResult | null = null;
  messages.forEach((m, i) => {
    if (m.sender !== 'customer') return;
    result = scoreTurn({
      messages: messages.slice(0, i + 1),
      currentMessageId: m.id,
      now: m.at,
      previousScore: previous,
      handoff: { active: !!c.waitingForHuman && i > lastHub },
    });
    previous = result.score;
  });
  return result!;
}

interface SetResult {
  name: string;
  ok: number;
  n: number;
  perLang: Map<string, { ok: number; n: number }>;
  confusion: Record<Level, Record<Level, number>>;
  misses: string[];
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

/** `showCases`: per-case lines (misses, and hits with --verbose). Never true for the test split. */
function evaluate(name: string, cases: (LabelledTurn & { kind?: string })[], showCases: boolean, verbose: boolean): SetResult {
  const perLang = new Map<string, { ok: number; n: number }>();
  const confusion = Object.fromEntries(LEVELS.map((a) => [a, Object.fromEntries(LEVELS.map((b) => [b, 0]))])) as Record<Level, Record<Level, number>>;
  const misses: string[] = [];
  let ok = 0;
  for (const c of cases) {
    const r = replay(c);
    const hit = r.level === c.label;
    ok += hit ? 1 : 0;
    const s = perLang.get(c.language) ?? { ok: 0, n: 0 };
    perLang.set(c.language, { ok: s.ok + (hit ? 1 : 0), n: s.n + 1 });
    confusion[c.label][r.level]++;
    if (!showCases) continue;
    const signals = [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals].map((x) => `${x.name}${x.weight > 0 ? '+' : ''}${x.weight}`).join(' ');
    const line = `${c.id.padEnd(28)} ${(c.kind ?? '').padEnd(11)} label=${c.label.padEnd(6)} got=${r.level.padEnd(6)} score=${String(r.score).padStart(3)}  ${signals}`;
    if (!hit) misses.push(`  ✗ ${line}`);
    else if (verbose) console.log(`  ✓ ${line}`);
  }
  return { name, ok, n: cases.length, perLang, confusion, misses };
}

function print(r: SetResult): void {
  console.log(`\n${r.name}: ${r.ok}/${r.n}  ${pct(r.ok, r.n)}`);
  const langs = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'].filter((l) => r.perLang.has(l));
  console.log(`  ${langs.map((l) => `${l} ${r.perLang.get(l)!.ok}/${r.perLang.get(l)!.n} ${pct(r.perLang.get(l)!.ok, r.perLang.get(l)!.n)}`).join('   ')}`);
  console.log(`  confusion (rows: label, columns: scorer)`);
  console.log(`  ${''.padEnd(8)}${LEVELS.map((l) => l.padStart(8)).join('')}`);
  for (const a of LEVELS) console.log(`  ${a.padEnd(8)}${LEVELS.map((b) => String(r.confusion[a][b]).padStart(8)).join('')}`);
  if (r.misses.length) console.log(`  disagreements:\n${r.misses.join('\n')}`);
}

function main(): void {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const legacy = evaluate('legacy labelled turns', LABELLED_TURNS, true, verbose);
  const dev = evaluate(
    'unseen dev',
    UNSEEN_DIALOGUES.filter((c) => c.split === 'dev'),
    true,
    verbose,
  );
  // The test split is reported in aggregate only: its cases must not steer the scorer.
  const test = evaluate(
    'unseen test (aggregate only)',
    UNSEEN_DIALOGUES.filter((c) => c.split === 'test'),
    false,
    false,
  );
  console.log('\nSatisfaction scorer: level agreement');
  for (const r of [legacy, dev, test]) print(r);
  const devRate = dev.ok / dev.n;
  const testRate = test.ok / test.n;
  console.log(
    `\nsummary  legacy ${pct(legacy.ok, legacy.n)}  dev ${pct(dev.ok, dev.n)}  test ${pct(test.ok, test.n)}  gap (dev − test) ${((devRate - testRate) * 100).toFixed(1)} points  (target: test ≥ ${TARGET * 100}%)\n`,
  );

  const failed = [legacy, test].filter((r) => r.ok / r.n < TARGET);
  if (failed.length) {
    console.error(failed.map((r) => `${r.name}: ${pct(r.ok, r.n)} is below the ${TARGET * 100}% target`).join('\n'));
    process.exit(1);
  }
}

main();
