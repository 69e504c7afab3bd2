import { createHash } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/client';
import { Keyring } from '../src/crypto';
import { CREDENTIAL_SCHEMAS, PLATFORMS, type Platform } from '../src/seed/accounts';
import { CLINICS, DEMO_CLINIC_SLUG, DEMO_PASSWORD, DEMO_USERS, SECOND_CLINIC_SLUG } from '../src/seed/clinics.data';
import { MEDICAL_TERMS } from '../src/seed/glossary.data';
import { CULTURAL_PROFILES } from '../src/seed/personas.data';
import { CATEGORIES, PROCEDURES } from '../src/seed/procedures.data';
import { seedDemo, type DemoSummary } from '../src/seed/seed';

// clinic_hub_test is shared by parallel test files: a fixed key keeps the demo credentials readable
// by every test that seeds with it, and counts are scoped to the rows the seed owns.
const keyring = new Keyring(`seedtest:${createHash('sha256').update('clinic-hub demo seed test key').digest('base64')}`);
const db: Db = createDb(process.env.DATABASE_URL!, { max: 4 });
const opts = { publicBaseUrl: 'http://127.0.0.1:3001' };
let first: DemoSummary;

async function counts(clinicIds: string[]) {
  const inClinics = { clinicId: { in: clinicIds } };
  return {
    clinics: await db.clinic.count({ where: { slug: { in: CLINICS.map((c) => c.slug) } } }),
    users: await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } }),
    categories: await db.procedureCategory.count({ where: { slug: { in: CATEGORIES.map((c) => c.slug) } } }),
    procedures: await db.procedure.count({ where: { slug: { in: PROCEDURES.map((p) => p.slug) } } }),
    clinicProcedures: await db.clinicProcedure.count({ where: inClinics }),
    pricing: await db.procedurePricing.count({ where: inClinics }),
    personas: await db.aiPersona.count({ where: inClinics }),
    cultural: await db.culturalProfile.count({ where: { countryCode: { in: CULTURAL_PROFILES.map((c) => c.countryCode) } } }),
    library: await db.responseLibrary.count({ where: inClinics }),
    terms: await db.medicalTerm.count({ where: { clinicId: null, termKo: { in: MEDICAL_TERMS.map((t) => t.ko) } } }),
    accounts: await db.messengerAccount.count({ where: inClinics }),
  };
}

beforeAll(async () => {
  first = await seedDemo(db, keyring, opts);
});
afterAll(() => db.$disconnect());

