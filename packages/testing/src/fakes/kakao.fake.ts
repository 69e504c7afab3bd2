import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server';

export interface KakaoFake extends FakeServer {
  /** A one-time callback URL like the one in `userRequest.callbackUrl` (valid `ttlMs`, default 1 minute). */
  issueCallbackUrl(options?: { ttlMs?: number }): string;
  /** Registers an Event API REST key, optionally bound to one bot id. */
  addEventApiKey(key: string, botId?: string): void;
}

/** `{ taskId, status, message, timestamp }`, the shape both the callback and the Event API answer. */
function task(status: 'SUCCESS' | 'FAIL' | 'ERROR', message = '') {
  return { taskId: randomUUID(), status, message, timestamp: Date.now() };
}

export function kakaoErrorBody(status: number): unknown {
  return task(status >= 500 ? 'ERROR' : 'FAIL', status === 429 ? 'too many requests' : `error ${status}`);
}

interface SkillOutput {
  simpleText?: { text?: unknown };
  simpleImage?: { imageUrl?: unknown };
}

/** Checks a skill response (version 2.0, 1-3 outputs, simpleText ≤ 1000 chars); returns an error message. */
function validateSkillResponse(body: unknown): string | undefined {
  const b = body as { version?: unknown; template?: { outputs?: unknown } } | undefined;
  if (b?.version !== '2.0') return 'version must be "2.0"';
  const outputs = b.template?.outputs;
  if (!Array.isArray(outputs) || outputs.length < 1 || outputs.length > 3) return 'template.outputs must hold 1 to 3 items';
  for (const [i, o] of (outputs as SkillOutput[]).entries()) {
    if (o.simpleText) {
      if (typeof o.simpleText.text !== 'string' || !o.simpleText.text) return `outputs[${i}].simpleText.text is required`;
      if (o.simpleText.text.length > 1000) return `outputs[${i}].simpleText.text exceeds 1000 characters`;
    } else if (!o.simpleImage) return `outputs[${i}] has no supported component`;
  }
  return undefined;
}

/** Fake Kakao: the one-time skill callback receiver and the Event API (`/v2/bots/{botId}/talk`). */
export async function startKakaoFake(options: FakeServerOptions = {}): Promise<KakaoFake> {
  const callbacks = new Map<string, { expiresAt: number; used: boolean }>();
  const keys = new Map<string, string | undefined>();

  const fake = await startFakeServer('kakao', options, kakaoErrorBody, (app, ctx) => {
    app.post('/callback/:id', (req: Request, res: Response) => {
      let cb = callbacks.get(String(req.params.id));
      // Hand runs: a load tool may mint its own callback ids; each is still usable once.
      if (!cb && ctx.options.acceptAnyToken) callbacks.set(String(req.params.id), (cb = { expiresAt: Date.now() + 60_000, used: false }));
      if (!cb) return res.status(404).json(task('FAIL', 'unknown callback url'));
      if (cb.used) return res.status(400).json(task('FAIL', 'callback url already used'));
      if (cb.expiresAt < Date.now()) return res.status(400).json(task('FAIL', 'callback url expired'));
      const problem = validateSkillResponse(req.body);
      if (problem) return res.status(400).json(task('FAIL', problem));
      cb.used = true;
      const answer = task('SUCCESS');
      const texts = (req.body as { template: { outputs: SkillOutput[] } }).template.outputs
        .map((o) => (typeof o.simpleText?.text === 'string' ? o.simpleText.text : ''))
        .filter(Boolean);
      ctx.deliver(req, { via: 'callback', recipient: String(req.params.id), text: texts.join('\n'), id: answer.taskId, meta: { outputs: texts.length } });
      return res.json(answer);
    });

    app.post('/v2/bots/:botId/talk', (req: Request, res: Response) => {
      const auth = req.headers.authorization ?? '';
      const key = auth.startsWith('KakaoAK ') ? auth.slice(8).trim() : '';
      const botId = String(req.params.botId);
      const known = keys.has(key) && (keys.get(key) === undefined || keys.get(key) === botId);
      if (!key || (!known && !ctx.options.acceptAnyToken)) return res.status(401).json(task('FAIL', 'unauthorized: invalid KakaoAK key'));
      const body = req.body as { event?: { name?: unknown; data?: { text?: unknown } }; user?: { type?: unknown; id?: unknown }[] };
      if (typeof body?.event?.name !== 'string' || !body.event.name) return res.status(400).json(task('FAIL', 'event.name is required'));
      if (!Array.isArray(body.user) || body.user.length < 1 || body.user.length > 100)
        return res.status(400).json(task('FAIL', 'user must hold 1 to 100 items'));
      const answer = task('SUCCESS');
      for (const u of body.user) {
        ctx.deliver(req, {
          via: 'event',
          recipient: String(u.id),
          text: typeof body.event.data?.text === 'string' ? body.event.data.text : '',
          id: answer.taskId,
          meta: { botId, event: body.event.name, userType: u.type },
        });
      }
      return res.json(answer);
    });
  });

  return Object.assign(fake, {
    issueCallbackUrl(opts: { ttlMs?: number } = {}) {
      const id = randomUUID();
      callbacks.set(id, { expiresAt: Date.now() + (opts.ttlMs ?? 60_000), used: false });
      return `${fake.url}/callback/${id}`;
    },
    addEventApiKey(key: string, botId?: string) {
      keys.set(key, botId);
    },
  });
}
