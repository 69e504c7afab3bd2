// `pnpm eval:satisfaction`: agreement of the local scorer with the labelled turns.
// Each snippet is replayed the way the worker sees it: every customer message is scored in order,
// carrying the previous score, and the level after the labelled turn is compared with the label.
import { LEVELS, scoreTurn, type Level, type ScoreResult, type ScorerMessage } from '../src/satisfaction.scorer';
import { LABELLED_TURNS, type LabelledTurn } from './labelled-turns';

const TARGET = 0.8;
const T0 = Date.parse('2026-03-02T01:00:00Z');

export function replay(c: LabelledTurn): ScoreResult {
  const all = [...c.history, { from: 'customer' as const, text: c.turn.text, at: c.turn.at }];
  const messages: ScorerMessage[] = all.map((m, i) => ({ id: `${c.id}-${i}`, sender: m.from, text: m.text, language: c.language, at: new Date(T0 + m.at * 60_000), answeredById: null }));
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

function main(): void {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const perLang = new Map<string, { ok: number; n: number }>();
  const confusion: Record<Level, Record<Level, number>> = Object.fromEntries(LEVELS.map((a) => [a, Object.fromEntries(LEVELS.map((b) => [b, 0]))])) as Record<Level, Record<Level, number>>;
  const misses: string[] = [];
  let ok = 0;

  for (const c of LABELLED_TURNS) {
    const r = replay(c);
    const hit = r.level === c.label;
    ok += hit ? 1 : 0;
    const s = perLang.get(c.language) ?? { ok: 0, n: 0 };
    perLang.set(c.language, { ok: s.ok + (hit ? 1 : 0), n: s.n + 1 });
    confusion[c.label][r.level]++;
    const signals = [...r.languageSignals, ...r.behaviorSignals, ...r.flowSignals].map((x) => `${x.name}${x.weight > 0 ? '+' : ''}${x.weight}`).join(' ');
    if (!hit) misses.push(`  ✗ ${c.id.padEnd(28)} label=${c.label.padEnd(6)} got=${r.level.padEnd(6)} score=${String(r.score).padStart(3)}  ${signals}`);
    else if (verbose) console.log(`  ✓ ${c.id.padEnd(28)} ${c.label.padEnd(6)} score=${String(r.score).padStart(3)}  ${signals}`);
  }

  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`\nSatisfaction scorer: level agreement on ${LABELLED_TURNS.length} labelled customer turns\n`);
  for (const [lang, s] of [...perLang].sort()) console.log(`  ${lang.padEnd(6)} ${String(s.ok).padStart(2)}/${String(s.n).padEnd(2)}  ${pct(s.ok, s.n)}`);
  const overall = ok / LABELLED_TURNS.length;
  console.log(`  ${'all'.padEnd(6)} ${String(ok).padStart(2)}/${String(LABELLED_TURNS.length).padEnd(2)}  ${pct(ok, LABELLED_TURNS.length)}  (target ≥ ${TARGET * 100}%)\n`);

  console.log(`  confusion (rows: label, columns: scorer)`);
  console.log(`  ${''.padEnd(8)}${LEVELS.map((l) => l.padStart(8)).join('')}`);
  for (const a of LEVELS) console.log(`  ${a.padEnd(8)}${LEVELS.map((b) => String(confusion[a][b]).padStart(8)).join('')}`);
  if (misses.length) console.log(`\n  disagreements:\n${misses.join('\n')}`);
  console.log('');

  if (overall < TARGET) {
    console.error(`level agreement ${pct(ok, LABELLED_TURNS.length)} is below the ${TARGET * 100}% target`);
    process.exit(1);
  }
}

main();
