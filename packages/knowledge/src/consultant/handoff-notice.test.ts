import { describe, expect, it } from 'vitest';
import { LANG_CODES, type LangCode } from '@hub/ai';
import { handoffNotice, isOpenNow } from './handoff-notice';

const settings = {
  operating_hours: { mon: '10:00-20:00', tue: '10:00-20:00', wed: '10:00-20:00', thu: '10:00-20:00', fri: '10:00-20:00', sat: '10:00-16:00', sun: 'closed' },
};
// 2026-12-07 is a Monday. 12:00 KST = 03:00Z (open); 22:00 KST = 13:00Z (closed).
const OPEN = new Date('2026-12-07T03:00:00Z');
const CLOSED = new Date('2026-12-07T13:00:00Z');
const SUNDAY = new Date('2026-12-06T03:00:00Z');
const base = { clinicName: '데이뷰의원', phone: '02-6952-0418', settings, timezone: 'Asia/Seoul' };

/** Scripts that must not appear in a reply of that language (names and numbers aside). */
const FOREIGN: Record<LangCode, RegExp> = {
  ko: /[\u3040-\u30ff]/,
  ja: /[\uac00-\ud7af]/,
  en: /[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]/,
  zh: /[\uac00-\ud7af\u3040-\u30ff]/,
  'zh-TW': /[\uac00-\ud7af\u3040-\u30ff]/,
  vi: /[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]/,
};

describe('handoff notice', () => {
  it('knows when the clinic is open, in its own time zone', () => {
    expect(isOpenNow(settings, 'Asia/Seoul', OPEN)).toBe(true);
    expect(isOpenNow(settings, 'Asia/Seoul', CLOSED)).toBe(false);
    expect(isOpenNow(settings, 'Asia/Seoul', SUNDAY)).toBe(false);
    expect(isOpenNow({}, 'Asia/Seoul', OPEN)).toBeUndefined();
  });

  for (const lang of LANG_CODES) {
    it(`${lang}: says staff will answer, gives hours only when closed and the phone, in one language`, () => {
      const open = handoffNotice({ ...base, lang, reason: 'customer_requested_human', now: OPEN });
      const closed = handoffNotice({ ...base, lang, reason: 'complaint', now: CLOSED });
      expect(open.urgent).toBe(false);
      expect(open.text).toContain('02-6952-0418');
      expect(open.text).not.toContain('10:00');
      expect(closed.text).toContain('10:00');
      expect(closed.text.length).toBeGreaterThan(open.text.length);
      // The clinic's name is Korean: everything else must be in the customer's language.
      for (const t of [open.text, closed.text]) expect(t.replaceAll(base.clinicName, ''), t).not.toMatch(FOREIGN[lang]);
    });

    it(`${lang}: a medical emergency gets the safety message (emergency number, clinic phone, staff alerted)`, () => {
      const n = handoffNotice({ ...base, lang, reason: 'medical_emergency', now: OPEN });
      expect(n.urgent).toBe(true);
      expect(n.text).toContain('119');
      expect(n.text).toContain('02-6952-0418');
      expect(n.text.replaceAll(base.clinicName, ''), n.text).not.toMatch(FOREIGN[lang]);
    });
  }

  it('gives the local emergency number of a customer whose country is known', () => {
    expect(handoffNotice({ ...base, lang: 'en', reason: 'medical_emergency', now: OPEN, country: 'US' }).text).toContain('911');
    expect(handoffNotice({ ...base, lang: 'vi', reason: 'medical_emergency', now: OPEN, country: 'VN' }).text).toContain('115');
    expect(handoffNotice({ ...base, lang: 'en', reason: 'medical_emergency', now: OPEN }).text).not.toContain('911');
  });

  it("uses the clinic's own texts when set, with placeholders", () => {
    const custom = { ...settings, handoff_message: { ja: '{clinic}です。担当者が折り返します（{phone}）' } };
    expect(handoffNotice({ ...base, settings: custom, lang: 'ja', reason: 'complaint', now: OPEN }).text).toBe(
      '데이뷰의원です。担当者が折り返します（02-6952-0418）',
    );
    // Other languages keep the defaults.
    expect(handoffNotice({ ...base, settings: custom, lang: 'en', reason: 'complaint', now: OPEN }).text).toContain('will reply');
  });
});
