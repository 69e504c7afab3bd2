// Clinic overrides (clinic_procedures) and price lines (procedure_pricing). Prices are KRW,
// VAT included, typical of Gangnam in 2025. Event dates and foreign-currency amounts are computed
// by seed.ts relative to the run date: 'running' = today-7d … today+30d, 'expired' = ended.
import { DEMO_CLINIC_SLUG, SECOND_CLINIC_SLUG } from './clinics.data';
import { CUSTOM_TRANSLATIONS, type FieldTranslations, type ForeignLang } from './procedure-translations.data';

export type EventWindow = 'running' | 'expired';

export interface PriceLineSeed {
  label: string;
  regular: number;
  event?: { price: number; window: EventWindow };
  package?: { sessions: number; validityMonths: number; intervalDays: number };
}

export interface ClinicProcedureSeed {
  procedureSlug: string;
  custom?: {
    description?: string;
    effects?: string;
    durationMinutes?: number;
    effectDuration?: string;
    downtimeDays?: number;
    precautionsAfter?: string;
    painLevel?: number;
    anesthesiaOptions?: string;
    /** Renderings of the overrides above in other languages (clinic_procedures.custom_translations). */
    translations?: Partial<Record<ForeignLang, FieldTranslations>>;
  };
  crossSell?: string[];
  upsell?: string[];
  incompatible?: string[];
  sequenceNotes?: string;
  /** Internal business data: never shown to customers or the AI. */
  internal: { materialCost: number; difficultyScore: number; clinicPreference: 1 | 2 | 3; salesPerformanceScore: number };
  prices: PriceLineSeed[];
}

/** KRW → foreign currency (approximate 2025 rates) and the rounding step per currency. */
export const FX: Record<'JPY' | 'USD' | 'CNY' | 'TWD' | 'VND', { rate: number; step: number }> = {
  JPY: { rate: 0.107, step: 100 },
  USD: { rate: 0.00072, step: 1 },
  CNY: { rate: 0.00524, step: 10 },
  TWD: { rate: 0.0222, step: 10 },
  VND: { rate: 18.7, step: 10000 },
};

const running = (price: number) => ({ price, window: 'running' as const });
const expired = (price: number) => ({ price, window: 'expired' as const });

