import { applyGlossary, glossaryKey, type GlossaryEntry } from '@hub/ai';
import type { Prisma } from '@hub/db';
import { parseTranslations } from '../clinic-knowledge';
import { downtimeText, formatForeign, formatKrw, LANG_CODES, perLang, type LangCode, type PerLang } from '../lang';
import { currentPrice, type PricingRowLike } from '../pricing';

/** One row to embed: `content` is both what is embedded and what a model is shown. */
export interface KnowledgeDoc {
  clinicId: string | null;
  sourceType: KnowledgeSourceType;
  sourceId: string;
  content: string;
  metadata: Record<string, unknown>;
}

export type KnowledgeSourceType = 'clinic_procedure' | 'pricing' | 'response_library' | 'medical_term' | 'clinic_info';

// ── Selects: every column named, so the internal business fields of clinic_procedures are never read. ──

export const procedureSelect = {
  id: true,
  slug: true,
  nameKo: true,
  nameEn: true,
  nameJa: true,
  nameZh: true,
  nameVi: true,
  descriptionKo: true,
  descriptionEn: true,
  effectsKo: true,
  durationMinutes: true,
  effectDuration: true,
  downtimeDays: true,
  minIntervalDays: true,
  commonSideEffects: true,
  rareSideEffects: true,
  dangerousSideEffects: true,
  precautionsBefore: true,
  precautionsDuring: true,
  precautionsAfter: true,
  painLevel: true,
  painType: true,
  anesthesiaOptions: true,
  translations: true,
  isActive: true,
  category: { select: { nameKo: true, nameEn: true, nameJa: true, nameZh: true, slug: true } },
} satisfies Prisma.ProcedureSelect;

export const clinicProcedureSelect = {
  id: true,
  clinicId: true,
  procedureId: true,
  isActive: true,
  customDescription: true,
  customEffects: true,
  customDurationMinutes: true,
  customEffectDuration: true,
  customDowntimeDays: true,
  customMinIntervalDays: true,
  customPrecautionsBefore: true,
  customPrecautionsDuring: true,
  customPrecautionsAfter: true,
  customPainLevel: true,
  customAnesthesiaOptions: true,
  customTranslations: true,
  crossSellProcedureIds: true,
  upsellProcedureIds: true,
  sequenceNotes: true,
  procedure: { select: procedureSelect },
} satisfies Prisma.ClinicProcedureSelect;

export const pricingSelect = {
  id: true,
  clinicId: true,
  clinicProcedureId: true,
  label: true,
  regularPrice: true,
  eventPrice: true,
  discountRate: true,
  eventStartDate: true,
  eventEndDate: true,
  isPackage: true,
  packageDetails: true,
  pricesByCurrency: true,
  discountWarning: true,
  isActive: true,
} satisfies Prisma.ProcedurePricingSelect;

export type ClinicProcedureRow = Prisma.ClinicProcedureGetPayload<{ select: typeof clinicProcedureSelect }>;
export type PricingRow = Prisma.ProcedurePricingGetPayload<{ select: typeof pricingSelect }>;

// ── Merging ──

/** Textbook procedure with the clinic's overrides applied: a clinic value wins, NULL falls back. */
export interface MergedProcedure {
  clinicProcedureId: string;
  clinicId: string;
  slug: string;
  names: Partial<Record<LangCode, string>>;
  category?: string;
  description?: string;
  descriptionEn?: string;
  effects?: string;
  durationMinutes?: number;
  effectDuration?: string;
  downtimeDays?: number;
  minIntervalDays?: number;
  commonSideEffects?: string;
  rareSideEffects?: string;
  dangerousSideEffects?: string;
  precautionsBefore?: string;
  precautionsDuring?: string;
  precautionsAfter?: string;
  painLevel?: number;
  painType?: string;
  anesthesiaOptions?: string;
  sequenceNotes?: string;
  /** Renderings of the free-text facts in other languages; a clinic override takes only its own. */
  translations: Partial<Record<LangCode, Partial<Record<TranslatedField, string>>>>;
}

