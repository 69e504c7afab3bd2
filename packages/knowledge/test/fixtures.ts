import { randomUUID } from 'node:crypto';
import { AiConfigSchema, createAiProviders, type AiProviders, type ReplyContext } from '@hub/ai';
import { createDb, type Db } from '@hub/db';
import type { KnowledgeDeps } from '../src/deps';

export const db: Db = createDb(process.env.DATABASE_URL!, { max: 5 });
export const aiConfig = AiConfigSchema.parse({ AI_PROVIDER: 'local' });

/** Local providers whose generator records every context it was given (to inspect prompts). */
export function recordingDeps(now?: Date): { deps: KnowledgeDeps; contexts: ReplyContext[] } {
  const contexts: ReplyContext[] = [];
  const deps: KnowledgeDeps = {
    db,
    ai: aiConfig,
    ...(now ? { now: () => now } : {}),
    cacheTtlMs: 0,
    providers: (settings, options): AiProviders => {
      const p = createAiProviders(aiConfig, settings, options);
      return {
        ...p,
        generator: {
          name: p.generator.name,
          generateReply: async (ctx) => {
            contexts.push(ctx);
            return p.generator.generateReply(ctx);
          },
        },
      };
    },
  };
  return { deps, contexts };
}

const day = (offset: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
};

/** Distinctive internal values: any of them showing up anywhere is a leak. */
export const INTERNAL = { materialCost: '77777.77', difficultyScore: 4, clinicPreference: 1, salesPerformanceScore: '93.21' } as const;

export interface TestClinic {
  clinicId: string;
  tag: string;
  botoxCp: string;
  fillerCp: string;
  botoxProcedureId: string;
  botoxSlug: string;
  fillerSlug: string;
  pricingEvent: string;
  pricingRegular: string;
  pricingExpired: string;
  pricingWarned: string;
  libraryParking: string;
  libraryAftercare: string;
  clinicTermId: string;
  customerJa: string;
  conversationJa: string;
}

