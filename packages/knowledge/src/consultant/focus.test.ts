import { describe, expect, it } from 'vitest';
import type { NearestNeighbour } from '@hub/db';
import type { KnowledgeHit } from '@hub/ai';
import type { GuardProcedure } from '../guards';
import { packageTermsOf, type ClinicFacts } from './clinic-facts';
import { distinctiveWords, focus, resolveLanguage, resolvePriceLines, withoutOwnRow, type RetrievedSource } from './consultant';

const row = (label: string, score: number, metadata: Record<string, unknown>, sourceType = 'response_library'): RetrievedSource => ({
  label,
  score,
  row: { sourceType, sourceId: label, content: '', metadata, score } as unknown as NearestNeighbour,
});
const PROCS: GuardProcedure[] = [
  { slug: 'forehead-botox', names: { ko: '이마 보톡스', en: 'Forehead Botox' }, category: '보톡스' },
  { slug: 'juvelook', names: { ko: '쥬베룩', en: 'Juvelook' }, category: '스킨부스터' },
  { slug: 'nose-filler', names: { ko: '코 필러', en: 'Nose filler' }, category: '필러' },
];

describe('focus: rows about another procedure never answer for the named one', () => {
  const botoxFaq = row('lib:botox-care', 0.5, { ko: { question: '보톡스는 시술 시간이 얼마나 걸리나요?', answer: '…' } });
  const botoxPrice = row('lib:botox-price', 0.5, { ko: { question: '이마 보톡스 가격이 얼마인가요?', answer: '…' } });
  const care = row('lib:care', 0.5, { ko: { question: '시술 후 세안과 화장은 언제부터 할 수 있나요?', answer: '…' } });
  const juvelook = row('procedure:juvelook', 0.3, { slug: 'juvelook' }, 'clinic_procedure');

  it('drops a general row about another kind of procedure, keeps a general one', () => {
    const kept = focus([botoxFaq, botoxPrice, care, juvelook], ['juvelook'], PROCS).map((s) => s.label);
    expect(kept).toEqual(['lib:care', 'procedure:juvelook']);
  });

  it('keeps a row about the named procedure or its kind', () => {
    const kept = focus([botoxFaq, botoxPrice, row('procedure:forehead-botox', 0.4, { slug: 'forehead-botox' }, 'clinic_procedure')], ['forehead-botox'], PROCS);
    expect(kept.map((s) => s.label)).toEqual(['lib:botox-care', 'lib:botox-price', 'procedure:forehead-botox']);
  });
});

describe('price lines named by a word only their label has', () => {
  it('distinctiveWords', () => {
    expect(distinctiveWords('써마지 FLX 눈가 225샷', ['써마지 FLX 얼굴 600샷 (정품 팁)'])).toEqual(['눈가']);
    expect(distinctiveWords('코 필러 1cc', [])).toEqual([]);
  });

  it('"and the eye area?" (glossary: 눈가) answers the eye line, not the range', () => {
    const facts = {
      prices: [
        {
          pricingId: 'a',
          slug: 'thermage-flx',
          label: '써마지 FLX 얼굴 600샷 (정품 팁)',
          priceKrw: 2390000,
          regularPriceKrw: 2900000,
          eventActive: true,
          discountWarning: false,
          foreign: {},
        },
        {
          pricingId: 'b',
          slug: 'thermage-flx',
          label: '써마지 FLX 눈가 225샷',
          priceKrw: 1200000,
          regularPriceKrw: 1200000,
          eventActive: false,
          discountWarning: false,
          foreign: {},
        },
      ],
    } as unknown as ClinicFacts;
    const hit = (label: string, price: number, score: number): KnowledgeHit => ({
      sourceType: 'pricing',
      sourceId: label,
      content: '',
      score,
      metadata: { slug: 'thermage-flx', label, priceKrw: price },
    });
    const out = resolvePriceLines(
      [hit('써마지 FLX 얼굴 600샷 (정품 팁)', 2390000, 0.4), hit('써마지 FLX 눈가 225샷', 1200000, 0.38)],
      'còn vùng mắt thì sao ạ?\ncòn 눈가 thì sao ạ?',
      facts,
    );
    expect(out[0]!.metadata['priceKrw']).toBe(1200000);
  });
});