/** Free-text facts with per-language renderings (procedures.translations, clinic_procedures.custom_translations). */
export const TRANSLATED_FIELDS = ['precautionsAfter', 'commonSideEffects', 'effectDuration'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** A translations JSON value → per-language field texts (unknown languages and non-strings dropped). */
export function parseFieldTranslations(value: unknown): Partial<Record<LangCode, Partial<Record<TranslatedField, string>>>> {
  const out: Partial<Record<LangCode, Partial<Record<TranslatedField, string>>>> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, fields] of Object.entries(value as Record<string, unknown>)) {
    const lang = LANG_CODES.find((l) => l === k);
    if (!lang || lang === 'ko' || !fields || typeof fields !== 'object') continue;
    for (const f of TRANSLATED_FIELDS) {
      const text = (fields as Record<string, unknown>)[f];
      if (typeof text === 'string' && text.trim()) (out[lang] ??= {})[f] = text.trim();
    }
  }
  return out;
}

const v = <T>(x: T | null | undefined): T | undefined => (x === null || x === undefined || x === '' ? undefined : x);

function termFor(glossary: GlossaryEntry[], ko: string, lang: LangCode): string | undefined {
  const g = glossary.find((e) => e.ko === ko);
  return g?.[glossaryKey(lang)];
}

export function mergeProcedure(cp: ClinicProcedureRow, glossary: GlossaryEntry[] = []): MergedProcedure {
  const p = cp.procedure;
  const names: Partial<Record<LangCode, string>> = { ko: p.nameKo };
  const set = (lang: LangCode, name: string | null | undefined) => {
    const n = v(name) ?? termFor(glossary, p.nameKo, lang);
    if (n) names[lang] = n;
  };
  set('en', p.nameEn);
  set('ja', p.nameJa);
  set('zh', p.nameZh);
  set('zh-TW', termFor(glossary, p.nameKo, 'zh-TW') ?? p.nameZh);
  set('vi', p.nameVi ?? p.nameEn);
  const m: MergedProcedure = { clinicProcedureId: cp.id, clinicId: cp.clinicId, slug: p.slug, names, translations: {} };
  const assign = <K extends keyof MergedProcedure>(k: K, val: MergedProcedure[K] | null | undefined) => {
    const x = v(val);
    if (x !== undefined) m[k] = x as MergedProcedure[K];
  };
  assign('category', p.category?.nameKo);
  assign('description', cp.customDescription ?? p.descriptionKo);
  assign('descriptionEn', p.descriptionEn);
  assign('effects', cp.customEffects ?? p.effectsKo);
  assign('durationMinutes', cp.customDurationMinutes ?? p.durationMinutes);
  assign('effectDuration', cp.customEffectDuration ?? p.effectDuration);
  assign('downtimeDays', cp.customDowntimeDays ?? p.downtimeDays);
  assign('minIntervalDays', cp.customMinIntervalDays ?? p.minIntervalDays);
  assign('commonSideEffects', p.commonSideEffects);
  assign('rareSideEffects', p.rareSideEffects);
  assign('dangerousSideEffects', p.dangerousSideEffects);
  assign('precautionsBefore', cp.customPrecautionsBefore ?? p.precautionsBefore);
  assign('precautionsDuring', cp.customPrecautionsDuring ?? p.precautionsDuring);
  assign('precautionsAfter', cp.customPrecautionsAfter ?? p.precautionsAfter);
  assign('painLevel', cp.customPainLevel ?? p.painLevel);
  assign('painType', p.painType);
  assign('anesthesiaOptions', cp.customAnesthesiaOptions ?? p.anesthesiaOptions);
  assign('sequenceNotes', cp.sequenceNotes);
  // A field the clinic overrides is rendered only by the clinic's own translations: the textbook's would
  // contradict the override.
  const textbook = parseFieldTranslations(p.translations);
  const custom = parseFieldTranslations(cp.customTranslations);
  const overridden: Record<TranslatedField, boolean> = {
    precautionsAfter: !!v(cp.customPrecautionsAfter),
    commonSideEffects: false,
    effectDuration: !!v(cp.customEffectDuration),
  };
  for (const lang of LANG_CODES) {
    if (lang === 'ko') continue;
    for (const f of TRANSLATED_FIELDS) {
      const text = overridden[f] ? custom[lang]?.[f] : (custom[lang]?.[f] ?? textbook[lang]?.[f]);
      if (text) (m.translations[lang] ??= {})[f] = text;
    }
  }
  return m;
}

