// The platforms and what the console shows of them, with no imports: the console bundles this file
// as is. The registry (`messengerPlatforms` in platforms.ts) has exactly these keys: `satisfies`
// there and platforms.pins.test.ts enforce it.
export const PLATFORM_CATALOG = {
  telegram: { name: 'Telegram', mark: 'T', adminFields: ['botToken'] },
  line: { name: 'LINE', mark: 'L', adminFields: ['channelId', 'channelSecret', 'accessToken'] },
  instagram: { name: 'Instagram', mark: 'I', adminFields: ['pageId', 'accessToken', 'appSecret', 'igUserId?'] },
  facebook: { name: 'Facebook Messenger', mark: 'f', adminFields: ['pageId', 'accessToken', 'appSecret'] },
  whatsapp: { name: 'WhatsApp', mark: 'W', adminFields: ['phoneNumberId', 'accessToken', 'appSecret', 'wabaId?'] },
  kakao: { name: 'KakaoTalk', mark: 'K', adminFields: ['botId', 'eventApiKey?', 'channelId?'] },
} as const satisfies Record<string, PlatformCatalogEntry>;

export interface PlatformCatalogEntry {
  /** Display name. */
  name: string;
  /** One-letter icon mark. */
  mark: string;
  /** Credential fields the admin enters when connecting an account (optional ones end with ?). */
  adminFields: readonly string[];
}

export type Platform = keyof typeof PLATFORM_CATALOG;
export const PLATFORMS = Object.keys(PLATFORM_CATALOG) as [Platform, ...Platform[]];
