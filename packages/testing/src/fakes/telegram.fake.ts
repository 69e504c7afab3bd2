import type { Request, Response } from 'express';
import { nextId, startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server';

export interface TelegramBotInfo {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

export interface TelegramFake extends FakeServer {
  /** Registers a bot token (`<id>:<secret>`); unknown tokens get the Bot API's 401. */
  addBot(token: string, info?: Partial<TelegramBotInfo>): TelegramBotInfo;
  /** Makes sendMessage to this chat fail like a user who blocked the bot (403). */
  blockChat(chatId: string | number): void;
  /** Makes sendMessage to this chat fail with 400 "chat not found". */
  forgetChat(chatId: string | number): void;
  /** Serves a file for getFile + `/file/bot<token>/<file_path>`. */
  addFile(fileId: string, bytes: Buffer, options?: { filePath?: string; mimeType?: string }): { file_path: string };
  /** Webhook registrations seen through setWebhook, per token. */
  readonly webhooks: Map<string, { url: string; secret_token?: string; allowed_updates?: unknown }>;
}

const MAX_TEXT = 4096;

/** Bot API error JSON, e.g. `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}}`. */
export function telegramErrorBody(status: number, retryAfterSec?: number): unknown {
  const descriptions: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden: bot was blocked by the user',
    404: 'Not Found',
    429: `Too Many Requests: retry after ${retryAfterSec ?? 1}`,
    500: 'Internal Server Error',
    502: 'Bad Gateway',
  };
  return {
    ok: false,
    error_code: status,
    description: descriptions[status] ?? `Error ${status}`,
    ...(status === 429 ? { parameters: { retry_after: retryAfterSec ?? 1 } } : {}),
  };
}

/** Fake Telegram Bot API: `/bot<token>/<method>` and `/file/bot<token>/<path>` as telegraf calls them. */
export async function startTelegramFake(options: FakeServerOptions = {}): Promise<TelegramFake> {
  const bots = new Map<string, TelegramBotInfo>();
  const blocked = new Set<string>();
  const missing = new Set<string>();
  const files = new Map<string, { bytes: Buffer; filePath: string; mimeType: string }>();
  const webhooks = new Map<string, { url: string; secret_token?: string; allowed_updates?: unknown }>();

  const botFor = (token: string, acceptAny: boolean): TelegramBotInfo | undefined => {
    const known = bots.get(token);
    if (known) return known;
    if (!acceptAny) return undefined;
    const id = Number(token.split(':')[0]) || 1;
    return { id, is_bot: true, first_name: 'Fake Bot', username: `fake_${id}_bot` };
  };

  const fail = (res: Response, status: number, description: string) => res.status(status).json({ ok: false, error_code: status, description });

  const fake = await startFakeServer('telegram', options, telegramErrorBody, (app, ctx) => {
    app.get('/file/bot:token/*filePath', (req: Request, res: Response) => {
      const token = String(req.params.token);
      if (!botFor(token, ctx.options.acceptAnyToken)) return fail(res, 401, 'Unauthorized');
      const path = ([] as string[]).concat(req.params.filePath as string | string[]).join('/');
      const file = [...files.values()].find((f) => f.filePath === path);
      if (!file) return fail(res, 404, 'Not Found');
      res.type(file.mimeType).send(file.bytes);
    });

    app.all('/bot:token/:method', (req: Request, res: Response) => {
      const token = String(req.params.token);
      const method = String(req.params.method);
      const bot = botFor(token, ctx.options.acceptAnyToken);
      // The Bot API takes parameters from the query string, urlencoded or JSON bodies alike.
      const p = { ...(req.query as Record<string, unknown>), ...((req.body as Record<string, unknown>) ?? {}) };
      if (!bot) return fail(res, 401, 'Unauthorized');
      const ok = (result: unknown) => res.json({ ok: true, result });
      switch (method) {
        case 'getMe':
          return ok(bot);
        case 'sendMessage': {
          const chatId = p.chat_id === undefined ? '' : String(p.chat_id);
          const text = typeof p.text === 'string' ? p.text : '';
          if (!chatId) return fail(res, 400, 'Bad Request: chat_id is empty');
          if (!text.trim()) return fail(res, 400, 'Bad Request: message text is empty');
          if (text.length > MAX_TEXT) return fail(res, 400, 'Bad Request: message is too long');
          if (missing.has(chatId)) return fail(res, 400, 'Bad Request: chat not found');
          if (blocked.has(chatId)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
          const messageId = nextId();
          ctx.deliver(req, { via: 'sendMessage', recipient: chatId, text, id: String(messageId), meta: { token } });
          const numericChat = Number(chatId);
          return ok({
            message_id: messageId,
            from: bot,
            chat: { id: Number.isFinite(numericChat) ? numericChat : chatId, type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text,
          });
        }
        case 'setWebhook': {
          const url = typeof p.url === 'string' ? p.url : '';
          const secret = p.secret_token === undefined ? undefined : String(p.secret_token);
          if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
            return fail(res, 400, 'Bad Request: secret token contains unallowed characters');
          }
          if (url && !/^https?:\/\//.test(url)) return fail(res, 400, 'Bad Request: bad webhook: invalid webhook URL specified');
          webhooks.set(token, { url, secret_token: secret, allowed_updates: p.allowed_updates });
          return res.json({ ok: true, result: true, description: url ? 'Webhook was set' : 'Webhook was deleted' });
        }
        case 'deleteWebhook':
          webhooks.delete(token);
          return res.json({ ok: true, result: true, description: 'Webhook was deleted' });
        case 'getWebhookInfo': {
          const w = webhooks.get(token);
          return ok({ url: w?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
        }
        case 'getFile': {
          const fileId = String(p.file_id ?? '');
          const file = files.get(fileId);
          if (!file) return fail(res, 400, 'Bad Request: invalid file_id');
          return ok({ file_id: fileId, file_unique_id: `u${fileId}`, file_size: file.bytes.length, file_path: file.filePath });
        }
        default:
          return fail(res, 404, 'Not Found');
      }
    });
  });

  return Object.assign(fake, {
    webhooks,
    addBot(token: string, info: Partial<TelegramBotInfo> = {}) {
      const id = Number(token.split(':')[0]) || nextId();
      const bot: TelegramBotInfo = { id, is_bot: true, first_name: 'Clinic Bot', username: `clinic_${id}_bot`, ...info };
      bots.set(token, bot);
      return bot;
    },
    blockChat(chatId: string | number) {
      blocked.add(String(chatId));
    },
    forgetChat(chatId: string | number) {
      missing.add(String(chatId));
    },
    addFile(fileId: string, bytes: Buffer, opts: { filePath?: string; mimeType?: string } = {}) {
      const filePath = opts.filePath ?? `photos/file_${nextId()}.jpg`;
      files.set(fileId, { bytes, filePath, mimeType: opts.mimeType ?? 'image/jpeg' });
      return { file_path: filePath };
    },
  });
}
