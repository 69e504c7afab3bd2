import { describe, expect, it } from 'vitest';
import { LANG_SAMPLES } from './lang-samples';
import { detectByScript, LocalLanguageDetector } from './language.detector';

describe('LocalLanguageDetector', () => {
  const detector = new LocalLanguageDetector();

  it('has enough samples in every served language', () => {
    expect(LANG_SAMPLES.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi']) {
      expect(LANG_SAMPLES.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('is at least 90% accurate on the clinic chat samples', () => {
    const misses = LANG_SAMPLES.filter((s) => detector.detectLanguage(s.text).language !== s.lang);
    const accuracy = 1 - misses.length / LANG_SAMPLES.length;
    expect(accuracy, JSON.stringify(misses)).toBeGreaterThanOrEqual(0.9);
  });

  it('tells traditional from simplified Chinese by characters', () => {
    expect(detector.detectLanguage('請問玻尿酸多少錢').language).toBe('zh-TW');
    expect(detector.detectLanguage('请问玻尿酸多少钱').language).toBe('zh');
  });

  it('uses script rules for CJK and Vietnamese letters', () => {
    expect(detectByScript('보톡스 얼마예요')?.language).toBe('ko');
    expect(detectByScript('ボトックスはいくらですか')?.language).toBe('ja');
    expect(detectByScript('Tiêm botox giá bao nhiêu ạ')?.language).toBe('vi');
    expect(detectByScript('How much is botox?')).toBeNull();
  });

  it('passes other languages through and gives up on no letters', () => {
    expect(detector.detectLanguage('สวัสดีครับ ราคาเท่าไหร่').language).toBe('th');
    expect(detector.detectLanguage('Здравствуйте, сколько стоит ботокс?').language).toBe('ru');
    expect(detector.detectLanguage('👍👍 123')).toEqual({ language: 'und', confidence: 0 });
  });
});
