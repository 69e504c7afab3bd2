import { verifyMetaHandshake } from '../meta/meta.signature';
import { URLSAFE, pick, digits, hex, metaToken } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { facebookOutboundHosts } from './facebook.hosts';
import { facebookInbound } from './facebook.inbound';
import { FacebookCredentialsSchema, type FacebookSecrets } from './facebook.schema';
import { signMeta } from '../meta/meta.sign';

export const facebookPlatform = {
  platform: 'facebook',
  inbound: facebookInbound,
  credentialsSchema: FacebookCredentialsSchema,
  hubSecrets: [{ field: 'verifyToken', pasteInto: 'Meta app dashboard → Messenger → Webhooks → Verify token' }],
  sendLimitPerSecond: 200, // Send API: 300 calls/s per Page (200 * pages), conservative
  handshake: (query, secrets) => verifyMetaHandshake(query, secrets.verifyToken),
  outboundHosts: facebookOutboundHosts,
  demoCredentials: () => ({ pageId: digits(15, '1'), accessToken: metaToken(), appSecret: hex(16), verifyToken: pick(URLSAFE, 32) }),
  signatureHeader: 'X-Hub-Signature-256',
  signWebhook: (body, s) => signMeta(body, s.appSecret),
  outbound: lazy(async () => {
    const m = await import('./facebook.outbound');
    return outboundModule('facebook', m.MetaPageOutboundCredentialsSchema, {
      createSender: m.createFacebookSender,
      testConnection: (c, cfg) => m.testFacebookConnection(c, cfg),
      fetchMedia: m.fetchFacebookMedia,
    });
  }),
} satisfies MessengerPlatform<FacebookSecrets>;
