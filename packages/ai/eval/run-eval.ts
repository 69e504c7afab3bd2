/**
 * Consultant evaluation: seeds the demo into a scratch database (clinic_hub_eval, recreated each run),
 * indexes it, runs every question of questions.ts through the consultant with the local provider, and
 * prints retrieval hit rate@5 and rule compliance. Exits non-zero below target (hit@5 ≥ 0.85, compliance 100%).
 *
 *   pnpm eval              EVAL_VERBOSE=1 pnpm eval   (prints every reply)
 */
import { createRequire } from 'node:module';
import { AiConfigSchema } from '@hub/ai';
import { createDb, generateKeySpec, Keyring, type Db } from '@hub/db';
import { createConsultant, guards, loadClinicFacts, reindexClinic, reindexGlobal, type TurnOutput } from '../../knowledge/src/index';
import { loadGlossary } from '../../knowledge/src/clinic-knowledge';
import { SchemaEngineSession } from '../../db/src/migrate/schema-engine';
import { seedDemo } from '../../db/src/seed/seed';
import { DEMO_CLINIC_SLUG } from '../../db/src/seed/clinics.data';
import { QUESTIONS, type EvalQuestion } from './questions';

const require = createRequire(new URL('../../db/package.json', import.meta.url));
const pg = require('pg') as typeof import('pg');

const URL_ = process.env.EVAL_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic_hub_eval';
const TARGET_HIT = 0.85;
const TARGET_COMPLIANCE = 1;
const VERBOSE = !!process.env.EVAL_VERBOSE;

