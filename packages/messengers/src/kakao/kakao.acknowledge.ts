import type { InboundEvent } from '../types';

// Kakao's skill request must be answered within 5 s. The AI answer takes longer, so we answer at once
// with a short holding text in the customer's language and let the pipeline post the real answer to
// the callbackUrl (valid for 1 minute). Without a callbackUrl the holding text is the whole answer
// and the reply goes out through the Event API when the clinic has a key.
const HOLDING: Record<string, string> = {
  ko: '잠시만 기다려 주세요. 상담사가 답변을 준비하고 있습니다.',
  ja: '少々お待ちください。担当者が回答を準備しております。',
  en: 'One moment please, we are preparing your answer.',
  zh: '请稍等，我们正在为您准备回复。',
  'zh-TW': '請稍候，我們正在為您準備回覆。',
  vi: 'Xin vui lòng chờ trong giây lát, chúng tôi đang chuẩn bị câu trả lời.',
};

export function holdingText(lang: string | undefined): string {
  if (!lang) return HOLDING.ko!;
  return HOLDING[lang] ?? HOLDING[lang.split('-')[0]!] ?? HOLDING.en!;
}

export function kakaoHoldingResponse(event: InboundEvent | undefined): unknown {
  const text = holdingText(event?.languageHint);
  if (event?.callbackUrl) return { version: '2.0', useCallback: true, data: { text } };
  return { version: '2.0', template: { outputs: [{ simpleText: { text } }] } };
}
