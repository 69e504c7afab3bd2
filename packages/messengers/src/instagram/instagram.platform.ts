import { verifyMetaHandshake } from '../meta/meta.signature';
import { URLSAFE, pick, digits, hex, metaToken } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { instagramOutboundHosts } from './instagram.hosts';
import { instagramInbound } from './instagram.inbound';
import { InstagramCredentialsSchema, type InstagramSecrets } from './instagram.schema';
import { signMeta } from '../meta/meta.sign';

export const instagramPlatform = {
  platform: 'instagram',
  inbound: instagramInbound,
  credentialsSchema: InstagramCredentialsSchema,
  hubSecrets: [{ field: 'verifyToken', pasteInto: 'Meta app dashboard → Instagram → Webhooks → Verify token' }],
  sendLimitPerSecond: 100, // Instagram messaging: 100 calls/s per account
  handshake: (query, secrets) => verifyMetaHandshake(query, secrets.verifyToken),
  outboundHosts: instagramOutboundHosts,
  demoCredentials: () => ({
    pageId: digits(15, '1'),
    igUserId: `17841${digits(12)}`,
    accessToken: metaToken(),
    appSecret: hex(16),
    verifyToken: pick(URLSAFE, 32),
  }),
  signatureHeader: 'X-Hub-Signature-256',
  signWebhook: (body, s) => signMeta(body, s.appSecret),
  outbound: lazy(async () => {
    const m = await import('./instagram.outbound');
    return outboundModule('instagram', m.InstagramOutboundCredentialsSchema, {
      createSender: m.createInstagramSender,
      testConnection: (c, cfg) => m.testInstagramConnection(c, cfg),
      fetchMedia: m.fetchInstagramMedia,
    });
  }),
} satisfies MessengerPlatform<InstagramSecrets>;
