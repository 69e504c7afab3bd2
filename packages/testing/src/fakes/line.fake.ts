import { randomBytes, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { bearerToken, nextId, startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server';

export interface LineBotInfo {
  userId: string;
  basicId: string;
  displayName: string;
  chatMode: 'bot' | 'chat';
  markAsReadMode: 'auto' | 'manual';
}

interface SentMessage {
  id: string;
  quoteToken: string;
}

export interface LineFake extends FakeServer {
  /** Registers a channel access token; unknown tokens get LINE's 401 body. */
  addChannel(accessToken: string, info?: Partial<LineBotInfo>): LineBotInfo;
  /** Issues a single-use reply token for `userId` (LINE's are valid about a minute). */
  issueReplyToken(userId?: string, options?: { ttlMs?: number }): string;
  /** Content for `GET /v2/bot/message/{id}/content` (point LINE_DATA_API_BASE_URL here too). */
  addContent(messageId: string, bytes: Buffer, mimeType: string): void;
  /** Makes pushes answer 429 "You have reached your monthly limit." */
  setMonthlyLimitReached(reached: boolean): void;
}

const MAX_TEXT = 5000;
const MAX_MESSAGES = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LINE error JSON: `{"message":"…","details":[…]}`. */
export function lineErrorBody(status: number): unknown {
  const messages: Record<number, string> = {
    400: 'The request body has 1 error(s)',
    401: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
    403: 'Access to this API is not available for your account',
    404: 'Not found',
    409: 'The retry key is already accepted',
    429: 'Too many requests',
    500: 'Internal server error',
  };
  return { message: messages[status] ?? `Error ${status}` };
}

/** Fake LINE Messaging API (+ the data API's content endpoint) with reply-token and retry-key semantics. */
export async function startLineFake(options: FakeServerOptions = {}): Promise<LineFake> {
  const channels = new Map<string, LineBotInfo>();
  const replyTokens = new Map<string, { userId: string; expiresAt: number; used: boolean }>();
  // Retry keys are scoped per channel; the value replays the first accepted answer.
  const acceptedRetryKeys = new Map<string, { requestId: string; sentMessages: SentMessage[] }>();
  const contents = new Map<string, { bytes: Buffer; mimeType: string }>();
  let monthlyLimitReached = false;

  const fake = await startFakeServer('line', options, lineErrorBody, (app, ctx) => {
    const auth = (req: Request, res: Response): string | undefined => {
      const token = bearerToken(req);
      if (token && (channels.has(token) || ctx.options.acceptAnyToken)) return token;
      res.status(401).json(lineErrorBody(401));
      return undefined;
    };

    /** Validates `messages` like LINE does; answers 400 and returns undefined when invalid. */
    const validMessages = (req: Request, res: Response): { type: string; text?: string }[] | undefined => {
      const messages = (req.body as { messages?: unknown })?.messages;
      const details: { message: string; property: string }[] = [];
      if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_MESSAGES) {
        details.push({ message: `Size must be between 1 and ${MAX_MESSAGES}`, property: 'messages' });
      } else {
        messages.forEach((m: { type?: string; text?: unknown }, i) => {
          if (m?.type !== 'text') details.push({ message: 'Only text messages are supported by this fake', property: `messages[${i}].type` });
          else if (typeof m.text !== 'string' || m.text.length === 0) details.push({ message: 'May not be empty', property: `messages[${i}].text` });
          else if (m.text.length > MAX_TEXT) details.push({ message: `Length must be between 0 and ${MAX_TEXT}`, property: `messages[${i}].text` });
        });
      }
      if (details.length) {
        res.status(400).json({ message: `The request body has ${details.length} error(s)`, details });
        return undefined;
      }
      return messages as { type: string; text?: string }[];
    };

    const sendAll = (req: Request, via: string, to: string, messages: { text?: string }[], meta: Record<string, unknown>) =>
      messages.map((m): SentMessage => {
        const id = String(460_000_000_000_000_000n + BigInt(nextId()));
        ctx.deliver(req, { via, recipient: to, text: m.text ?? '', id, meta });
        return { id, quoteToken: randomBytes(12).toString('base64url') };
      });

    app.post('/v2/bot/message/reply', (req: Request, res: Response) => {
      const token = auth(req, res);
      if (!token) return;
      if (req.headers['x-line-retry-key']) {
        return res.status(400).json({ message: 'X-Line-Retry-Key is not supported for this API' });
      }
      const replyToken = String((req.body as { replyToken?: unknown })?.replyToken ?? '');
      if (!replyToken)
        return res.status(400).json({ message: 'The request body has 1 error(s)', details: [{ message: 'May not be empty', property: 'replyToken' }] });
      const messages = validMessages(req, res);
      if (!messages) return;
      const issued = replyTokens.get(replyToken);
      if (!issued || issued.used || issued.expiresAt < Date.now()) return res.status(400).json({ message: 'Invalid reply token' });
      issued.used = true;
      res.setHeader('x-line-request-id', randomUUID());
      return res.json({ sentMessages: sendAll(req, 'reply', issued.userId, messages, { replyToken, token }) });
    });

    app.post('/v2/bot/message/push', (req: Request, res: Response) => {
      const token = auth(req, res);
      if (!token) return;
      const retryKey = req.headers['x-line-retry-key'] as string | undefined;
      if (retryKey !== undefined && !UUID.test(retryKey)) {
        return res.status(400).json({ message: 'The value of the X-Line-Retry-Key header is invalid' });
      }
      const to = String((req.body as { to?: unknown })?.to ?? '');
      if (!to) return res.status(400).json({ message: 'The request body has 1 error(s)', details: [{ message: 'May not be empty', property: 'to' }] });
      const messages = validMessages(req, res);
      if (!messages) return;
      const scopedKey = retryKey ? `${token}\u0000${retryKey.toLowerCase()}` : undefined;
      const previous = scopedKey ? acceptedRetryKeys.get(scopedKey) : undefined;
      if (previous) {
        res.setHeader('x-line-accepted-request-id', previous.requestId);
        return res.status(409).json({ message: 'The retry key is already accepted', sentMessages: previous.sentMessages });
      }
      if (monthlyLimitReached) return res.status(429).json({ message: 'You have reached your monthly limit.' });
      const requestId = randomUUID();
      const sentMessages = sendAll(req, 'push', to, messages, { retryKey, token });
      if (scopedKey) acceptedRetryKeys.set(scopedKey, { requestId, sentMessages });
      res.setHeader('x-line-request-id', requestId);
      return res.json({ sentMessages });
    });

    app.get('/v2/bot/info', (req: Request, res: Response) => {
      const token = auth(req, res);
      if (!token) return;
      const info = channels.get(token) ?? { userId: 'Ufakebot', basicId: '@fake', displayName: 'Fake Clinic', chatMode: 'bot', markAsReadMode: 'manual' };
      return res.json(info);
    });

    app.get('/v2/bot/message/:messageId/content', (req: Request, res: Response) => {
      if (!auth(req, res)) return;
      const content = contents.get(String(req.params.messageId));
      if (!content) return res.status(404).json({ message: 'Not found' });
      return res.type(content.mimeType).send(content.bytes);
    });
  });

  const baseReset = fake.reset.bind(fake);
  return Object.assign(fake, {
    /** Also forgets accepted retry keys and reply tokens (channels and content stay). */
    reset() {
      baseReset();
      acceptedRetryKeys.clear();
      replyTokens.clear();
      monthlyLimitReached = false;
    },
    addChannel(accessToken: string, info: Partial<LineBotInfo> = {}) {
      const bot: LineBotInfo = {
        userId: `U${randomBytes(16).toString('hex')}`,
        basicId: `@${nextId()}clinic`,
        displayName: 'Clinic',
        chatMode: 'bot',
        markAsReadMode: 'manual',
        ...info,
      };
      channels.set(accessToken, bot);
      return bot;
    },
    issueReplyToken(userId = `U${randomBytes(16).toString('hex')}`, opts: { ttlMs?: number } = {}) {
      const token = randomBytes(16).toString('hex');
      replyTokens.set(token, { userId, expiresAt: Date.now() + (opts.ttlMs ?? 60_000), used: false });
      return token;
    },
    addContent(messageId: string, bytes: Buffer, mimeType: string) {
      contents.set(messageId, { bytes, mimeType });
    },
    setMonthlyLimitReached(reached: boolean) {
      monthlyLimitReached = reached;
    },
  });
}
