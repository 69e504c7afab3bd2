import { MEDIA_CONTENT_TYPES, type PlatformOutboundHosts } from '../outbound-guard';

/**
 * Skill requests carry media as Kakao CDN URLs (talk.kakaocdn.net, dn-*.talk.kakao.com) and the AI
 * chatbot's one-time `callbackUrl` on bot-api.kakao.com.
 */
export const kakaoOutboundHosts: PlatformOutboundHosts = {
  media: () => ['*.kakaocdn.net', '*.kakao.com'],
  mediaContentTypes: MEDIA_CONTENT_TYPES,
  callbacks: () => ['bot-api.kakao.com'],
};