/** One clinic with two procedures (one overridden), four price lines, library, a clinic term, persona, customer. */
export async function createTestClinic(name = 'Test Glow'): Promise<TestClinic> {
  const tag = randomUUID().slice(0, 8);
  const clinic = await db.clinic.create({
    data: {
      name: `${name} ${tag}`,
      slug: `kn-${tag}`,
      address: '서울특별시 강남구 테헤란로 123, 5층',
      phone: '02-555-0101',
      settings: {
        ai_provider: 'local',
        operating_hours: {
          mon: '10:00-19:00',
          tue: '10:00-19:00',
          wed: '10:00-19:00',
          thu: '10:00-19:00',
          fri: '10:00-19:00',
          sat: '10:00-16:00',
          sun: 'closed',
        },
        directions: { ko: '강남역 11번 출구에서 도보 3분', en: '3 minutes on foot from Gangnam Station exit 11', ja: '江南駅11番出口から徒歩3分' },
        parking_info: { ko: '건물 지하 주차장 2시간 무료', en: 'Free parking for 2 hours in the basement', ja: '地下駐車場2時間無料' },
        supported_languages: ['ko', 'ja', 'en', 'zh'],
      },
    },
  });
  const clinicId = clinic.id;
  const botox = await db.procedure.create({
    data: {
      slug: `botox-forehead-${tag}`,
      nameKo: '이마 보톡스',
      nameEn: 'Forehead Botox',
      nameJa: '額ボトックス',
      nameZh: '额头肉毒素',
      nameVi: 'Botox trán',
      descriptionKo: '이마 주름을 펴 주는 보툴리눔 톡신 주사',
      descriptionEn: 'Botulinum toxin injection that smooths forehead lines',
      downtimeDays: 0,
      commonSideEffects: '멍, 붓기',
      dangerousSideEffects: '눈꺼풀 처짐, 아나필락시스',
      precautionsAfter: '4시간 동안 눕지 마세요. 당일 음주와 사우나는 피해 주세요.',
      painLevel: 2,
    },
  });
  const filler = await db.procedure.create({
    data: {
      slug: `filler-nose-${tag}`,
      nameKo: '코 필러',
      nameEn: 'Nose Filler',
      nameJa: '鼻フィラー',
      nameZh: '鼻子填充',
      nameVi: 'Filler mũi',
      descriptionKo: '히알루론산 필러로 콧대를 세우는 시술',
      downtimeDays: 2,
      commonSideEffects: '붓기, 멍',
      dangerousSideEffects: '혈관 폐색, 피부 괴사, 실명',
    },
  });
  const botoxCp = await db.clinicProcedure.create({
    data: { clinicId, procedureId: botox.id, customDowntimeDays: 1, customPrecautionsAfter: '시술 후 6시간 동안 눕지 마세요.', ...INTERNAL },
  });
  const fillerCp = await db.clinicProcedure.create({ data: { clinicId, procedureId: filler.id, ...INTERNAL } });
  const pricingEvent = await db.procedurePricing.create({
    data: {
      clinicId,
      clinicProcedureId: botoxCp.id,
      label: '이마 50유닛',
      regularPrice: 150000,
      eventPrice: 99000,
      discountRate: 34,
      eventStartDate: day(-3),
      eventEndDate: day(10),
      pricesByCurrency: { JPY: 11000, USD: 75 },
    },
  });
  const pricingExpired = await db.procedurePricing.create({
    data: {
      clinicId,
      clinicProcedureId: botoxCp.id,
      label: '이마 100유닛',
      regularPrice: 250000,
      eventPrice: 180000,
      eventStartDate: day(-30),
      eventEndDate: day(-2),
    },
  });
  const pricingRegular = await db.procedurePricing.create({
    data: { clinicId, clinicProcedureId: fillerCp.id, label: '1cc', regularPrice: 390000, pricesByCurrency: { JPY: 43000 } },
  });
  const pricingWarned = await db.procedurePricing.create({
    data: {
      clinicId,
      clinicProcedureId: fillerCp.id,
      label: '2cc 패키지',
      regularPrice: 900000,
      eventPrice: 400000,
      discountRate: 55.56,
      discountWarning: true,
      eventStartDate: day(-1),
      eventEndDate: day(5),
    },
  });
  const libraryParking = await db.responseLibrary.create({
    data: {
      clinicId,
      category: 'location',
      questionKo: '주차 가능한가요?',
      answerKo: '네, 건물 지하 주차장을 2시간 무료로 이용하실 수 있습니다.',
      translations: {
        ja: { question: '駐車できますか？', answer: 'はい、建物の地下駐車場を2時間無料でご利用いただけます。' },
        en: { question: 'Is parking available?', answer: 'Yes, the basement car park is free for 2 hours.' },
      },
      keywords: ['주차', 'parking'],
    },
  });
  const libraryAftercare = await db.responseLibrary.create({
    data: {
      clinicId,
      category: 'aftercare',
      questionKo: '보톡스 맞고 운동해도 되나요?',
      answerKo: '시술 당일에는 격한 운동을 피하시고 다음 날부터 가능합니다.',
      translations: { en: { question: 'Can I exercise after Botox?', answer: 'Please avoid hard exercise on the day; from the next day it is fine.' } },
    },
  });
  const term = await db.medicalTerm.create({ data: { clinicId, termKo: `콧대${tag}`, termEn: `nasalbridge${tag}`, category: 'body_part' } });
  await db.aiPersona.create({
    data: {
      clinicId,
      name: 'さくら',
      languageCode: 'ja',
      personality: '丁寧で親切',
      tone: 'friendly',
      greetingMorning: 'おはようございます、テストグロウです。',
      greetingAfternoon: 'こんにちは、テストグロウです。',
      greetingEvening: 'こんばんは、テストグロウです。',
    },
  });
  const account = await db.messengerAccount.create({
    data: { clinicId, messengerType: 'line', accountName: `acc-${tag}`, credentials: {}, credentialsKeyId: 'k1' },
  });
  const customer = await db.customer.create({ data: { clinicId, messengerType: 'line', messengerUserId: `U${tag}`, languageCode: 'ja', countryCode: 'JP' } });
  const conv = await db.conversation.create({ data: { clinicId, customerId: customer.id, messengerAccountId: account.id } });
  return {
    clinicId,
    tag,
    botoxCp: botoxCp.id,
    fillerCp: fillerCp.id,
    botoxProcedureId: botox.id,
    botoxSlug: botox.slug,
    fillerSlug: filler.slug,
    pricingEvent: pricingEvent.id,
    pricingRegular: pricingRegular.id,
    pricingExpired: pricingExpired.id,
    pricingWarned: pricingWarned.id,
    libraryParking: libraryParking.id,
    libraryAftercare: libraryAftercare.id,
    clinicTermId: term.id,
    customerJa: customer.id,
    conversationJa: conv.id,
  };
}

export async function customerMessage(
  c: TestClinic,
  content: string,
): Promise<{ id: string; content: string; translatedContent: null; originalLanguage: null }> {
  const m = await db.message.create({ data: { clinicId: c.clinicId, conversationId: c.conversationJa, senderType: 'customer', content } });
  return { id: m.id, content, translatedContent: null, originalLanguage: null };
}
