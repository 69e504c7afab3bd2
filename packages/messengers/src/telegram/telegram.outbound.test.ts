import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramFake, type TelegramFake } from '@hub/testing/fakes/telegram.fake';
import { SendError } from '../types';
import { configFor } from '../outbound-test-config';
import { createTelegramSender, fetchTelegramMedia, testTelegramConnection } from './telegram.outbound';

const TOKEN = '123456:AAHclinicBotToken_x-y';
const creds = { botToken: TOKEN, webhookSecret: 'secret_Token-1' };
let fake: TelegramFake;

beforeAll(async () => {
  fake = await startTelegramFake();
  fake.addBot(TOKEN, { username: 'clinic_bot' });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const msg = (text: string, to = '111') => ({ to, text, idempotencyKey: 'msg-1' });
const sendErr = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a SendError'),
    (e: unknown) => e as SendError,
  );

describe('Telegram sender (telegraf against the fake Bot API)', () => {
  it('sends to the chat with the bot token in the path and returns the message id', async () => {
    const sender = createTelegramSender(creds, configFor(fake.url));
    const result = await sender.send(msg('Hello from the clinic'));
    expect(result.externalIds).toHaveLength(1);
    const [d] = fake.delivered;
    expect(d).toMatchObject({ via: 'sendMessage', recipient: '111', text: 'Hello from the clinic', id: result.externalIds[0] });
    expect(d!.request.path).toBe(`/bot${TOKEN}/sendMessage`);
  });

  it('splits text longer than 4096 characters into ordered messages', async () => {
    const sender = createTelegramSender(creds, configFor(fake.url));
    const long = Array.from({ length: 1200 }, (_, i) => `line ${i}.`).join(' ');
    const result = await sender.send(msg(long));
    expect(result.externalIds.length).toBeGreaterThan(1);
    expect(fake.delivered.every((d) => d.text.length <= 4096)).toBe(true);
    expect(fake.delivered.map((d) => d.text).join(' ')).toBe(long);
  });

  it('maps 429 to transient with retry_after from the response', async () => {
    fake.inject({ status: 429, retryAfterSec: 35 });
    const err = await sendErr(createTelegramSender(creds, configFor(fake.url)).send(msg('hi')));
    expect(err).toBeInstanceOf(SendError);
    expect(err).toMatchObject({ kind: 'transient', code: 'rate_limited', retryAfterMs: 35_000 });
    expect(fake.delivered).toHaveLength(0);
  });

  it('maps an unknown token (401) to auth', async () => {
    const err = await sendErr(createTelegramSender({ botToken: '999:revoked' }, configFor(fake.url)).send(msg('hi')));
    expect(err).toMatchObject({ kind: 'auth', code: 'token_invalid' });
  });

  it('maps a user who blocked the bot to permanent "blocked"', async () => {
    fake.blockChat(222);
    const err = await sendErr(createTelegramSender(creds, configFor(fake.url)).send(msg('hi', '222')));
    expect(err).toMatchObject({ kind: 'permanent', code: 'blocked' });
  });

  it('maps "chat not found" to permanent', async () => {
    fake.forgetChat(333);
    const err = await sendErr(createTelegramSender(creds, configFor(fake.url)).send(msg('hi', '333')));
    expect(err).toMatchObject({ kind: 'permanent', code: 'chat_not_found' });
  });

  it('maps 5xx and unreachable servers to transient', async () => {
    fake.inject({ status: 502 });
    expect(await sendErr(createTelegramSender(creds, configFor(fake.url)).send(msg('hi')))).toMatchObject({ kind: 'transient' });
    const down = await sendErr(createTelegramSender(creds, configFor('http://127.0.0.1:9')).send(msg('hi')));
    expect(down).toMatchObject({ kind: 'transient', code: 'network' });
    expect(down.message).not.toContain('AAHclinicBotToken');
  });

  it('times out a slow call as transient', async () => {
    fake.inject({ delayMs: 800 });
    const err = await sendErr(createTelegramSender(creds, configFor(fake.url, { OUTBOUND_TIMEOUT_MS: 200 })).send(msg('hi')));
    expect(err).toMatchObject({ kind: 'transient', code: 'timeout' });
    // The platform may still deliver a timed-out call: why the worker records sends before retrying.
    await fake.waitForDelivery((d) => d.text === 'hi', 2000);
  });

  it('tests the connection with getMe and registers the webhook with the secret token', async () => {
    const result = await testTelegramConnection(creds, configFor(fake.url), { webhookUrl: 'https://hub.example/webhooks/telegram/acc-1' });
    expect(result).toMatchObject({ ok: true, details: { username: 'clinic_bot' } });
    expect(fake.webhooks.get(TOKEN)).toMatchObject({ url: 'https://hub.example/webhooks/telegram/acc-1', secret_token: 'secret_Token-1' });
    expect(await testTelegramConnection({ botToken: '1:bad' }, configFor(fake.url))).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('fetches media with getFile and the file download path', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    fake.addFile('AgACfile', bytes, { filePath: 'photos/file_7.jpg', mimeType: 'image/jpeg' });
    const media = await fetchTelegramMedia(creds, configFor(fake.url), 'AgACfile');
    expect(media.bytes.equals(bytes)).toBe(true);
    expect(media.mimeType).toBe('image/jpeg');
    expect(fake.received.some((r) => r.path === `/file/bot${TOKEN}/photos/file_7.jpg`)).toBe(true);
  });
});