async function recreateDatabase(): Promise<void> {
  const admin = new URL(URL_);
  const name = admin.pathname.slice(1).replace(/"/g, '');
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
  await c.end();
  const session = await SchemaEngineSession.open(URL_);
  try {
    await session.applyMigrations();
  } finally {
    session.close();
  }
}

/** "library:<words of the Korean question>" → response_library ids; other labels are used as they are. */
async function libraryLabels(db: Db, clinicId: string): Promise<Map<string, string>> {
  const rows = await db.responseLibrary.findMany({ where: { clinicId }, select: { id: true, questionKo: true } });
  return new Map(rows.map((r) => [`response_library:${r.id}`, r.questionKo]));
}

function expectedHit(q: EvalQuestion, retrieved: string[], library: Map<string, string>): boolean {
  return retrieved.slice(0, 5).some((label) =>
    q.expectedSources.some((exp) => {
      if (exp.startsWith('library:')) return (library.get(label) ?? '').includes(exp.slice('library:'.length));
      return label === exp;
    }),
  );
}

const has = (text: string, needle: string) => text.normalize('NFKC').toLowerCase().includes(needle.normalize('NFKC').toLowerCase());

interface Outcome {
  q: EvalQuestion;
  out: TurnOutput;
  hit: boolean | null;
  violations: string[];
  factsOk: boolean;
}

async function main(): Promise<void> {
  const started = performance.now();
  await recreateDatabase();
  const db = createDb(URL_, { max: 5 });
  const keyring = new Keyring(generateKeySpec());
  await seedDemo(db, keyring, { publicBaseUrl: 'http://127.0.0.1:3001' });
  const clinic = await db.clinic.findUniqueOrThrow({ where: { slug: DEMO_CLINIC_SLUG } });
  const deps = { db, ai: AiConfigSchema.parse({ AI_PROVIDER: 'local' }) };
  const g = await reindexGlobal(deps);
  const c = await reindexClinic(deps, clinic.id);
  console.log(`indexed: ${g.rows} global rows, ${c.rows} clinic rows from ${c.sources} sources in ${c.ms} ms`);

  const consultant = createConsultant(deps);
  const account = await db.messengerAccount.findFirstOrThrow({ where: { clinicId: clinic.id } });
  const library = await libraryLabels(db, clinic.id);
  const facts = await loadClinicFacts(db, clinic.id, await loadGlossary(db, clinic.id), new Date());
  const internalValues = facts.internalValues;

  const outcomes: Outcome[] = [];
  for (const [i, q] of QUESTIONS.entries()) {
    const customer = await db.customer.create({
      data: { clinicId: clinic.id, messengerType: account.messengerType, messengerUserId: `eval-${i}-${Date.now()}`, languageCode: q.lang, ...(q.country ? { countryCode: q.country } : {}) },
    });
    const conv = await db.conversation.create({ data: { clinicId: clinic.id, customerId: customer.id, messengerAccountId: account.id } });
    const msg = await db.message.create({ data: { clinicId: clinic.id, conversationId: conv.id, senderType: 'customer', content: q.text } });
    const out = await consultant.reply({
      clinicId: clinic.id,
      conversationId: conv.id,
      customerId: customer.id,
      messages: [{ id: msg.id, content: q.text, translatedContent: null, originalLanguage: null }],
    });
    const retrieved = ((out.aiMetadata['retrieval'] as { source: string }[] | undefined) ?? []).map((r) => r.source);
    const hit = q.expectedSources.length ? expectedHit(q, retrieved, library) : null;

    // Rule compliance, checked on what would be sent.
    const violations: string[] = [];
    const again = await guards.violations(out.text, {
      lang: (out.language as 'ko') ?? q.lang,
      turnText: q.text,
      procedures: facts.procedures,
      allowedPrices: facts.allowedPrices,
      internalValues,
      knowledgeSlugs: [],
    });
    for (const v of again) violations.push(`${v.rule}: ${v.detail ?? v.status}`);
    for (const bad of q.mustNotContain ?? []) if (has(out.text, bad)) violations.push(`contains forbidden "${bad}"`);
    if (q.expectHandoff && !(out.handoff && q.expectHandoff.includes(out.handoff.reason))) violations.push(`expected handoff ${q.expectHandoff.join('|')}, got ${out.handoff?.reason ?? 'a reply'}`);
    if (q.expectNoHandoff && out.handoff) violations.push(`unexpected handoff ${out.handoff.reason}`);

    const factsOk = out.handoff ? !!q.expectHandoff : (q.mustContain ?? []).every((group) => (Array.isArray(group) ? group : [group]).some((f) => has(out.text, f)));
    outcomes.push({ q, out, hit, violations, factsOk });
    const mark = `${hit === null ? ' ' : hit ? '✓' : '✗'}${violations.length ? '!' : ' '}${factsOk ? ' ' : '?'}`;
    console.log(`${mark} ${q.id.padEnd(22)} ${q.lang.padEnd(5)} ${out.handoff ? `→ handoff ${out.handoff.reason} ` : ''}${retrieved.slice(0, 3).join(', ') || '-'}`);
    if (!hit && hit !== null) console.log(`     expected ${q.expectedSources.join(' | ')}; got ${retrieved.slice(0, 5).join(', ')}`);
    for (const v of violations) console.log(`     violation: ${v}`);
    if (VERBOSE || !factsOk) console.log(`     ${factsOk ? '' : `missing facts ${JSON.stringify(q.mustContain)}: `}${out.text.replace(/\n/g, ' ⏎ ').slice(0, 400)}`);
  }

  const retrievalSet = outcomes.filter((o) => o.hit !== null);
  const hitRate = retrievalSet.filter((o) => o.hit).length / retrievalSet.length;
  const compliant = outcomes.filter((o) => o.violations.length === 0).length / outcomes.length;
  const answered = outcomes.filter((o) => !o.out.handoff && !o.q.expectHandoff);
  const factRate = outcomes.filter((o) => o.factsOk).length / outcomes.length;
  const byLang = [...new Set(QUESTIONS.map((q) => q.lang))].map((l) => {
    const s = retrievalSet.filter((o) => o.q.lang === l);
    return `${l} ${s.filter((o) => o.hit).length}/${s.length}`;
  });
  const guardCounts = new Map<string, number>();
  for (const o of outcomes) for (const r of (o.out.aiMetadata['guards'] as { rule: string; status: string }[] | undefined) ?? []) if (r.status !== 'pass') guardCounts.set(`${r.rule}:${r.status}`, (guardCounts.get(`${r.rule}:${r.status}`) ?? 0) + 1);

  console.log('\n── summary ─────────────────────────────────────────');
  console.log(`questions:            ${outcomes.length} (${retrievalSet.length} with expected sources)`);
  console.log(`retrieval hit@5:      ${hitRate.toFixed(3)}  (target ≥ ${TARGET_HIT})   by language: ${byLang.join(', ')}`);
  console.log(`rule compliance:      ${compliant.toFixed(3)}  (target ${TARGET_COMPLIANCE.toFixed(3)})`);
  console.log(`facts present:        ${factRate.toFixed(3)}  (answers containing every required fact, or the expected handoff)`);
  console.log(`answered (no handoff): ${answered.length}/${outcomes.filter((o) => !o.q.expectHandoff).length} questions not meant for staff`);
  console.log(`guards that acted:    ${[...guardCounts].map(([k, n]) => `${k}×${n}`).join(', ') || 'none'}`);
  console.log(`time:                 ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.$disconnect();
  if (hitRate < TARGET_HIT || compliant < TARGET_COMPLIANCE) {
    console.log('\nBELOW TARGET');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
