// The platform names, with no imports: the console bundles this file as is. The registry
// (`messengerPlatforms` in platforms.ts) must have exactly these keys: `satisfies` and
// platforms.pins.test.ts enforce it.
export const PLATFORMS = ['telegram', 'line', 'instagram', 'facebook', 'whatsapp', 'kakao'] as const;
export type Platform = (typeof PLATFORMS)[number];
