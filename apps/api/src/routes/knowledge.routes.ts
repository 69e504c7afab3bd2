import { z } from 'zod';
import { Prisma } from '@hub/db';
import type { RouteDef } from '../http/route-table';
import { ValidationError } from '../http/errors';
import type { RouteServices } from './context';
import { crudRoutes } from './crud';
import { ClinicProcedure, CulturalProfile, MedicalTerm, Persona, Pricing, Procedure, ProcedureCategory, ResponseLibraryEntry } from '../http/responses';
import { found } from './helpers';

const text = (max = 20_000) => z.string().max(max);
const opt = (schema: z.ZodType) => schema.nullable().optional();
const LANG = z.string().min(2).max(10);

const PersonaCreate = z.object({
  name: z.string().min(1).max(100),
  languageCode: LANG,
  personality: opt(text()),
  tone: opt(z.string().max(50)),
  greetingMorning: opt(text(2000)),
  greetingAfternoon: opt(text(2000)),
  greetingEvening: opt(text(2000)),
  systemPromptOverride: opt(text()),
  isActive: z.boolean().optional(),
});

const CulturalProfileCreate = z.object({
  countryCode: z.string().min(2).max(5),
  countryName: opt(z.string().max(100)),
  stylePrompt: text().min(1),
  preferredExpressions: opt(z.unknown()),
  avoidedExpressions: opt(z.unknown()),
  emojiLevel: z.enum(['none', 'minimal', 'moderate', 'heavy']).optional(),
});

const CategoryCreate = z.object({
  nameKo: z.string().min(1).max(100),
  nameEn: opt(z.string().max(100)),
  nameJa: opt(z.string().max(100)),
  nameZh: opt(z.string().max(100)),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'lowercase letters, digits and dashes'),
  parentId: opt(z.uuid()),
  sortOrder: z.number().int().optional(),
});

/** Per-language renderings of a procedure's free-text facts (procedures.translations; the local provider states them as written). */
const FactTranslations = z.partialRecord(
  z.enum(['en', 'ja', 'zh', 'zh-TW', 'vi']),
  z.strictObject({ precautionsAfter: opt(text()), commonSideEffects: opt(text()), effectDuration: opt(z.string().max(200)) }),
);

const ProcedureCreate = z.object({
  categoryId: opt(z.uuid()),
  nameKo: z.string().min(1).max(200),
  nameEn: opt(z.string().max(200)),
  nameJa: opt(z.string().max(200)),
  nameZh: opt(z.string().max(200)),
  nameVi: opt(z.string().max(200)),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/, 'lowercase letters, digits and dashes'),
  descriptionKo: opt(text()),
  descriptionEn: opt(text()),
  effectsKo: opt(text()),
  durationMinutes: opt(z.number().int().min(0)),
  effectDuration: opt(z.string().max(100)),
  downtimeDays: opt(z.number().int().min(0)),
  minIntervalDays: opt(z.number().int().min(0)),
  commonSideEffects: opt(text()),
  rareSideEffects: opt(text()),
  dangerousSideEffects: opt(text()),
  precautionsBefore: opt(text()),
  precautionsDuring: opt(text()),
  precautionsAfter: opt(text()),
  painLevel: opt(z.number().int().min(1).max(10)),
  painType: opt(z.string().max(100)),
  anesthesiaOptions: opt(text()),
  anesthesiaDetails: opt(z.unknown()),
  translations: FactTranslations.optional(),
  isActive: z.boolean().optional(),
});

const ids = z.array(z.uuid()).max(100);
const ClinicProcedureCreate = z.object({
  procedureId: z.uuid(),
  customDescription: opt(text()),
  customEffects: opt(text()),
  customDurationMinutes: opt(z.number().int().min(0)),
  customEffectDuration: opt(z.string().max(100)),
  customDowntimeDays: opt(z.number().int().min(0)),
  customMinIntervalDays: opt(z.number().int().min(0)),
  customPrecautionsBefore: opt(text()),
  customPrecautionsDuring: opt(text()),
  customPrecautionsAfter: opt(text()),
  customPainLevel: opt(z.number().int().min(1).max(10)),
  customAnesthesiaOptions: opt(text()),
  /** The overrides' renderings, same shape as procedures.translations; an override without one in a language is handed to staff there. */
  customTranslations: opt(FactTranslations),
  crossSellProcedureIds: ids.optional(),
  upsellProcedureIds: ids.optional(),
  incompatibleProcedureIds: ids.optional(),
  sequenceNotes: opt(text()),
  materialCost: opt(z.number().min(0)),
  difficultyScore: opt(z.number().int().min(1).max(5)),
  clinicPreference: opt(z.number().int().min(1).max(3)),
  salesPerformanceScore: opt(z.number().min(0).max(999)),
  isActive: z.boolean().optional(),
});

