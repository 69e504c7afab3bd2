import { verifyMetaHandshake } from '../meta/meta.signature';
import { URLSAFE, pick, digits, hex, metaToken } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { whatsappOutboundHosts } from './whatsapp.hosts';
import { whatsappInbound } from './whatsapp.inbound';
import { WhatsappCredentialsSchema, type WhatsappSecrets } from './whatsapp.schema';
import { signMeta } from '../meta/meta.sign';

export const whatsappPlatform = {
  platform: 'whatsapp',
  inbound: whatsappInbound,
  credentialsSchema: WhatsappCredentialsSchema,
  hubSecrets: [{ field: 'verifyToken', pasteInto: 'Meta app dashboard → WhatsApp → Configuration → Verify token' }],
  sendLimitPerSecond: 80, // Cloud API: 80 messages/s per business phone number by default
  handshake: (query, secrets) => verifyMetaHandshake(query, secrets.verifyToken),
  outboundHosts: whatsappOutboundHosts,
  demoCredentials: () => ({
    phoneNumberId: digits(15, '1'),
    wabaId: digits(15, '1'),
    accessToken: metaToken(),
    appSecret: hex(16),
    verifyToken: pick(URLSAFE, 32),
  }),
  signatureHeader: 'X-Hub-Signature-256',
  signWebhook: (body, s) => signMeta(body, s.appSecret),
  outbound: lazy(async () => {
    const m = await import('./whatsapp.outbound');
    return outboundModule('whatsapp', m.WhatsAppOutboundCredentialsSchema, {
      createSender: m.createWhatsAppSender,
      testConnection: (c, cfg) => m.testWhatsAppConnection(c, cfg),
      fetchMedia: m.fetchWhatsAppMedia,
    });
  }),
} satisfies MessengerPlatform<WhatsappSecrets>;