export const CLINIC_PRICING: Record<string, ClinicProcedureSeed[]> = {
  [DEMO_CLINIC_SLUG]: [
    {
      procedureSlug: 'forehead-botox',
      crossSell: ['skin-botox'],
      internal: { materialCost: 18000, difficultyScore: 1, clinicPreference: 2, salesPerformanceScore: 72.5 },
      prices: [
        { label: '이마 보톡스 국산(나보타) 50유닛', regular: 99000, event: running(59000) },
        { label: '이마 보톡스 수입(엘러간 보톡스) 50유닛', regular: 220000 },
      ],
    },
    {
      procedureSlug: 'jaw-botox',
      custom: { effectDuration: '4~6개월 (3회 이상 반복하면 6개월 이상 유지되는 경우가 많습니다)', translations: CUSTOM_TRANSLATIONS['jaw-botox'] },
      crossSell: ['contour-injection'],
      internal: { materialCost: 20000, difficultyScore: 1, clinicPreference: 1, salesPerformanceScore: 88.0 },
      prices: [
        { label: '사각턱 보톡스 국산(보툴렉스) 50유닛 첫 방문', regular: 120000, event: running(59000) },
        { label: '사각턱 보톡스 수입(제오민) 50유닛', regular: 290000 },
      ],
    },
    {
      procedureSlug: 'skin-botox',
      internal: { materialCost: 40000, difficultyScore: 2, clinicPreference: 2, salesPerformanceScore: 64.0 },
      prices: [{ label: '스킨보톡스 얼굴 전체 (국산 100유닛)', regular: 250000, event: running(190000) }],
    },
    {
      procedureSlug: 'nose-filler',
      custom: { anesthesiaOptions: '마취 크림, 리도카인 함유 필러 (캐뉼라 사용)' },
      incompatible: ['thermage-flx'],
      sequenceNotes: '고주파·초음파 리프팅은 필러 시술 2주 전에 먼저 받는 것을 권장합니다.',
      internal: { materialCost: 65000, difficultyScore: 4, clinicPreference: 2, salesPerformanceScore: 58.5 },
      prices: [
        { label: '코 필러 1cc (국산 뉴라미스)', regular: 250000 },
        { label: '코 필러 1cc (수입 레스틸렌)', regular: 450000 },
      ],
    },
    {
      procedureSlug: 'lip-filler',
      internal: { materialCost: 120000, difficultyScore: 3, clinicPreference: 2, salesPerformanceScore: 51.0 },
      prices: [{ label: '입술 필러 1cc (쥬비덤 볼벨라)', regular: 400000, event: expired(330000) }],
    },
    {
      procedureSlug: 'nasolabial-filler',
      upsell: ['ulthera'],
      internal: { materialCost: 130000, difficultyScore: 3, clinicPreference: 2, salesPerformanceScore: 60.0 },
      prices: [{ label: '팔자 필러 양쪽 2cc (국산)', regular: 440000, event: running(350000) }],
    },
    {
      procedureSlug: 'ulthera',
      custom: { durationMinutes: 50, anesthesiaOptions: '마취 크림, 진통제 (600샷 이상은 수면마취 무료)' },
      crossSell: ['rejuran-healer'],
      sequenceNotes: '같은 날 스킨부스터를 함께 받을 경우 울쎄라를 먼저 시술합니다.',
      internal: { materialCost: 450000, difficultyScore: 4, clinicPreference: 1, salesPerformanceScore: 91.5 },
      prices: [
        { label: '울쎄라 300샷 (정품 팁 인증)', regular: 1490000, event: running(1190000) },
        { label: '울쎄라 600샷 (정품 팁 인증)', regular: 2690000 },
      ],
    },
    {
      procedureSlug: 'shrink-universe',
      upsell: ['ulthera'],
      internal: { materialCost: 30000, difficultyScore: 2, clinicPreference: 1, salesPerformanceScore: 85.0 },
      prices: [
        { label: '슈링크 유니버스 300샷', regular: 190000, event: running(129000) },
        { label: '슈링크 유니버스 600샷 + 이중턱', regular: 350000 },
      ],
    },
    {
      procedureSlug: 'thermage-flx',
      custom: { painLevel: 5, anesthesiaOptions: '마취 크림, 진통제, 쿨링 강화 모드' },
      internal: { materialCost: 1100000, difficultyScore: 3, clinicPreference: 1, salesPerformanceScore: 79.0 },
      prices: [
        { label: '써마지 FLX 얼굴 600샷 (정품 팁)', regular: 2900000, event: running(2390000) },
        { label: '써마지 FLX 눈가 225샷', regular: 1200000 },
      ],
    },
    {
      procedureSlug: 'pico-toning',
      crossSell: ['aqua-peel'],
      internal: { materialCost: 5000, difficultyScore: 1, clinicPreference: 1, salesPerformanceScore: 76.0 },
      prices: [
        { label: '피코토닝 1회', regular: 99000 },
        { label: '피코토닝 10회 패키지', regular: 790000, package: { sessions: 10, validityMonths: 12, intervalDays: 14 } },
      ],
    },
    {
      procedureSlug: 'laser-toning',
      internal: { materialCost: 3000, difficultyScore: 1, clinicPreference: 2, salesPerformanceScore: 55.0 },
      prices: [
        { label: '레이저토닝 1회', regular: 50000 },
        { label: '레이저토닝 10회 패키지', regular: 390000, event: expired(290000), package: { sessions: 10, validityMonths: 6, intervalDays: 7 } },
      ],
    },
    {
      procedureSlug: 'rejuran-healer',
      custom: { effects: '피부 재생, 탄력·결 개선, 여드름 흉터·모공 완화 (3회 시술 시 효과가 가장 좋습니다)' },
      crossSell: ['aqua-peel'],
      internal: { materialCost: 110000, difficultyScore: 2, clinicPreference: 1, salesPerformanceScore: 83.5 },
      prices: [
        { label: '리쥬란힐러 2cc 얼굴 전체', regular: 350000, event: running(280000) },
        { label: '리쥬란힐러 2cc 3회 패키지', regular: 990000, package: { sessions: 3, validityMonths: 6, intervalDays: 21 } },
      ],
    },
    {
      procedureSlug: 'juvelook',
      internal: { materialCost: 140000, difficultyScore: 3, clinicPreference: 2, salesPerformanceScore: 62.0 },
      prices: [{ label: '쥬베룩 2cc 얼굴 전체', regular: 390000 }],
    },
    {
      procedureSlug: 'water-glow-injection',
      internal: { materialCost: 35000, difficultyScore: 1, clinicPreference: 2, salesPerformanceScore: 67.0 },
      prices: [{ label: '물광주사 2cc', regular: 150000, event: running(99000) }],
    },
    {
      procedureSlug: 'aqua-peel',
      custom: { durationMinutes: 20 },
      internal: { materialCost: 8000, difficultyScore: 1, clinicPreference: 3, salesPerformanceScore: 40.0 },
      prices: [{ label: '아쿠아필 1회 (진정 팩 포함)', regular: 50000, event: running(30000) }],
    },
  ],
  [SECOND_CLINIC_SLUG]: [
    {
      procedureSlug: 'forehead-botox',
      internal: { materialCost: 60000, difficultyScore: 1, clinicPreference: 2, salesPerformanceScore: 70.0 },
      prices: [{ label: '이마 보톡스 수입(제오민) 50유닛', regular: 260000 }],
    },
    {
      procedureSlug: 'ulthera',
      internal: { materialCost: 450000, difficultyScore: 4, clinicPreference: 1, salesPerformanceScore: 90.0 },
      prices: [{ label: '울쎄라 300샷 원장 직접 시술', regular: 1690000 }],
    },
    {
      procedureSlug: 'rejuran-healer',
      internal: { materialCost: 110000, difficultyScore: 2, clinicPreference: 1, salesPerformanceScore: 81.0 },
      prices: [{ label: '리쥬란힐러 2cc', regular: 390000, event: running(330000) }],
    },
  ],
};