describe('demo seed', () => {
  it('is idempotent: seeding again (twice, concurrently) changes no row count and keeps account secrets', async () => {
    const ids = [first.demoClinicId, first.secondClinicId];
    const before = await counts(ids);
    const accountsBefore = await db.messengerAccount.findMany({ where: { clinicId: { in: ids } }, orderBy: { id: 'asc' } });
    const [a, b] = await Promise.all([seedDemo(db, keyring, opts), seedDemo(db, keyring, opts)]);
    expect(a.clinicIds).toEqual(first.clinicIds);
    expect(b.counts).toEqual(first.counts);
    const after = await counts(ids);
    expect(after).toEqual(before);
    expect(after).toMatchObject({
      clinics: 2,
      users: DEMO_USERS.length,
      pricing: first.counts.procedurePricing,
      library: first.counts.responseLibrary,
      accounts: 7,
    });
    expect(first.counts.responseLibrary).toBeGreaterThanOrEqual(20);
    expect(first.counts.medicalTerms).toBeGreaterThanOrEqual(40);
    expect(first.counts.procedures).toBeGreaterThanOrEqual(14);
    const accountsAfter = await db.messengerAccount.findMany({ where: { clinicId: { in: ids } }, orderBy: { id: 'asc' } });
    expect(accountsAfter.map((x) => x.id)).toEqual(accountsBefore.map((x) => x.id));
    expect(accountsAfter.map((x) => keyring.decrypt(x.credentials, x.id))).toEqual(accountsBefore.map((x) => keyring.decrypt(x.credentials, x.id)));
  });

  it('has exactly one price line whose discount is over 49%, with rates computed from the prices', async () => {
    const rows = await db.procedurePricing.findMany({ where: { clinicId: { in: [first.demoClinicId, first.secondClinicId] } } });
    expect(rows.filter((r) => r.discountWarning)).toHaveLength(1);
    for (const r of rows) {
      if (r.eventPrice === null) {
        expect(r.discountRate).toBeNull();
        continue;
      }
      const rate = Math.round(((Number(r.regularPrice) - Number(r.eventPrice)) / Number(r.regularPrice)) * 10000) / 100;
      expect(Number(r.discountRate)).toBeCloseTo(rate, 2);
      expect(r.discountWarning).toBe(rate > 49);
      expect(Object.keys(r.pricesByCurrency as object).sort()).toEqual(['CNY', 'JPY', 'TWD', 'USD', 'VND']);
    }
    expect(rows.some((r) => r.eventEndDate && r.eventEndDate < new Date())).toBe(true);
  });

  it('gives daybeauclinic one account per platform whose credentials decrypt and fit the messenger schema', async () => {
    const accounts = await db.messengerAccount.findMany({ where: { clinicId: first.demoClinicId } });
    expect(accounts).toHaveLength(6);
    expect(accounts.map((a) => a.messengerType).sort()).toEqual([...PLATFORMS].sort());
    for (const a of accounts) {
      const secrets = keyring.decrypt(a.credentials, a.id);
      expect(CREDENTIAL_SCHEMAS[a.messengerType as Platform].safeParse(secrets).success).toBe(true);
      expect(a.credentialsKeyId).toBe(keyring.currentKeyId);
      expect(a.webhookUrl).toBe(`http://127.0.0.1:3001/webhooks/${a.messengerType}/${a.id}`);
      expect(a.webhookSecret).toBeNull();
      expect(a.isConnected).toBe(false);
    }
    const second = await db.messengerAccount.findMany({ where: { clinicId: first.secondClinicId } });
    expect(second.map((a) => a.messengerType)).toEqual(['line']);
  });

  it('stores argon2 hashes that verify against the demo password', async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, include: { clinic: { select: { slug: true } } } });
    expect(users).toHaveLength(DEMO_USERS.length);
    for (const u of users) {
      expect(u.passwordHash.startsWith('$argon2')).toBe(true);
      expect(await verify(u.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get('superadmin@hub.local')).toMatchObject({ role: 'superadmin', clinicId: null });
    expect(byEmail.get('staff1@daybeau.kr')).toMatchObject({ role: 'staff', clinic: { slug: DEMO_CLINIC_SLUG } });
    expect(byEmail.get('admin@cheongdam.kr')).toMatchObject({ role: 'admin', clinic: { slug: SECOND_CLINIC_SLUG } });
  });

  it('fills the internal business fields of every clinic procedure', async () => {
    const rows = await db.clinicProcedure.findMany({ where: { clinicId: first.demoClinicId } });
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      expect(r.materialCost).not.toBeNull();
      expect(r.difficultyScore).toBeGreaterThanOrEqual(1);
      expect(r.difficultyScore).toBeLessThanOrEqual(5);
      expect([1, 2, 3]).toContain(r.clinicPreference);
      expect(r.salesPerformanceScore).not.toBeNull();
    }
  });

  it('gives every library entry ja/en/zh translations and personas for each customer language', async () => {
    const library = await db.responseLibrary.findMany({ where: { clinicId: first.demoClinicId } });
    for (const e of library) {
      const t = e.translations as Record<string, { question: string; answer: string }>;
      for (const l of ['ja', 'en', 'zh', 'zh-TW', 'vi']) expect(t[l]?.question && t[l]?.answer).toBeTruthy();
    }
    const personas = await db.aiPersona.findMany({ where: { clinicId: first.demoClinicId } });
    expect(personas.map((p) => p.languageCode).sort()).toEqual(['en', 'ja', 'vi', 'zh', 'zh-TW']);
  });
});
