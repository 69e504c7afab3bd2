import { describe, expect, it } from 'vitest';
import { cosineSimilarity, LocalLexicalEmbedder } from './lexical.embedder';

describe('LocalLexicalEmbedder', () => {
  const embedder = new LocalLexicalEmbedder();

  it('makes deterministic, L2-normalized 1536-dim vectors', async () => {
    const [a, b] = await embedder.embed(['ボトックスはいくらですか', 'ボトックスはいくらですか']);
    expect(a).toHaveLength(1536);
    expect(a).toEqual(b);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
  });

  it('retrieves Japanese and Korean botox-price rows for a Japanese botox-price question', async () => {
    const rows = {
      jaBotoxPrice: 'ボトックスの料金：額1部位 50,000ウォン、エラ 100,000ウォン。',
      koBotoxPrice: '보톡스 가격 안내: 이마 1부위 50,000원, 사각턱 100,000원',
      jaFillerDowntime: 'ヒアルロン酸フィラーのダウンタイムは2〜3日で、腫れは1週間以内に引きます。',
      koLocation: '병원 위치: 강남역 10번 출구 도보 3분, 주차 가능',
      enHours: 'Opening hours: Mon-Sat 10:00-19:00, closed on Sundays.',
      koLaser: '레이저 토닝 10회 패키지 안내, 시술 후 홍조가 있을 수 있습니다.',
    };
    const [query] = await embedder.embed(['ボトックスはいくらですか？']);
    const vectors = Object.fromEntries(await Promise.all(Object.entries(rows).map(async ([k, text]) => [k, (await embedder.embed([text]))[0]!] as const)));
    const score = Object.fromEntries(Object.entries(vectors).map(([k, v]) => [k, cosineSimilarity(query!, v)]));
    const unrelated = Math.max(score.jaFillerDowntime!, score.koLocation!, score.enHours!, score.koLaser!);
    expect(score.jaBotoxPrice).toBeGreaterThan(unrelated);
    expect(score.koBotoxPrice).toBeGreaterThan(unrelated);
    const ranked = Object.entries(score)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    expect(ranked.slice(0, 2).sort()).toEqual(['jaBotoxPrice', 'koBotoxPrice']);
  });

  it('matches English and Vietnamese questions to the Korean row through domain concepts', async () => {
    const [ko, hours, en, vi] = await embedder.embed([
      '보톡스 가격 안내: 이마 1부위 50,000원',
      '진료시간: 평일 10시~19시',
      'How much is botox?',
      'tiem botox gia bao nhieu',
    ]);
    expect(cosineSimilarity(en!, ko!)).toBeGreaterThan(cosineSimilarity(en!, hours!));
    expect(cosineSimilarity(vi!, ko!)).toBeGreaterThan(cosineSimilarity(vi!, hours!));
  });

  it('extends concepts with the clinic glossary and says so in the model name', async () => {
    const plain = new LocalLexicalEmbedder();
    const withGlossary = new LocalLexicalEmbedder({ glossary: [{ ko: '인모드', ja: 'インモード', en: 'InMode' }] });
    expect(plain.model).toBe('local-lexical-v1');
    expect(withGlossary.model).toMatch(/^local-lexical-v1\+g[0-9a-f]{8}$/);
    const [q, row, other] = await withGlossary.embed(['インモードはありますか', '인모드 리프팅 안내', '주차 안내']);
    expect(cosineSimilarity(q!, row!)).toBeGreaterThan(cosineSimilarity(q!, other!));
  });
});