/**
 * Korean free text in every language the glossary can render completely; Korean always.
 * A partial rendering (some words left Korean) is not offered: mixed-language facts read as errors.
 */
export function localizeKo(text: string | undefined, glossary: GlossaryEntry[]): Partial<PerLang> | undefined {
  if (!text) return undefined;
  const out: Partial<PerLang> = { ko: text };
  for (const lang of LANG_CODES) {
    if (lang === 'ko') continue;
    const r = applyGlossary(text, 'ko', lang, glossary);
    if (r.whole) out[lang] = r.text;
  }
  return out;
}

/** The glossary terms a Korean text mentions, rendered in `lang` and listed; undefined when none. */
export function glossaryTermsIn(ko: string, lang: LangCode, glossary: GlossaryEntry[]): string | undefined {
  const key = glossaryKey(lang);
  const all: { at: number; ko: string; term: string }[] = [];
  for (const g of glossary) {
    const at = ko.indexOf(g.ko);
    const target = g[key];
    if (at >= 0 && target) all.push({ at, ko: g.ko, term: target });
  }
  // "괴사" inside "피부 괴사": keep the longer term only.
  const found = all.filter((f) => !all.some((o) => o !== f && o.ko.length > f.ko.length && o.ko.includes(f.ko)));
  if (!found.length) return undefined;
  const sep = lang === 'ja' || lang === 'zh' || lang === 'zh-TW' ? '、' : ', ';
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.term))].join(sep);
}

/** Korean text in `lang`: a complete glossary rendering, else the glossary terms it names, else nothing. */
export function localizeOrTerms(text: string | undefined, glossary: GlossaryEntry[]): Partial<PerLang> | undefined {
  const full = localizeKo(text, glossary);
  if (!full || !text) return full;
  for (const lang of LANG_CODES) {
    if (full[lang]) continue;
    const terms = glossaryTermsIn(text, lang, glossary);
    if (terms) full[lang] = terms;
  }
  return full;
}

// Words that make each aspect row findable in every language (the embedder's concept lexicon bridges most).
const ASPECT_WORDS: Record<'overview' | 'recovery' | 'side_effects' | 'aftercare', PerLang> = {
  overview: {
    ko: '시술 설명 효과 지속',
    ja: '施術 説明 効果 持続',
    en: 'procedure what is it effect results how long lasts',
    zh: '项目 介绍 效果 维持',
    'zh-TW': '項目 介紹 效果 維持',
    vi: 'thủ thuật giới thiệu hiệu quả kéo dài',
  },
  recovery: {
    ko: '다운타임 회복 기간 붓기 멍 통증 마취 일상생활',
    ja: 'ダウンタイム 回復 腫れ 内出血 痛み 麻酔',
    en: 'downtime recovery swelling bruising pain anesthesia back to work',
    zh: '恢复期 消肿 疼痛 麻醉 休息几天',
    'zh-TW': '恢復期 消腫 疼痛 麻醉 休息幾天',
    vi: 'thời gian hồi phục sưng đau gây tê',
  },
  side_effects: {
    ko: '부작용 위험 안전',
    ja: '副作用 リスク 安全',
    en: 'side effects risks safe safety',
    zh: '副作用 风险 安全',
    'zh-TW': '副作用 風險 安全',
    vi: 'tác dụng phụ rủi ro an toàn',
  },
  aftercare: {
    ko: '시술 후 관리 주의사항 세안 화장 운동 음주 사우나',
    ja: 'アフターケア 施術後 注意事項 洗顔 メイク 化粧 運動 飲酒 サウナ',
    en: 'aftercare after the procedure precautions wash face makeup exercise alcohol sauna',
    zh: '术后护理 注意事项 洗脸 化妆 运动 喝酒 桑拿',
    'zh-TW': '術後護理 注意事項 洗臉 化妝 運動 喝酒 三溫暖',
    vi: 'chăm sóc sau điều trị lưu ý rửa mặt trang điểm tập thể dục rượu xông hơi',
  },
};

const join = (parts: (string | undefined | false)[], sep = ' | ') => parts.filter(Boolean).join(sep);

export function allNames(m: { names: Partial<Record<LangCode, string>> }): string {
  return [...new Set(Object.values(m.names))].join(' / ');
}

