import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { FaultQueue } from './ai-fault-queue';

/**
 * A local stand-in for the Anthropic Messages API (`POST /v1/messages`), speaking the real wire format so the
 * official SDK can be pointed at it with `baseURL`. Tests script the content (a queue of replies or a handler)
 * and inject faults (429 with retry-after, 500, 529 overloaded, delays for timeouts).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // The request JSON as the client sent it: scripted handlers read it as the real API's request shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  at: number;
}

export interface ScriptedAnthropicReply {
  text?: string;
  toolUse?: { name: string; input: Record<string, unknown> }[];
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';
  model?: string;
  usage?: { input_tokens: number; output_tokens: number };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as RecordedRequest.body
export type AnthropicHandler = (body: any, req: RecordedRequest) => ScriptedAnthropicReply | Promise<ScriptedAnthropicReply>;

export type AnthropicFault =
  | { kind: 'rate_limit'; retryAfterSeconds?: number }
  | { kind: 'server_error' }
  | { kind: 'overloaded' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; errorType: string; message: string; headers?: Record<string, string> };

export interface FakeAnthropicOptions {
  /** Keys accepted in x-api-key or `Authorization: Bearer` (default ['test-anthropic-key']). */
  apiKeys?: string[];
}

export interface FakeAnthropic {
  /** Base URL for the SDK (`new Anthropic({ baseURL: url })`). */
  url: string;
  apiKey: string;
  /** Every request that reached the server, faulted or not. */
  requests: RecordedRequest[];
  /** Queue a fault for the next `times` requests (default 1; Infinity for an outage). */
  inject(fault: AnthropicFault, times?: number): void;
  clearFaults(): void;
  /** Queue canned replies, used in order before the handler. */
  enqueue(...replies: ScriptedAnthropicReply[]): void;
  /** Decide replies from the request (after the queue is empty). */
  setHandler(handler: AnthropicHandler): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
const estimateTokens = (value: unknown) => Math.max(1, Math.ceil(JSON.stringify(value ?? '').length / 4));

function errorBody(type: string, message: string, requestId: string) {
  return { type: 'error', error: { type, message }, request_id: requestId };
}

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const apiKeys = options.apiKeys ?? ['test-anthropic-key'];
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue<AnthropicFault>();
  const queue: ScriptedAnthropicReply[] = [];
  let handler: AnthropicHandler = () => ({ text: 'Hello from the fake Anthropic API.' });
  const app = express();
  app.use(express.json({ limit: '20mb' }));

  app.post('/v1/messages', async (req: Request, res: Response) => {
    const requestId = id('req');
    res.setHeader('request-id', requestId);
    const recorded: RecordedRequest = { method: req.method, path: req.path, headers: req.headers, body: req.body, at: Date.now() };
    requests.push(recorded);

    // The API documents x-api-key; @anthropic-ai/sdk 1.x sends the key as `Authorization: Bearer`. Accept both.
    const bearer = req.header('authorization')?.match(/^Bearer\s+(.+)$/)?.[1];
    const key = req.header('x-api-key') ?? bearer;
    if (!key) {
      res.status(401).json(errorBody('authentication_error', 'x-api-key header is required', requestId));
      return;
    }
    if (!apiKeys.includes(key)) {
      res.status(401).json(errorBody('authentication_error', 'invalid x-api-key', requestId));
      return;
    }
    if (!req.header('anthropic-version')) {
      res.status(400).json(errorBody('invalid_request_error', 'anthropic-version: header is required', requestId));
      return;
    }

    const fault = faults.next();
    if (fault?.kind === 'delay') await faults.sleep(fault.ms);
    else if (fault?.kind === 'rate_limit') {
      res.setHeader('retry-after', String(fault.retryAfterSeconds ?? 1));
      res.status(429).json(errorBody('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.', requestId));
      return;
    } else if (fault?.kind === 'server_error') {
      res.status(500).json(errorBody('api_error', 'Internal server error', requestId));
      return;
    } else if (fault?.kind === 'overloaded') {
      res.status(529).json(errorBody('overloaded_error', 'Overloaded', requestId));
      return;
    } else if (fault?.kind === 'status') {
      for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, v);
      res.status(fault.status).json(errorBody(fault.errorType, fault.message, requestId));
      return;
    }
    if (res.destroyed || req.socket.destroyed) return; // the client timed out during the delay

    const body = req.body ?? {};
    const problem =
      typeof body.model !== 'string'
        ? 'model: Field required'
        : typeof body.max_tokens !== 'number'
          ? 'max_tokens: Field required'
          : !Array.isArray(body.messages) || body.messages.length === 0
            ? 'messages: Field required'
            : body.stream
              ? 'stream: not supported by the fake'
              : // A forced tool must be one of the tools offered, as the API requires.
                body.tool_choice?.type === 'tool' && !(body.tools ?? []).some((t: { name?: string }) => t.name === body.tool_choice.name)
                ? `tool_choice: tool '${body.tool_choice.name}' not found in tools`
                : undefined;
    if (problem) {
      res.status(400).json(errorBody('invalid_request_error', problem, requestId));
      return;
    }

    let scripted: ScriptedAnthropicReply;
    try {
      scripted = queue.shift() ?? (await handler(body, recorded));
    } catch (err) {
      res.status(500).json(errorBody('api_error', `fake handler failed: ${(err as Error).message}`, requestId));
      return;
    }
    const content: unknown[] = [];
    if (scripted.text) content.push({ type: 'text', text: scripted.text, citations: null });
    for (const t of scripted.toolUse ?? []) content.push({ type: 'tool_use', id: id('toolu'), name: t.name, input: t.input, caller: { type: 'direct' } });
    res.json({
      id: id('msg'),
      type: 'message',
      role: 'assistant',
      model: scripted.model ?? body.model,
      content,
      stop_reason: scripted.stopReason ?? (scripted.toolUse?.length ? 'tool_use' : 'end_turn'),
      stop_sequence: null,
      usage: scripted.usage ?? {
        input_tokens: estimateTokens([body.system, body.messages, body.tools]),
        output_tokens: estimateTokens(content),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        service_tier: 'standard',
      },
    });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody('not_found_error', `Not found: ${req.method} ${req.path}`, id('req')));
  });

  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: apiKeys[0]!,
    requests,
    inject: (fault, times = 1) => faults.inject(fault, times),
    clearFaults: () => faults.clear(),
    enqueue: (...replies) => void queue.push(...replies),
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.cancelSleeps();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
