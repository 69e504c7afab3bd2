import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMetaGraphFake, type MetaGraphFake } from '@hub/testing/fakes/meta-graph.fake';
import { SendError } from '../types';
import { configFor } from '../outbound-test-config';
import { createWhatsAppSender, fetchWhatsAppMedia, testWhatsAppConnection } from './whatsapp.outbound';

const HOUR = 3_600_000;
const creds = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAGwa', appSecret: 'a', verifyToken: 'v' };
const WA_ID = '16505551234';
let fake: MetaGraphFake;

beforeAll(async () => {
  fake = await startMetaGraphFake();
  fake.addWhatsAppNumber({ phoneNumberId: creds.phoneNumberId, accessToken: creds.accessToken, verifiedName: 'Seoul Skin Clinic' });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ago = (ms: number) => new Date(Date.now() - ms);
const sendErr = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a SendError'),
    (e: unknown) => e as SendError,
  );

describe('WhatsApp Cloud API sender', () => {
  it('sends text with messaging_product and a bearer token, returning messages[0].id', async () => {
    const sender = createWhatsAppSender(creds, configFor(fake.url));
    const result = await sender.send({ to: WA_ID, text: 'Your booking is at 10:00', idempotencyKey: 'w1', lastCustomerMessageAt: ago(HOUR) });
    const d = fake.delivered[0]!;
    expect(result.externalIds).toEqual([d.id]);
    expect(d.id).toMatch(/^wamid\./);
    expect(d).toMatchObject({ via: 'whatsapp', recipient: WA_ID, text: 'Your booking is at 10:00' });
    expect(d.request.path).toBe(`/v23.0/${creds.phoneNumberId}/messages`);
    expect(d.request.headers.authorization).toBe('Bearer EAAGwa');
    expect(d.request.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', type: 'text' });
  });

  it('requires a template outside 24 h without calling the API', async () => {
    const sender = createWhatsAppSender(creds, configFor(fake.url));
    const err = await sendErr(sender.send({ to: WA_ID, text: 'x', idempotencyKey: 'w2', lastCustomerMessageAt: ago(25 * HOUR), fromStaff: true }));
    expect(err).toMatchObject({ kind: 'permanent', code: 'template_required' });
    expect(fake.received).toHaveLength(0);
  });

  it('maps 131047 (re-engagement) from the API to template_required', async () => {
    fake.setLastCustomerMessage('821012345678', ago(30 * HOUR));
    const err = await sendErr(createWhatsAppSender(creds, configFor(fake.url)).send({ to: '821012345678', text: 'x', idempotencyKey: 'w3' }));
    expect(err).toMatchObject({ kind: 'permanent', code: 'template_required' });
  });

  it('maps throughput (130429) and pair rate (131056) limits to transient', async () => {
    const sender = createWhatsAppSender(creds, configFor(fake.url));
    for (const code of [130429, 131056, 80007]) {
      fake.inject({ status: 400, body: { error: { message: 'Rate limit hit', type: 'OAuthException', code, fbtrace_id: 'x' } } });
      expect(await sendErr(sender.send({ to: WA_ID, text: 'x', idempotencyKey: `w4-${code}` }))).toMatchObject({ kind: 'transient', code: 'rate_limited' });
    }
  });

  it('maps an invalid token (190) to auth', async () => {
    const err = await sendErr(
      createWhatsAppSender({ ...creds, accessToken: 'revoked' }, configFor(fake.url)).send({ to: WA_ID, text: 'x', idempotencyKey: 'w5' }),
    );
    expect(err).toMatchObject({ kind: 'auth', code: 'token_invalid' });
  });

  it('splits at 4096 characters', async () => {
    const result = await createWhatsAppSender(creds, configFor(fake.url)).send({
      to: WA_ID,
      text: 'Hello there. '.repeat(700),
      idempotencyKey: 'w6',
      lastCustomerMessageAt: ago(HOUR),
    });
    expect(result.externalIds).toHaveLength(3);
    expect(fake.delivered.every((d) => d.text.length <= 4096)).toBe(true);
  });

  it('tests the connection with GET /{phoneNumberId}', async () => {
    expect(await testWhatsAppConnection(creds, configFor(fake.url))).toMatchObject({ ok: true, details: { verifiedName: 'Seoul Skin Clinic' } });
    expect(await testWhatsAppConnection({ ...creds, accessToken: 'bad' }, configFor(fake.url))).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('fetches media: GET /{mediaId} → url → download with the bearer token', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 9, 9]);
    fake.addMedia('1037543291543636', bytes, 'image/jpeg');
    const media = await fetchWhatsAppMedia(creds, configFor(fake.url), '1037543291543636');
    expect(media).toEqual({ bytes, mimeType: 'image/jpeg' });
    const download = fake.received.find((r) => r.path.startsWith('/whatsapp_business/attachments'));
    expect(download?.headers.authorization).toBe('Bearer EAAGwa');
  });

  it('a retry that finds every part delivered sends nothing, even after the 24-hour window closed', async () => {
    const sender = createWhatsAppSender(creds, configFor(fake.url));
    const before = fake.received.length;
    const out = await sender.send({ to: WA_ID, text: 'done already', idempotencyKey: 'w-done', lastCustomerMessageAt: ago(72 * HOUR), partsDone: 1 });
    expect(out).toEqual({ externalIds: [], parts: 1 });
    expect(fake.received.length).toBe(before);
  });
});
