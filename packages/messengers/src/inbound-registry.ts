import { facebookInbound } from './facebook/facebook.inbound';
import { instagramInbound } from './instagram/instagram.inbound';
import { kakaoInbound } from './kakao/kakao.inbound';
import { lineInbound } from './line/line.inbound';
import { telegramInbound } from './telegram/telegram.inbound';
import type { InboundAdapter, Platform } from './types';
import { whatsappInbound } from './whatsapp/whatsapp.inbound';

/** Adding a platform = one folder + one line here; `satisfies` makes a missing one a type error. */
export const inboundAdapters = {
  telegram: telegramInbound,
  line: lineInbound,
  instagram: instagramInbound,
  facebook: facebookInbound,
  whatsapp: whatsappInbound,
  kakao: kakaoInbound,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own secrets type
} satisfies Record<Platform, InboundAdapter<any>>;

export type InboundAdapters = typeof inboundAdapters;
