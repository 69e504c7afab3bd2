import { digits, hex, base64 } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { lineOutboundHosts } from './line.hosts';
import { lineInbound } from './line.inbound';
import { LineCredentialsSchema, type LineSecrets } from './line.schema';
import { signLine } from './line.sign';

export const linePlatform = {
  platform: 'line',
  inbound: lineInbound,
  credentialsSchema: LineCredentialsSchema,
  // The channel secret is issued by LINE: the hub generates nothing.
  hubSecrets: [],
  sendLimitPerSecond: 1000, // Messaging API: 2,000 requests/s per channel for push/reply; keep headroom
  outboundHosts: lineOutboundHosts,
  demoCredentials: () => ({ channelId: digits(10, '12'), channelSecret: hex(16), accessToken: base64(129) }),
  signatureHeader: 'x-line-signature',
  signWebhook: (body, s) => signLine(body, s.channelSecret),
  outbound: lazy(async () => {
    const m = await import('./line.outbound');
    return outboundModule('line', m.LineOutboundCredentialsSchema, {
      createSender: m.createLineSender,
      testConnection: (c, cfg) => m.testLineConnection(c, cfg),
      fetchMedia: m.fetchLineMedia,
    });
  }),
} satisfies MessengerPlatform<LineSecrets>;
