import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeClinic, startApi, type Client, type ClinicFixture, type Harness } from './harness';

// The conversation views carry the summary, its intents and where they came from; the list filters by
// intent; an AI reply's knowledge sources come with their titles.
let h: Harness;
let a: ClinicFixture;
let b: ClinicFixture;
let staff: Client;

beforeAll(async () => {
  h = await startApi();
  [a, b] = await Promise.all([makeClinic(h, 'summary-a'), makeClinic(h, 'summary-b')]);
  staff = await login(h, a.users.staff.email);
  const at = new Date('2026-12-05T01:00:00Z');
  await h.db.conversation.update({
    where: { id: a.conversationId },
    data: {
      summary: '이마 보톡스 가격 문의 후 토요일 예약을 원합니다.',
      detectedIntents: ['price', 'booking'],
      summarySource: 'anthropic',
      summaryModel: 'claude-x',
      summaryUpdatedAt: at,
      summaryMessageSeq: 7n,
    },
  });
  await h.db.conversation.update({ where: { id: b.conversationId }, data: { detectedIntents: ['price'] } });
  const procedure = await h.db.procedure.findUniqueOrThrow({ where: { id: a.procedureId } });
  await h.db.message.update({
    where: { id: a.aiMessageId },
    data: {
      aiMetadata: {
        model: 'local',
        knowledge_sources: [
          `procedure:${procedure.slug}`,
          `response_library:${a.responseLibraryId}`,
          'clinic_info:parking',
          `pricing:${procedure.slug}`,
          'faq:gone',
        ],
      },
    },
  });
});
afterAll(() => h.close());

describe('conversation summary, intents and knowledge source titles', () => {
  it('the list and the detail return the summary, its intents and its source', async () => {
    const list = await staff.get('/api/conversations');
    expect(list.status).toBe(200);
    const row = list.body.items.find((c: { id: string }) => c.id === a.conversationId);
    expect(row).toMatchObject({
      summary: '이마 보톡스 가격 문의 후 토요일 예약을 원합니다.',
      detectedIntents: ['price', 'booking'],
      summarySource: 'anthropic',
      summaryModel: 'claude-x',
      summaryMessageSeq: '7',
    });
    const one = await staff.get(`/api/conversations/${a.conversationId}`);
    expect(one.body.conversation).toMatchObject({
      detectedIntents: ['price', 'booking'],
      summarySource: 'anthropic',
      summaryUpdatedAt: '2026-12-05T01:00:00.000Z',
    });
  });

  it('filters the list by intent (any of a comma list), within the clinic only', async () => {
    const booking = await staff.get('/api/conversations?intent=booking');
    expect(booking.body.items.map((c: { id: string }) => c.id)).toEqual([a.conversationId]);
    expect((await staff.get('/api/conversations?intent=emergency,complaint')).body.items).toEqual([]);
    expect((await staff.get('/api/conversations?intent=aftercare,price')).body.items.map((c: { id: string }) => c.id)).toEqual([a.conversationId]);
    const bad = await staff.get('/api/conversations?intent=gossip');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('intent');
  });

  it("an AI reply's knowledge sources come with their titles", async () => {
    const procedure = await h.db.procedure.findUniqueOrThrow({ where: { id: a.procedureId } });
    const one = await staff.get(`/api/conversations/${a.conversationId}`);
    const ai = one.body.messages.find((m: { id: string }) => m.id === a.aiMessageId);
    expect(ai.knowledgeSources).toEqual([
      { label: `procedure:${procedure.slug}`, type: 'procedure', title: procedure.nameKo },
      { label: `response_library:${a.responseLibraryId}`, type: 'response_library', title: '주차?' },
      { label: 'clinic_info:parking', type: 'clinic_info', title: '주차' },
      { label: `pricing:${procedure.slug}`, type: 'pricing', title: `${procedure.nameKo} 가격` },
      { label: 'faq:gone', type: 'faq', title: null },
    ]);
    const page = await staff.get(`/api/conversations/${a.conversationId}/messages`);
    expect(page.body.items.find((m: { id: string }) => m.id === a.aiMessageId).knowledgeSources[1].title).toBe('주차?');
  });

  it("another clinic's library row gives no title", async () => {
    await h.db.message.update({ where: { id: a.aiMessageId }, data: { aiMetadata: { knowledge_sources: [`response_library:${b.responseLibraryId}`] } } });
    const one = await staff.get(`/api/conversations/${a.conversationId}`);
    const ai = one.body.messages.find((m: { id: string }) => m.id === a.aiMessageId);
    expect(ai.knowledgeSources).toEqual([{ label: `response_library:${b.responseLibraryId}`, type: 'response_library', title: null }]);
  });
});