export interface ProcedureExtras {
  crossSellSlugs?: string[];
  upsellSlugs?: string[];
}

/** A Korean fact's renderings: the stored translations first, else what the glossary could render. */
function withTranslations(base: Partial<PerLang> | undefined, m: MergedProcedure, field: TranslatedField): Partial<PerLang> | undefined {
  if (!base) return undefined;
  const out: Partial<PerLang> = { ...base };
  for (const lang of LANG_CODES) {
    const t = m.translations[lang]?.[field];
    if (t) out[lang] = t;
  }
  return out;
}

/** What the local generator and the guards read (knowledge-metadata.ts ProcedureMetadata) plus our own keys. */
export function procedureMetadata(m: MergedProcedure, glossary: GlossaryEntry[], extras: ProcedureExtras = {}): Record<string, unknown> {
  const meta: Record<string, unknown> = { slug: m.slug, name: m.names };
  if (m.downtimeDays !== undefined) meta['downtime'] = perLang((l) => downtimeText(m.downtimeDays!, l));
  const se = withTranslations(localizeOrTerms(m.commonSideEffects, glossary), m, 'commonSideEffects');
  if (se) meta['sideEffects'] = se;
  const after = withTranslations(localizeKo(m.precautionsAfter, glossary), m, 'precautionsAfter');
  if (after) meta['aftercare'] = after;
  const lasts = withTranslations(localizeKo(m.effectDuration, glossary), m, 'effectDuration');
  if (lasts) meta['effectDuration'] = lasts;
  const danger = localizeOrTerms(m.dangerousSideEffects, glossary);
  if (danger) meta['dangerousSideEffects'] = danger;
  if (m.painLevel !== undefined) meta['painLevel'] = m.painLevel;
  if (m.durationMinutes !== undefined) meta['durationMinutes'] = m.durationMinutes;
  if (extras.crossSellSlugs?.length) meta['crossSell'] = extras.crossSellSlugs;
  if (extras.upsellSlugs?.length) meta['upsell'] = extras.upsellSlugs;
  return meta;
}

export function procedureDocs(m: MergedProcedure, glossary: GlossaryEntry[], extras: ProcedureExtras = {}): KnowledgeDoc[] {
  const base = procedureMetadata(m, glossary, extras);
  const names = allNames(m);
  const doc = (aspect: string, language: LangCode, content: string): KnowledgeDoc => ({
    clinicId: m.clinicId,
    sourceType: 'clinic_procedure',
    sourceId: m.clinicProcedureId,
    content,
    metadata: { ...base, aspect, language },
  });
  const docs: KnowledgeDoc[] = [
    doc(
      'overview',
      'ko',
      join([
        names,
        m.category,
        m.description,
        m.effects && `효과: ${m.effects}`,
        m.durationMinutes !== undefined && `시술 시간 ${m.durationMinutes}분`,
        m.effectDuration && `효과 지속 ${m.effectDuration}`,
        m.sequenceNotes,
        ASPECT_WORDS.overview.ko,
      ]),
    ),
    doc(
      'recovery',
      'ko',
      join([
        names,
        m.downtimeDays !== undefined && `다운타임 ${downtimeText(m.downtimeDays, 'ko')}`,
        m.painLevel !== undefined && `통증 ${m.painLevel}/10${m.painType ? ` (${m.painType})` : ''}`,
        m.anesthesiaOptions && `마취: ${m.anesthesiaOptions}`,
        m.minIntervalDays !== undefined && `시술 간격 ${m.minIntervalDays}일`,
        ASPECT_WORDS.recovery.ko,
      ]),
    ),
    doc(
      'side_effects',
      'ko',
      join([
        names,
        m.commonSideEffects && `부작용: ${m.commonSideEffects}`,
        m.rareSideEffects && `드문 부작용: ${m.rareSideEffects}`,
        m.dangerousSideEffects && `드물지만 중대한 부작용: ${m.dangerousSideEffects}`,
        ASPECT_WORDS.side_effects.ko,
      ]),
    ),
    doc(
      'aftercare',
      'ko',
      join([
        names,
        m.precautionsBefore && `시술 전 주의: ${m.precautionsBefore}`,
        m.precautionsDuring && `시술 중: ${m.precautionsDuring}`,
        m.precautionsAfter && `시술 후 관리: ${m.precautionsAfter}`,
        ASPECT_WORDS.aftercare.ko,
      ]),
    ),
  ];
  // One row per other language: the local name with that language's aspect words and the facts it can state.
  for (const lang of LANG_CODES) {
    if (lang === 'ko') continue;
    // Traditional-Chinese rows carry the simplified name too (queries are also embedded in simplified form).
    const own = m.names[lang] ?? m.names.en ?? m.names.ko!;
    const name = lang === 'zh-TW' && m.names.zh && m.names.zh !== own ? `${own} / ${m.names.zh}` : own;
    const se = (base['sideEffects'] as Partial<PerLang> | undefined)?.[lang];
    const danger = (base['dangerousSideEffects'] as Partial<PerLang> | undefined)?.[lang];
    docs.push(
      doc(
        'overview',
        lang,
        join([
          `${name} (${m.names.ko})`,
          lang === 'en' ? m.descriptionEn : undefined,
          (base['effectDuration'] as Partial<PerLang> | undefined)?.[lang],
          ASPECT_WORDS.overview[lang],
        ]),
      ),
      doc('recovery', lang, join([name, m.downtimeDays !== undefined && downtimeText(m.downtimeDays, lang), ASPECT_WORDS.recovery[lang]])),
      doc('side_effects', lang, join([name, se, danger, ASPECT_WORDS.side_effects[lang]])),
      doc('aftercare', lang, join([name, (base['aftercare'] as Partial<PerLang> | undefined)?.[lang], ASPECT_WORDS.aftercare[lang]])),
    );
  }
  return docs;
}

