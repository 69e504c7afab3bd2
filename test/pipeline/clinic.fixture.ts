// A clinic with enough indexed knowledge for the local consultant to answer the Japanese questions the
// pipeline tests and the bench send (botox price, parking, aftercare), instead of handing off to staff.
import { randomUUID } from 'node:crypto';
import type { Db } from '@hub/db';
import { AiConfigSchema } from '../../packages/ai/src/index';
import { reindexClinic } from '../../packages/knowledge/src/index';

/** Japanese customer questions the clinic's library translates to Korean (so translated_content is real Korean). */
export const QUESTIONS_JA = {
  price: '額ボトックスはいくらですか？',
  parking: '駐車できますか？',
  aftercare: 'ボトックスの後、運動してもいいですか？',
} as const;
export const QUESTIONS_KO = {
  price: '이마 보톡스는 얼마인가요?',
  parking: '주차 가능한가요?',
  aftercare: '보톡스 맞고 운동해도 되나요?',
} as const;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
};

export interface PipelineClinic {
  clinicId: string;
  tag: string;
}

/** Creates one clinic (unique slug) with a procedure, prices, a Japanese persona and library rows, then indexes it. */
export async function createPipelineClinic(db: Db, name = 'パイプライン'): Promise<PipelineClinic> {
  const tag = randomUUID().slice(0, 8);
  const clinic = await db.clinic.create({
    data: {
      name: `${name} ${tag}`,
      slug: `pipe-${tag}`,
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
        parking_info: { ko: '건물 지하 주차장 2시간 무료', en: 'Free parking for 2 hours in the basement', ja: '地下駐車場2時間無料' },
        supported_languages: ['ko', 'ja', 'en'],
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
      descriptionKo: '이마 주름을 펴 주는 보툴리눔 톡신 주사',
      descriptionEn: 'Botulinum toxin injection that smooths forehead lines',
      downtimeDays: 0,
      commonSideEffects: '멍, 붓기',
      precautionsAfter: '4시간 동안 눕지 마세요. 당일 음주와 사우나는 피해 주세요.',
      painLevel: 2,
    },
  });
  const cp = await db.clinicProcedure.create({ data: { clinicId, procedureId: botox.id } });
  await db.procedurePricing.create({
    data: {
      clinicId,
      clinicProcedureId: cp.id,
      label: '이마 50유닛',
      regularPrice: 150000,
      eventPrice: 99000,
      discountRate: 34,
      eventStartDate: day(-3),
      eventEndDate: day(30),
      pricesByCurrency: { JPY: 11000 },
    },
  });
  const library = [
    {
      category: 'pricing',
      ko: [QUESTIONS_KO.price, '이마 보톡스 50유닛은 현재 이벤트가 99,000원입니다.'],
      ja: [QUESTIONS_JA.price, '額ボトックス50単位は現在イベント価格99,000ウォンです。'],
      keywords: ['보톡스', '가격'],
    },
    {
      category: 'location',
      ko: [QUESTIONS_KO.parking, '네, 건물 지하 주차장을 2시간 무료로 이용하실 수 있습니다.'],
      ja: [QUESTIONS_JA.parking, 'はい、建物の地下駐車場を2時間無料でご利用いただけます。'],
      keywords: ['주차'],
    },
    {
      category: 'aftercare',
      ko: [QUESTIONS_KO.aftercare, '시술 당일에는 격한 운동을 피하시고 다음 날부터 가능합니다.'],
      ja: [QUESTIONS_JA.aftercare, '施術当日は激しい運動を避け、翌日から可能です。'],
      keywords: ['운동'],
    },
  ];
  for (const l of library) {
    await db.responseLibrary.create({
      data: {
        clinicId,
        category: l.category,
        questionKo: l.ko[0]!,
        answerKo: l.ko[1]!,
        translations: { ja: { question: l.ja[0], answer: l.ja[1] } },
        keywords: l.keywords,
      },
    });
  }
  await db.aiPersona.create({
    data: {
      clinicId,
      name: 'さくら',
      languageCode: 'ja',
      personality: '丁寧で親切',
      tone: 'friendly',
      greetingMorning: 'おはようございます。',
      greetingAfternoon: 'こんにちは。',
      greetingEvening: 'こんばんは。',
    },
  });
  await reindexClinic({ db, ai: AiConfigSchema.parse({ AI_PROVIDER: 'local' }) }, clinicId);
  return { clinicId, tag };
}
