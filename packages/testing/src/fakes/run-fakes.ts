/**
 * Starts every platform fake on fixed ports for hand runs and load tests, accepting any token:
 *   pnpm tsx packages/testing/src/fakes/run-fakes.ts
 * Ports: FAKE_TELEGRAM_PORT (4101), FAKE_LINE_PORT (4102), FAKE_META_PORT (4103), FAKE_KAKAO_PORT (4104);
 * FAKE_HOST (127.0.0.1); FAKES_STRICT_TOKENS=1 to answer 401 for every token (none are registered).
 * Each fake lists what it saw at GET /__fake/received and forgets it on DELETE /__fake/received.
 */
import { startKakaoFake } from './kakao.fake';
import { startLineFake } from './line.fake';
import { startMetaGraphFake } from './meta-graph.fake';
import { startTelegramFake } from './telegram.fake';

const host = process.env.FAKE_HOST ?? '127.0.0.1';
const acceptAnyToken = process.env.FAKES_STRICT_TOKENS !== '1';
const port = (name: string, def: number) => Number(process.env[name] ?? def);
// Long load runs: keep memory flat.
const maxRecorded = Number(process.env.FAKES_MAX_RECORDED ?? 10_000);

const telegram = await startTelegramFake({ host, port: port('FAKE_TELEGRAM_PORT', 4101), acceptAnyToken, maxRecorded });
const line = await startLineFake({ host, port: port('FAKE_LINE_PORT', 4102), acceptAnyToken, maxRecorded });
const meta = await startMetaGraphFake({ host, port: port('FAKE_META_PORT', 4103), acceptAnyToken, maxRecorded });
const kakao = await startKakaoFake({ host, port: port('FAKE_KAKAO_PORT', 4104), acceptAnyToken, maxRecorded });

process.stdout.write(
  [
    '# platform fakes are up; point the worker at them with:',
    `TELEGRAM_API_ROOT=${telegram.url}`,
    `LINE_API_BASE_URL=${line.url}`,
    `LINE_DATA_API_BASE_URL=${line.url}`,
    `META_GRAPH_API_BASE_URL=${meta.url}`,
    `KAKAO_BOT_API_BASE_URL=${kakao.url}`,
    `# Kakao one-time callback URLs: POST ${kakao.url}/callback/<id> (any id is accepted once in hand runs)`,
    '',
  ].join('\n'),
);

const shutdown = async () => {
  await Promise.all([telegram.close(), line.close(), meta.close(), kakao.close()]);
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
