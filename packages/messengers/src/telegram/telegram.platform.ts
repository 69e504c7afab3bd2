import { URLSAFE, pick, digits } from '../demo-credentials';
import { lazy, outboundModule, type MessengerPlatform } from '../platform';
import { telegramOutboundHosts } from './telegram.hosts';
import { telegramInbound } from './telegram.inbound';
import { TelegramCredentialsSchema, type TelegramSecrets } from './telegram.schema';
import { signTelegram } from './telegram.sign';

export const telegramPlatform = {
  platform: 'telegram',
  inbound: telegramInbound,
  credentialsSchema: TelegramCredentialsSchema,
  hubSecrets: [{ field: 'webhookSecret', pasteInto: 'nothing: "test connection" registers it with setWebhook as the secret_token' }],
  sendLimitPerSecond: 30, // Bot API: ~30 messages/s per bot
  // Telegram message ids are unique per chat only: qualified with the chat, they are unique per bot.
  qualifyMessageId: (id, chat) => `${chat}:${id}`,
  outboundHosts: telegramOutboundHosts,
  demoCredentials: () => ({ botToken: `${digits(10, '5678')}:AA${pick(URLSAFE, 33)}`, webhookSecret: pick(URLSAFE, 48) }),
  signatureHeader: 'X-Telegram-Bot-Api-Secret-Token',
  signWebhook: (body, s) => signTelegram(body, s.webhookSecret),
  outbound: lazy(async () => {
    const m = await import('./telegram.outbound');
    return outboundModule('telegram', m.TelegramOutboundCredentialsSchema, {
      createSender: m.createTelegramSender,
      testConnection: (c, cfg, o) => m.testTelegramConnection(c, cfg, o),
      fetchMedia: m.fetchTelegramMedia,
    });
  }),
} satisfies MessengerPlatform<TelegramSecrets>;