const money = z.number().min(0).max(9_999_999_999);
const date = z.iso.date();
const PricingCreate = z.object({
  clinicProcedureId: z.uuid(),
  label: opt(z.string().max(200)),
  regularPrice: money.positive(),
  eventPrice: opt(money),
  eventStartDate: opt(date),
  eventEndDate: opt(date),
  isPackage: z.boolean().optional(),
  packageDetails: opt(z.unknown()),
  pricesByCurrency: z.record(z.string().min(3).max(5), z.number().min(0)).optional(),
  isActive: z.boolean().optional(),
});

const QA = z.object({ question: z.string().max(5000), answer: z.string().max(20_000) });
const ResponseLibraryCreate = z.object({
  category: z.string().min(1).max(50),
  subcategory: opt(z.string().max(50)),
  questionKo: text(5000).min(1),
  answerKo: text().min(1),
  translations: z.record(LANG, QA).optional(),
  keywords: z.array(z.string().max(100)).max(100).optional(),
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
});

const MedicalTermCreate = z.object({
  termKo: z.string().min(1).max(200),
  termEn: opt(z.string().max(200)),
  termJa: opt(z.string().max(200)),
  termZh: opt(z.string().max(200)),
  termZhTw: opt(z.string().max(200)),
  termVi: opt(z.string().max(200)),
  category: opt(z.enum(['procedure', 'symptom', 'body_part', 'equipment'])),
});

/** Discount rate is computed, never sent: (regular − event) / regular × 100; above 49 % is flagged. */
export function pricingDerived(regular: number, event: number | null | undefined): { discountRate: number | null; discountWarning: boolean } {
  if (event === null || event === undefined || regular <= 0) return { discountRate: null, discountWarning: false };
  const rate = Math.round(((regular - event) / regular) * 10_000) / 100;
  return { discountRate: rate, discountWarning: rate > 49 };
}

const dateOrNull = (v: unknown) => (v === null ? null : typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : undefined);

