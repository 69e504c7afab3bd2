import { facebookPlatform } from './facebook/facebook.platform';
import { instagramPlatform } from './instagram/instagram.platform';
import { kakaoPlatform } from './kakao/kakao.platform';
import { linePlatform } from './line/line.platform';
import type { MessengerPlatform } from './platform';
import { telegramPlatform } from './telegram/telegram.platform';
import type { Platform } from './types';
import { whatsappPlatform } from './whatsapp/whatsapp.platform';

/**
 * The one registry: adding a platform = one folder + one line here (and its name in platform-names.ts).
 * `satisfies` makes a missing or an unknown platform a type error. Loads no platform SDK: each
 * entry's `outbound()` imports its sender on first use, so the ingress can import this file.
 */
export const messengerPlatforms = {
  telegram: telegramPlatform,
  line: linePlatform,
  instagram: instagramPlatform,
  facebook: facebookPlatform,
  whatsapp: whatsappPlatform,
  kakao: kakaoPlatform,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each platform has its own secrets type
} satisfies Record<Platform, MessengerPlatform<any>>;

export type MessengerPlatforms = typeof messengerPlatforms;

/** The registry entry of a platform, with its secrets type erased (for code that handles any platform). */
export function platformOf(platform: Platform): MessengerPlatform<unknown> {
  return messengerPlatforms[platform] as MessengerPlatform<unknown>;
}

/** A per-platform view of one field of the registry. */
export function registryView<T>(pick: (p: MessengerPlatform<unknown>) => T): Record<Platform, T> {
  return Object.fromEntries(Object.entries(messengerPlatforms).map(([name, p]) => [name, pick(p as MessengerPlatform<unknown>)])) as Record<Platform, T>;
}