// ── Pricing ──

const PRICE_WORDS: PerLang = {
  ko: '가격 비용 얼마 요금',
  ja: '料金 値段 いくら 価格',
  en: 'price cost how much',
  zh: '价格 多少钱 费用',
  'zh-TW': '價格 多少錢 費用',
  vi: 'giá bao nhiêu chi phí',
};
const EVENT_WORDS: PerLang = {
  ko: '이벤트 할인가',
  ja: 'イベント 特別価格',
  en: 'event special offer',
  zh: '活动 优惠价',
  'zh-TW': '活動 優惠價',
  vi: 'sự kiện ưu đãi',
};

// Units in Korean price labels, so "300ショット" or "50 units" meets "300샷" / "50유닛".
const UNIT_WORDS: [RegExp, PerLang][] = [
  [/(\d+)\s*샷/gu, { ko: '$1샷', ja: '$1ショット', en: '$1 shots', zh: '$1发', 'zh-TW': '$1發', vi: '$1 shot' }],
  [/(\d+)\s*유닛/gu, { ko: '$1유닛', ja: '$1単位', en: '$1 units', zh: '$1单位', 'zh-TW': '$1單位', vi: '$1 đơn vị' }],
  [/(\d+)\s*회/gu, { ko: '$1회', ja: '$1回', en: '$1 sessions', zh: '$1次', 'zh-TW': '$1次', vi: '$1 lần' }],
  [/패키지/gu, { ko: '패키지', ja: 'パッケージ', en: 'package', zh: '套餐', 'zh-TW': '套餐', vi: 'gói' }],
  [/얼굴\s*전체/gu, { ko: '얼굴 전체', ja: '顔全体', en: 'full face', zh: '全脸', 'zh-TW': '全臉', vi: 'toàn mặt' }],
];

/** The numbers and units of a Korean label, in `lang` ("울쎄라 300샷" → "300ショット"). */
export function labelUnits(label: string, lang: LangCode): string {
  const out: string[] = [];
  for (const [re, forms] of UNIT_WORDS) for (const m of label.matchAll(re)) out.push(m[0].replace(re, forms[lang]));
  return out.join(' ');
}

