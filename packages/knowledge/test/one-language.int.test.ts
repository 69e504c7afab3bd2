import { randomUUID } from 'node:crypto';
import { generateKeySpec, Keyring } from '@hub/db';
import { DEMO_CLINIC_SLUG, SECOND_CLINIC_SLUG } from '@hub/db/seed/clinics.data';
import { seedDemo } from '@hub/db/seed/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../src/clinic-knowledge';
import { loadClinicFacts } from '../src/consultant/clinic-facts';
import { createConsultant } from '../src/consultant/consultant';
import { foreignFragments } from '../src/guards';
import { reindexClinic, reindexGlobal } from '../src/indexing/index-source.usecase';
import { LANG_CODES, type LangCode } from '../src/lang';
import { db, recordingDeps } from './fixtures';

// Every seeded procedure × supported language × seeded clinic: the composed facts are in one language
// (names of the clinic and Latin brand terms aside), or the turn is handed to staff with a notice.
const ASK: Record<LangCode, (name: string) => string> = {
  ko: (n) => `${n} 가격이랑 다운타임 알려주세요`,
  ja: (n) => `${n}の料金とダウンタイムを教えてください`,
  en: (n) => `How much is ${n} and what is the downtime?`,
  zh: (n) => `${n}多少钱？恢复期多久？`,
  'zh-TW': (n) => `${n}多少錢？恢復期多久？`,
  vi: (n) => `${n} giá bao nhiêu và thời gian hồi phục bao lâu ạ?`,
};

const { deps } = recordingDeps();

beforeAll(async () => {
  await seedDemo(db, new Keyring(generateKeySpec()), { publicBaseUrl: 'http://127.0.0.1:3001' });
  await reindexGlobal(deps);
  for (const slug of [DEMO_CLINIC_SLUG, SECOND_CLINIC_SLUG]) {
    const c = await db.clinic.findUniqueOrThrow({ where: { slug } });
    await reindexClinic(deps, c.id);
  }
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
});

describe.each([DEMO_CLINIC_SLUG, SECOND_CLINIC_SLUG])('one language per reply, clinic %s', (slug) => {
  it('answers every procedure in every language without another language’s text', async () => {
    const clinic = await db.clinic.findUniqueOrThrow({ where: { slug } });
    const glossary = await loadGlossary(db, clinic.id);
    const facts = await loadClinicFacts(db, clinic.id, glossary, new Date());
    const terms = await db.medicalTerm.findMany({ where: { OR: [{ clinicId: clinic.id }, { clinicId: null }] } });
    const allowed = [
      clinic.name,
      ...terms.flatMap((t) => [t.termEn, t.termJa, t.termZh, t.termZhTw, t.termVi]).filter((x): x is string => !!x && /[A-Za-z]/.test(x)),
    ];
    const consultant = createConsultant(deps);
    expect(facts.procedures.length).toBeGreaterThan(0);
    let answered = 0;
    const mixed: string[] = [];
    for (const p of facts.procedures) {
      for (const lang of LANG_CODES) {
        const name = p.names[lang] ?? (lang === 'zh-TW' ? p.names.zh : undefined) ?? p.names.en ?? p.slug;
        const out = await consultant.reply({
          clinicId: clinic.id,
          conversationId: randomUUID(),
          customerId: randomUUID(),
          customer: { languageCode: lang, countryCode: null, timezone: null },
          history: [],
          messages: [{ id: randomUUID(), content: ASK[lang](name), translatedContent: null, originalLanguage: lang }],
        });
        expect(out.text.trim(), `${p.slug} ${lang}: never silence`).not.toBe('');
        if (!out.handoff) answered++;
        const found = foreignFragments(out.text, lang, allowed);
        if (found.length) mixed.push(`${p.slug} ${lang}: ${found.join(' ')}`);
      }
    }
    expect(mixed).toEqual([]);
    // Not vacuous: most turns are answered, not handed off.
    expect(answered).toBeGreaterThan((facts.procedures.length * LANG_CODES.length) / 2);
  }, 120_000);
});
