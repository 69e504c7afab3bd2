import { URLSAFE, pick, hex } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { kakaoHoldingResponse } from './kakao.acknowledge';
import { kakaoOutboundHosts } from './kakao.hosts';
import { kakaoInbound } from './kakao.inbound';
import { KakaoCredentialsSchema, type KakaoSecrets } from './kakao.schema';
import { signKakao } from './kakao.sign';

export const kakaoPlatform = {
  platform: 'kakao',
  inbound: kakaoInbound,
  credentialsSchema: KakaoCredentialsSchema,
  hubSecrets: [{ field: 'webhookSecret', pasteInto: 'Kakao i Open Builder → skill → headers: X-Hub-Kakao-Secret' }],
  sendLimitPerSecond: 100,
  // A skill request is answered within 5 s with a skill response, not a plain 200.
  acknowledge: (events) => kakaoHoldingResponse(events[0]),
  outboundHosts: kakaoOutboundHosts,
  demoCredentials: () => ({ botId: hex(12), webhookSecret: pick(URLSAFE, 40) }),
  signatureHeader: 'X-Hub-Kakao-Secret',
  signWebhook: (body, s) => signKakao(body, s.webhookSecret),
  outbound: lazy(async () => {
    const m = await import('./kakao.outbound');
    return outboundModule('kakao', m.KakaoOutboundCredentialsSchema, {
      createSender: m.createKakaoSender,
      testConnection: (c, cfg) => m.testKakaoConnection(c, cfg),
      fetchMedia: m.fetchKakaoMedia,
    });
  }),
} satisfies MessengerPlatform<KakaoSecrets>;
