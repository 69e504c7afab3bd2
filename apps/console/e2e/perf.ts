// First paint of the inbox with 5,000 conversations, production build, real API:
//   pnpm --filter @hub/console exec tsx e2e/perf.ts        (or: node --import tsx apps/console/e2e/perf.ts)
// Seeds the e2e database, then opens /inbox in fresh browser contexts (cold cache, signed in through a
// stored refresh token as after a reload) and prints first-contentful-paint, when the first rows were
// rendered, when all 5,000 were in the list, and frame times while scrolling the virtualized list.
import { randomUUID } from 'node:crypto';
import { startStack } from './support/stack';
import { launchChromium } from './support/browser';

const N = Number(process.env.PERF_CONVERSATIONS ?? 5000);
const RUNS = Number(process.env.PERF_RUNS ?? 5);
const TARGET_MS = 1500;

const COUNTRIES = [
  ['JP', 'ja', 'line'],
  ['TW', 'zh-TW', 'line'],
  ['US', 'en', 'whatsapp'],
  ['VN', 'vi', 'facebook'],
  ['CN', 'zh', 'kakao'],
  ['US', 'en', 'instagram'],
  ['VN', 'vi', 'telegram'],
] as const;
const PREVIEWS = [
  '이마 보톡스 가격이 얼마인가요?',
  '내일 오후 3시에 예약 가능할까요?',
  '시술 후 붓기는 얼마나 가나요?',
  '주차 가능한가요?',
  '리쥬란 힐러 2회 패키지 있나요?',
  '감사합니다! 다음 주에 뵐게요.',
];
const NAMES = [
  'Yuki Tanaka',
  'Mei Lin',
  'Emily Carter',
  'Nguyen Thi Lan',
  'Wang Fang',
  'Sakura Ito',
  'Tran Minh Anh',
  'Chen Yu-ting',
  'Olivia Brown',
  'Haruka Sato',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const stack = await startStack({ apiOnly: true });
const browser = await launchChromium();
try {
  const clinicId = stack.demo.demoClinicId;
  const accounts = await stack.db.messengerAccount.findMany({ where: { clinicId } });
  const accountOf = new Map(accounts.map((a) => [a.messengerType, a.id]));
  const started = Date.now();
  for (let from = 0; from < N; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - from) }, (_, k) => {
      const i = from + k;
      const [country, lang, platform] = COUNTRIES[i % COUNTRIES.length]!;
      const score = (i * 37) % 101;
      return { i, country, lang, platform, score, customerId: randomUUID(), conversationId: randomUUID() };
    });
    await stack.db.customer.createMany({
      data: batch.map((b) => ({
        id: b.customerId,
        clinicId,
        messengerType: b.platform,
        messengerUserId: `perf-${b.i}`,
        name: `${NAMES[b.i % NAMES.length]} ${b.i}`,
        countryCode: b.country,
        languageCode: b.lang,
      })),
    });
    await stack.db.conversation.createMany({
      data: batch.map((b) => ({
        id: b.conversationId,
        clinicId,
        customerId: b.customerId,
        messengerAccountId: accountOf.get(b.platform)!,
        status: b.i % 11 === 0 ? 'waiting' : 'active',
        aiMode: b.i % 5 !== 0,
        satisfactionScore: b.score,
        satisfactionLevel: b.score >= 70 ? 'green' : b.score >= 50 ? 'yellow' : b.score >= 30 ? 'orange' : 'red',
        lastMessageAt: new Date(Date.now() - b.i * 60_000),
        lastMessagePreview: PREVIEWS[b.i % PREVIEWS.length]!,
        unreadCount: b.i % 4 === 0 ? (b.i % 7) + 1 : 0,
      })),
    });
  }
  console.log(`seeded ${N} conversations in ${Date.now() - started} ms`);

  const results: { fcp: number; rows: number; all: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const res = await fetch(`${stack.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'staff1@daybeau.kr', password: 'demo-clinic-2026' }),
    });
    const { refreshToken } = (await res.json()) as { refreshToken: string };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
    await context.addInitScript((token: string) => {
      if (!sessionStorage.getItem('perf-once')) {
        sessionStorage.setItem('perf-once', '1');
        localStorage.setItem('hub.console.refreshToken', token);
      }
    }, refreshToken);
    const page = await context.newPage();
    await page.goto(`${stack.apiUrl}/inbox`);
    await page.locator('[data-testid="conversation-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByText(`${N} / ${N}`).waitFor({ timeout: 60_000 });
    const all = await page.evaluate(() => performance.now());
    const m = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      rows: performance.getEntriesByName('inbox-rows')[0]?.startTime ?? NaN,
    }));
    results.push({ ...m, all });
    if (run === RUNS - 1) {
      // Scroll the whole list, one step per frame, and record frame times.
      const frames = await page.evaluate(async () => {
        const el = document.querySelector('[data-testid="inbox-list"]') as HTMLElement;
        const deltas: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 240; i++) {
          el.scrollTop += el.scrollHeight / 240;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          deltas.push(now - last);
          last = now;
        }
        return deltas;
      });
      const sorted = [...frames].sort((a, b) => a - b);
      const rendered = await page.locator('[data-testid="conversation-row"]').count();
      console.log(
        `scroll through ${N}: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ${rendered} rows in the DOM`,
      );
    }
    await context.close();
  }
  for (const [i, r] of results.entries())
    console.log(
      `run ${i + 1}: first-contentful-paint ${r.fcp.toFixed(0)} ms, first inbox rows ${r.rows.toFixed(0)} ms, all ${N} listed ${r.all.toFixed(0)} ms`,
    );
  const fcp = median(results.map((r) => r.fcp));
  const rows = median(results.map((r) => r.rows));
  console.log(`\nmedian first-contentful-paint: ${fcp.toFixed(0)} ms (target < ${TARGET_MS} ms: ${fcp < TARGET_MS ? 'met' : 'MISSED'})`);
  console.log(`median first inbox rows painted: ${rows.toFixed(0)} ms (target < ${TARGET_MS} ms: ${rows < TARGET_MS ? 'met' : 'MISSED'})`);
} finally {
  await browser.close();
  await stack.stop();
}