export function knowledgeRoutes(s: RouteServices): RouteDef[] {
  const { db } = s.deps;

  const checkProcedures = async (list: unknown[]) => {
    const want = [...new Set(list.filter((x): x is string => typeof x === 'string'))];
    if (!want.length) return;
    const n = await db.procedure.count({ where: { id: { in: want } } });
    if (n !== want.length) throw new ValidationError([{ path: 'body', message: 'names a procedure that does not exist' }]);
  };

  return [
    ...crudRoutes(s, {
      name: 'persona',
      path: '/api/personas',
      row: Persona,
      tag: 'ai settings',
      delegate: () => db.aiPersona,
      tenancy: 'clinic',
      read: 'personas.read',
      manage: 'personas.manage',
      create: PersonaCreate,
      update: PersonaCreate.partial(),
      createExample: { name: 'Yuki', languageCode: 'ja', tone: 'polite', personality: '丁寧で親切' },
      updateExample: { tone: 'friendly' },
      orderBy: [{ languageCode: 'asc' }, { createdAt: 'asc' }],
      softDelete: 'isActive',
    }),
    ...crudRoutes(s, {
      name: 'cultural profile',
      path: '/api/cultural-profiles',
      row: CulturalProfile,
      tag: 'ai settings',
      delegate: () => db.culturalProfile,
      tenancy: 'global',
      read: 'cultural_profiles.read',
      manage: 'cultural_profiles.manage',
      create: CulturalProfileCreate,
      update: CulturalProfileCreate.partial(),
      createExample: { countryCode: 'TH', countryName: 'Thailand', stylePrompt: 'Warm and polite; use ค่ะ/ครับ', emojiLevel: 'moderate' },
      updateExample: { emojiLevel: 'minimal' },
      orderBy: [{ countryCode: 'asc' }],
      toData: (b) => ({
        ...b,
        preferredExpressions: b.preferredExpressions as Prisma.InputJsonValue,
        avoidedExpressions: b.avoidedExpressions as Prisma.InputJsonValue,
      }),
    }),
    ...crudRoutes(s, {
      name: 'procedure category',
      path: '/api/procedure-categories',
      row: ProcedureCategory,
      tag: 'procedure hub',
      delegate: () => db.procedureCategory,
      tenancy: 'global',
      read: 'procedures.read',
      manage: 'procedures.manage',
      create: CategoryCreate,
      update: CategoryCreate.partial(),
      createExample: { nameKo: '리프팅', nameEn: 'Lifting', slug: 'lifting' },
      updateExample: { sortOrder: 2 },
      orderBy: [{ sortOrder: 'asc' }, { nameKo: 'asc' }],
    }),
    ...crudRoutes(s, {
      name: 'procedure',
      path: '/api/procedures',
      row: Procedure,
      tag: 'procedure hub',
      delegate: () => db.procedure,
      tenancy: 'global',
      read: 'procedures.read',
      manage: 'procedures.manage',
      create: ProcedureCreate,
      update: ProcedureCreate.partial(),
      createExample: { nameKo: '울쎄라', nameEn: 'Ulthera', slug: 'ulthera', painLevel: 6, dangerousSideEffects: '화상, 신경 손상(드묾)' },
      updateExample: { downtimeDays: 0 },
      orderBy: [{ nameKo: 'asc' }],
      listQuery: z.object({ categoryId: z.uuid().optional(), q: z.string().max(100).optional() }),
      listWhere: (q) => ({
        ...(q.categoryId ? { categoryId: q.categoryId } : {}),
        ...(q.q ? { OR: [{ nameKo: { contains: q.q, mode: 'insensitive' } }, { nameEn: { contains: q.q, mode: 'insensitive' } }] } : {}),
      }),
      toData: (b) => ({
        ...b,
        ...(b.anesthesiaDetails !== undefined ? { anesthesiaDetails: b.anesthesiaDetails as Prisma.InputJsonValue } : {}),
        ...(b.translations !== undefined ? { translations: b.translations as Prisma.InputJsonValue } : {}),
      }),
      softDelete: 'isActive',
      knowledge: 'procedure',
    }),
    ...crudRoutes(s, {
      name: 'clinic procedure',
      path: '/api/clinic-procedures',
      row: ClinicProcedure,
      tag: 'procedure hub',
      delegate: () => db.clinicProcedure,
      tenancy: 'clinic',
      read: 'clinic_procedures.read',
      manage: 'clinic_procedures.manage',
      create: ClinicProcedureCreate,
      update: ClinicProcedureCreate.omit({ procedureId: true }).partial(),
      createExample: { procedureId: '00000000-0000-4000-8000-000000000001', customDescription: '당일 시술 가능', clinicPreference: 1 },
      updateExample: { customPainLevel: 3 },
      orderBy: [{ createdAt: 'asc' }],
      softDelete: 'isActive',
      knowledge: 'clinic_procedure',
      toData: async (b) => {
        await checkProcedures([
          b.procedureId,
          ...((b.crossSellProcedureIds as unknown[]) ?? []),
          ...((b.upsellProcedureIds as unknown[]) ?? []),
          ...((b.incompatibleProcedureIds as unknown[]) ?? []),
        ]);
        if (b.customTranslations === undefined) return b;
        return { ...b, customTranslations: b.customTranslations === null ? Prisma.DbNull : (b.customTranslations as Prisma.InputJsonValue) };
      },
    }),
    ...crudRoutes(s, {
      name: 'pricing',
      path: '/api/pricing',
      row: Pricing,
      tag: 'procedure hub',
      delegate: () => db.procedurePricing,
      tenancy: 'clinic',
      read: 'pricing.read',
      manage: 'pricing.manage',
      create: PricingCreate,
      update: PricingCreate.omit({ clinicProcedureId: true }).partial(),
      createExample: { clinicProcedureId: '00000000-0000-4000-8000-000000000002', label: '이마 50유닛', regularPrice: 200000, eventPrice: 99000 },
      updateExample: { eventPrice: 120000 },
      orderBy: [{ createdAt: 'asc' }],
      softDelete: 'isActive',
      knowledge: 'pricing',
      listQuery: z.object({ clinicProcedureId: z.uuid().optional() }),
      listWhere: (q) => (q.clinicProcedureId ? { clinicProcedureId: q.clinicProcedureId } : {}),
      toData: async (b, { clinicId, before }) => {
        if (b.clinicProcedureId) {
          found(
            await db.clinicProcedure.findFirst({ where: { id: b.clinicProcedureId as string, clinicId: clinicId! }, select: { id: true } }),
            'clinic procedure',
          );
        }
        const regular = b.regularPrice !== undefined ? (b.regularPrice as number) : Number(before?.regularPrice);
        const event = b.eventPrice !== undefined ? (b.eventPrice as number | null) : before?.eventPrice == null ? null : Number(before.eventPrice);
        if (event !== null && event > regular) throw new ValidationError([{ path: 'body.eventPrice', message: 'must not exceed regularPrice' }]);
        return {
          ...b,
          ...pricingDerived(regular, event),
          ...(b.eventStartDate !== undefined ? { eventStartDate: dateOrNull(b.eventStartDate) } : {}),
          ...(b.eventEndDate !== undefined ? { eventEndDate: dateOrNull(b.eventEndDate) } : {}),
          ...(b.packageDetails !== undefined ? { packageDetails: b.packageDetails as Prisma.InputJsonValue } : {}),
        };
      },
    }),
    ...crudRoutes(s, {
      name: 'response library entry',
      path: '/api/response-library',
      row: ResponseLibraryEntry,
      tag: 'knowledge',
      delegate: () => db.responseLibrary,
      tenancy: 'clinic',
      read: 'response_library.read',
      manage: 'response_library.manage',
      create: ResponseLibraryCreate,
      update: ResponseLibraryCreate.partial(),
      createExample: { category: 'location', questionKo: '주차 가능한가요?', answerKo: '건물 지하 주차장을 2시간 무료로 이용하실 수 있습니다.' },
      updateExample: { keywords: ['주차', 'parking'] },
      orderBy: [{ category: 'asc' }, { sortOrder: 'asc' }],
      softDelete: 'isActive',
      knowledge: 'response_library',
      listQuery: z.object({ category: z.string().max(50).optional() }),
      listWhere: (q) => (q.category ? { category: q.category } : {}),
      toData: (b) => ({ ...b, ...(b.translations !== undefined ? { translations: b.translations as Prisma.InputJsonValue } : {}) }),
    }),
    ...crudRoutes(s, {
      name: 'medical term',
      path: '/api/medical-terms',
      row: MedicalTerm,
      tag: 'knowledge',
      delegate: () => db.medicalTerm,
      tenancy: 'clinic',
      read: 'medical_terms.read',
      manage: 'medical_terms.manage',
      create: MedicalTermCreate,
      update: MedicalTermCreate.partial(),
      createExample: { termKo: '보톡스', termEn: 'Botox', termJa: 'ボトックス', category: 'procedure' },
      updateExample: { termVi: 'Botox' },
      orderBy: [{ termKo: 'asc' }],
      knowledge: 'medical_term',
      // Reading shows the platform's global defaults too; writing only ever touches the clinic's own rows.
      readWhere: (clinicId) => ({ OR: [{ clinicId }, { clinicId: null }] }),
      listQuery: z.object({ q: z.string().max(100).optional(), category: z.string().max(50).optional() }),
      listWhere: (q) => ({
        ...(q.category ? { category: q.category } : {}),
        ...(q.q ? { OR: [{ termKo: { contains: q.q } }, { termEn: { contains: q.q, mode: 'insensitive' } }] } : {}),
      }),
      view: (r) => ({ ...r, scope: r.clinicId ? 'clinic' : 'global' }),
    }),
  ];
}
