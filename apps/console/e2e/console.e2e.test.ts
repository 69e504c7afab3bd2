// The staff console end to end: a LINE customer writes (a signed webhook into the real ingress), the
// worker stores it and the AI answers, staff see it arrive live, take over, reply in Korean and the
// Japanese translation reaches the fake LINE server; a supervisor overrides the score; a staff member
// of another clinic sees none of it.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signLine } from '@hub/messengers/inbound-signers';
import { ARTIFACTS, startStack, type Stack } from './support/stack';
import { eventually, launchChromium, login, newStaffPage } from './support/browser';

let stack: Stack;
let browser: Browser;
const customerId = `U${randomBytes(16).toString('hex')}`;
let conversationId = '';
let jaAnswer = '';
let koAnswer = '';
let koQuestion = '';

async function postLineMessage(text: string): Promise<Response> {
  const account = await stack.db.messengerAccount.findFirstOrThrow({ where: { clinicId: stack.demo.demoClinicId, messengerType: 'line' } });
  const creds = stack.keyring.decrypt(account.credentials, account.id) as { channelSecret: string };
  const body = JSON.stringify({
    destination: 'U00000000000000000000000000000000',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId: customerId },
        webhookEventId: randomUUID(),
        deliveryContext: { isRedelivery: false },
        replyToken: stack.line!.issueReplyToken(customerId),
        message: { id: String(Date.now()) + String(Math.floor(Math.random() * 1000)), type: 'text', quoteToken: randomBytes(8).toString('hex'), text },
      },
    ],
  });
  return fetch(`${stack.ingressUrl}/webhooks/line/${account.id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signLine(body, creds.channelSecret) },
    body,
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  const vat = await stack.db.responseLibrary.findFirstOrThrow({ where: { clinicId: stack.demo.demoClinicId, subcategory: 'vat' } });
  koAnswer = vat.answerKo;
  koQuestion = vat.questionKo;
  jaAnswer = (vat.translations as Record<string, { answer: string }>).ja!.answer;
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('staff console against the real hub', () => {
  it('shows a new LINE message live, takes over, replies in Korean (Japanese delivered), hands back', async () => {
    const t0 = Date.now();
    const step = (name: string) => console.log(`[e2e] ${name} +${Date.now() - t0} ms`);
    const { context, page } = await newStaffPage(browser);
    await login(page, stack.apiUrl, 'staff1@daybeau.kr');
    await page.getByRole('heading', { name: '상담함' }).waitFor();
    step('logged in');
    // Marks this document: if anything reloaded the page, the mark is gone.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // A Japanese customer asks about VAT and wants a person.
    const res = await postLineMessage('案内された料金は税込ですか？担当者と話したいです');
    expect(res.status).toBe(200);
    const conv = await eventually(
      () => stack.db.conversation.findFirst({ where: { clinicId: stack.demo.demoClinicId, customer: { messengerUserId: customerId } } }),
      'the conversation to be stored',
    );
    conversationId = conv.id;
    step('stored');

    const row = page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`);
    await row.waitFor();
    step('row live');
    // The handoff raises a visible alert without a reload.
    await page.getByTestId('alert-toast').filter({ hasText: '직원 연결' }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(row.textContent()).resolves.toMatch(/LINE|L/);
    await shot(page, 'inbox');
    step('alert seen');

    await row.click();
    const view = page.getByTestId('conversation-view');
    await view.waitFor();
    await view.getByText('案内された料金は税込ですか？担当者と話したいです').first().waitFor();
    // The summary queue's Korean summary and intent chips arrive live (local rules).
    await view.locator('[data-testid="intent-chips"] [data-intent="human_request"]').waitFor();
    await expect(view.getByTestId('conversation-summary').textContent()).resolves.toContain('일본어 고객 문의');
    await expect(view.getByTestId('summary-source').textContent()).resolves.toContain('규칙 기반 요약');
    step('summary shown');
    // The inbox filters by intent: this conversation stays under 'human_request', leaves under 'aftercare'.
    await page.getByTestId('intent-filter').selectOption('aftercare');
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('intent-filter').selectOption('human_request');
    await row.waitFor();
    await page.getByTestId('intent-filter').selectOption('');

    // Take over: the AI stops and the conversation is mine.
    await page.getByTestId('takeover').click();
    await page.locator('[data-testid="conversation-view"][data-ai-mode="false"]').waitFor();
    await expect(page.getByTestId('conversation-mode').textContent()).resolves.toContain('이지은');
    step('taken over');

    // A second staff member trying to take it gets the conflict, shown.
    const other = await newStaffPage(browser);
    await login(other.page, stack.apiUrl, 'staff2@daybeau.kr');
    await other.page.goto(`${stack.apiUrl}/inbox/${conversationId}`);
    await other.page.getByTestId('takeover').click();
    await other.page.getByTestId('conversation-notice').filter({ hasText: '이지은' }).waitFor();
    await other.context.close();
    step('conflict shown');

    // Reply with a canned answer in Korean; the preview shows the Japanese the customer will get.
    const canned = page.getByLabel('자주 쓰는 답변');
    const value = await canned
      .locator('option', { hasText: koQuestion.slice(0, 30) })
      .first()
      .getAttribute('value');
    await canned.selectOption(value!);
    await expect(page.getByTestId('composer-input').inputValue()).resolves.toBe(koAnswer);
    await page
      .getByTestId('translation-preview-text')
      .filter({ hasText: jaAnswer.slice(0, 20) })
      .waitFor();
    await page.getByTestId('composer-send').click();
    step('preview shown, sent');

    const delivered = await eventually(
      () => stack.line!.delivered.find((d) => d.recipient === customerId && d.text.includes(jaAnswer)),
      'the Japanese reply at the LINE fake',
    );
    expect(delivered.text).toContain(jaAnswer);
    step('delivered at LINE fake');
    await page.locator('[data-testid="message"][data-sender="staff"][data-delivery="sent"]').first().waitFor();
    await page.locator('[data-testid="message"][data-sender="staff"]').getByText(jaAnswer.slice(0, 20)).first().waitFor();
    await shot(page, 'conversation');
    step('sent state shown');
    // Tablet width: one pane at a time, the customer panel under the messages.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('link', { name: '← 목록으로' }).waitFor();
    await shot(page, 'conversation-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Hand back to the AI.
    await page.getByTestId('handback').click();
    await page.locator('[data-testid="conversation-view"][data-ai-mode="true"]').waitFor();
    const after = await stack.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.aiMode).toBe(true);
    expect(after.assignedTo).toBeNull();
    await context.close();
  });

  it('lets a supervisor override the score and see it on the board', async () => {
    const { context, page } = await newStaffPage(browser);
    await login(page, stack.apiUrl, 'supervisor@daybeau.kr');
    await eventually(() => stack.db.satisfactionScore.findFirst({ where: { conversationId } }), 'a computed satisfaction score');
    await page.goto(`${stack.apiUrl}/inbox/${conversationId}`);
    await page.getByTestId('satisfaction-chart').waitFor();
    const form = page.getByTestId('override-form');
    await form.getByLabel('새 점수 (0–100)').fill('35');
    await form.getByLabel('수정 사유').fill('고객이 직원 연결을 원했을 뿐, 불만은 아님 — 주의 관찰');
    await form.getByRole('button', { name: '점수 수정' }).click();
    await form.getByText('점수를 35점으로 수정했습니다').waitFor();
    const conv = await eventually(async () => {
      const c = await stack.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
      return c.satisfactionScore === 35 ? c : null;
    }, 'the override in the database');
    expect(conv.satisfactionLevel).toBe('orange');
    await page.getByTestId('signals').getByText('박서연').waitFor();

    await page.getByRole('link', { name: '만족도 보드' }).click();
    const orange = page.getByTestId('board-orange');
    await orange.locator(`a[href="/inbox/${conversationId}"]`).waitFor();
    await shot(page, 'supervisor-board');

    await page.getByRole('link', { name: '감사 기록' }).click();
    await page.getByTestId('audit-table').getByText('satisfaction.override').first().waitFor();
    await context.close();
  });

  it('shows a staff member of another clinic none of it', async () => {
    const { context, page } = await newStaffPage(browser);
    await login(page, stack.apiUrl, 'staff@cheongdam.kr');
    await page.getByRole('heading', { name: '상담함' }).waitFor();
    await page.getByText('조건에 맞는 상담이 없습니다').waitFor();
    expect(await page.locator(`[data-id="${conversationId}"]`).count()).toBe(0);
    await page.goto(`${stack.apiUrl}/inbox/${conversationId}`);
    await page.getByRole('alert').filter({ hasText: 'not found' }).first().waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('案内された料金');
    await context.close();
  });
});