describe('a named line that retrieval did not bring', () => {
  it('"600 shots?" after an Ulthera answer gives the 600-shot price, not the range', () => {
    const facts = {
      prices: [
        {
          pricingId: 'a',
          slug: 'ulthera',
          label: '울쎄라 300샷 (정품 팁 인증)',
          priceKrw: 1190000,
          regularPriceKrw: 1490000,
          eventActive: true,
          discountWarning: false,
          foreign: {},
        },
        {
          pricingId: 'b',
          slug: 'ulthera',
          label: '울쎄라 600샷 (정품 팁 인증)',
          priceKrw: 2690000,
          regularPriceKrw: 2690000,
          eventActive: false,
          discountWarning: false,
          foreign: {},
        },
      ],
    } as unknown as ClinicFacts;
    const procedureRow: KnowledgeHit = {
      sourceType: 'procedure',
      sourceId: 'u',
      content: '',
      score: 0.3,
      metadata: { slug: 'ulthera', priceMinKrw: 1190000, priceMaxKrw: 2690000 },
    };
    const [out] = resolvePriceLines([procedureRow], '600ショットだといくらですか', facts);
    expect(out!.metadata['priceKrw']).toBe(2690000);
    expect(out!.metadata['priceMinKrw']).toBeUndefined();
  });
});

describe('the reply language of a short, ambiguous message', () => {
  const input = { messages: [] } as unknown as Parameters<typeof resolveLanguage>[1];
  it('Vietnamese without diacritics that looks English stays Vietnamese for a Vietnamese customer', () => {
    expect(resolveLanguage({ language: 'en', confidence: 0.725 }, input, 'vi')).toBe('vi');
  });
  it('Han text without a telling character stays Traditional for a Taiwanese customer', () => {
    expect(resolveLanguage({ language: 'zh', confidence: 0.55 }, input, 'zh-TW')).toBe('zh-TW');
  });
  it('a clear message in another language is answered in it', () => {
    expect(resolveLanguage({ language: 'en', confidence: 0.95 }, input, 'vi')).toBe('en');
    expect(resolveLanguage({ language: 'ja', confidence: 0.9 }, input, 'zh')).toBe('ja');
  });
});

describe('a message mixing scripts', () => {
  const msg = (content: string) =>
    ({ messages: [{ id: 'm', content, translatedContent: null, originalLanguage: null }] }) as unknown as Parameters<typeof resolveLanguage>[1];
  it('is answered in the customer’s language when much of it is in that script', () => {
    expect(resolveLanguage({ language: 'ko', confidence: 0.7 }, msg('how much is 보톡스 for the forehead?'), 'en')).toBe('en');
    expect(resolveLanguage({ language: 'ja', confidence: 0.8 }, msg('我想问一下の价格'), 'zh')).toBe('zh');
  });
  it('but a message written wholly in another language is answered in it', () => {
    expect(resolveLanguage({ language: 'ko', confidence: 0.99 }, msg('보톡스 얼마예요?'), 'en')).toBe('ko');
  });
});

describe('withoutOwnRow: a named procedure reached only by a price line still needs its own row', () => {
  const price = row('pricing:jaw-botox', 0.35, { slug: 'jaw-botox' }, 'pricing');
  const own = row('procedure:jaw-botox', 0.2, { slug: 'jaw-botox' }, 'clinic_procedure');
  const other = row('procedure:nose-filler', 0.3, { slug: 'nose-filler' }, 'clinic_procedure');

  it('lists the named procedures with no procedure row (none at all, or a price line only)', () => {
    expect(withoutOwnRow(['jaw-botox', 'nose-filler'], [price, other])).toEqual(['jaw-botox']);
    expect(withoutOwnRow(['jaw-botox'], [])).toEqual(['jaw-botox']);
  });

  it('is empty once the procedure row is there', () => {
    expect(withoutOwnRow(['jaw-botox', 'nose-filler'], [price, own, other])).toEqual([]);
  });
});

describe('packageTermsOf: the terms of a package line', () => {
  it('reads sessions, months valid and days between sessions', () => {
    expect(packageTermsOf({ sessions: 10, validityMonths: 12, intervalDays: 14 })).toEqual({ sessions: 10, validityMonths: 12, intervalDays: 14 });
    expect(packageTermsOf({ validityMonths: 6, note: 'x' })).toEqual({ validityMonths: 6 });
  });
  it('is undefined for no terms or malformed JSON', () => {
    expect(packageTermsOf(null)).toBeUndefined();
    expect(packageTermsOf([1, 2])).toBeUndefined();
    expect(packageTermsOf({ sessions: -1, validityMonths: 'x' })).toBeUndefined();
  });
});
