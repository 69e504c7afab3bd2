import { verifyMetaHandshake } from '../meta/meta.signature';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { instagramOutboundHosts } from './instagram.hosts';
import { instagramInbound } from './instagram.inbound';
import { InstagramCredentialsSchema, type InstagramSecrets } from './instagram.schema';

export const instagramPlatform = {
  platform: 'instagram',
  inbound: instagramInbound,
  credentialsSchema: InstagramCredentialsSchema,
  hubSecrets: [{ field: 'verifyToken', pasteInto: 'Meta app dashboard → Instagram → Webhooks → Verify token' }],
  sendLimitPerSecond: 100, // Instagram messaging: 100 calls/s per account
  handshake: (query, secrets) => verifyMetaHandshake(query, secrets.verifyToken),
  outboundHosts: instagramOutboundHosts,
  signatureHeader: 'X-Hub-Signature-256',
  outbound: lazy(async () => {
    const m = await import('./instagram.outbound');
    return outboundModule('instagram', m.InstagramOutboundCredentialsSchema, {
      createSender: m.createInstagramSender,
      testConnection: (c, cfg) => m.testInstagramConnection(c, cfg),
      fetchMedia: m.fetchInstagramMedia,
    });
  }),
} satisfies MessengerPlatform<InstagramSecrets>;