export function pricingMetadata(
  row: PricingRow,
  proc: { slug: string; names: Partial<Record<LangCode, string>> },
  glossary: GlossaryEntry[],
  now: Date,
): Record<string, unknown> {
  const p = currentPrice(row as PricingRowLike, now);
  const meta: Record<string, unknown> = {
    slug: proc.slug,
    name: proc.names,
    priceKrw: p.priceKrw,
    eventActive: p.eventActive,
    discountWarning: p.discountWarning,
    isPackage: row.isPackage,
  };
  // A warned discount (over 49%) is not to be advertised: the regular price and rate are left out with it.
  if (!p.discountWarning) meta['regularPriceKrw'] = p.regularPriceKrw;
  if (p.eventActive && p.eventPriceKrw !== undefined) meta['eventPriceKrw'] = p.eventPriceKrw;
  if (p.discountRate !== undefined) meta['discountRate'] = p.discountRate;
  if (p.eventActive && row.eventEndDate) meta['eventEndDate'] = row.eventEndDate.toISOString().slice(0, 10);
  if (Object.keys(p.foreign).length) meta['pricesByCurrency'] = p.foreign;
  if (row.label) {
    meta['label'] = row.label;
    meta['priceNote'] = localizeKo(row.label, glossary) ?? row.label;
  }
  return meta;
}

export function pricingDocs(
  row: PricingRow,
  proc: { slug: string; names: Partial<Record<LangCode, string>> },
  glossary: GlossaryEntry[],
  now: Date,
): KnowledgeDoc[] {
  const meta = pricingMetadata(row, proc, glossary, now);
  const foreign = (meta['pricesByCurrency'] as Record<string, number> | undefined) ?? {};
  const foreignText = Object.entries(foreign)
    .map(([c, a]) => formatForeign(a, c))
    .join(', ');
  return LANG_CODES.map((lang) => {
    const name = proc.names[lang] ?? proc.names.en ?? proc.names.ko!;
    const label = (meta['priceNote'] as Partial<PerLang> | string | undefined) ?? undefined;
    const labelText = typeof label === 'string' ? label : (label?.[lang] ?? row.label ?? undefined);
    const content = join(
      [
        lang === 'ko' ? name : `${name} (${proc.names.ko})`,
        labelText,
        lang === 'ko' ? undefined : row.label ? labelUnits(row.label, lang) : undefined,
        `${PRICE_WORDS[lang]}: ${formatKrw(meta['priceKrw'] as number, lang)}`,
        meta['eventActive'] === true && EVENT_WORDS[lang],
        foreignText,
      ],
      ' · ',
    );
    return { clinicId: row.clinicId, sourceType: 'pricing', sourceId: row.id, content, metadata: { ...meta, language: lang } };
  });
}

// ── Response library ──

export interface LibraryRow {
  id: string;
  clinicId: string;
  category: string;
  subcategory: string | null;
  questionKo: string;
  answerKo: string;
  translations: unknown;
  keywords: string[];
}

export function libraryDocs(row: LibraryRow): KnowledgeDoc[] {
  const translations = parseTranslations(row.translations);
  const meta = {
    ko: { question: row.questionKo, answer: row.answerKo },
    translations,
    category: row.category,
    ...(row.subcategory ? { subcategory: row.subcategory } : {}),
  };
  const keywords = row.keywords.join(' ');
  const variants: [LangCode, { question: string; answer: string }][] = [
    ['ko', meta.ko],
    ...(Object.entries(translations) as [LangCode, { question: string; answer: string }][]),
  ];
  return variants.map(([lang, qa]) => ({
    clinicId: row.clinicId,
    sourceType: 'response_library',
    sourceId: row.id,
    content: join([qa.question, qa.answer, keywords], '\n'),
    metadata: { ...meta, language: lang },
  }));
}

// ── Medical terms ──

export interface MedicalTermDocRow {
  id: string;
  clinicId: string | null;
  termKo: string;
  termEn: string | null;
  termJa: string | null;
  termZh: string | null;
  termZhTw: string | null;
  termVi: string | null;
  category: string | null;
}

export function medicalTermDocs(t: MedicalTermDocRow): KnowledgeDoc[] {
  const terms: Partial<PerLang> = { ko: t.termKo };
  if (t.termEn) terms.en = t.termEn;
  if (t.termJa) terms.ja = t.termJa;
  if (t.termZh) terms.zh = t.termZh;
  if (t.termZhTw) terms['zh-TW'] = t.termZhTw;
  if (t.termVi) terms.vi = t.termVi;
  return [
    {
      clinicId: t.clinicId,
      sourceType: 'medical_term',
      sourceId: t.id,
      content: [...new Set(Object.values(terms))].join(' / '),
      metadata: { terms, ...(t.category ? { category: t.category } : {}) },
    },
  ];
}
