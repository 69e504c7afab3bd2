import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { FaultQueue } from './ai-fault-queue';

/**
 * A local stand-in for the OpenAI API: `POST /v1/chat/completions` (tools / function calling) and
 * `POST /v1/embeddings` (floats, or base64 little-endian float32 when `encoding_format: "base64"`, which the
 * official SDK requests by default). Point the SDK at `baseURL` (it includes /v1, as OPENAI_BASE_URL does).
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

export interface ScriptedOpenAiReply {
  text?: string | null;
  /**
   * Structured output: sent as the message content, JSON-encoded, as the API does for
   * `response_format: { type: 'json_schema' }`. Requests without a json_schema response_format get a 400.
   */
  json?: unknown;
  /** A refusal instead of content (structured outputs' `message.refusal`). */
  refusal?: string;
  toolCalls?: { name: string; arguments: Record<string, unknown> | string }[];
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as RecordedRequest.body
export type OpenAiHandler = (body: any, req: RecordedRequest) => ScriptedOpenAiReply | Promise<ScriptedOpenAiReply>;

export type OpenAiFault =
  | { kind: 'rate_limit'; retryAfterSeconds?: number }
  | { kind: 'server_error' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; type: string; code: string | null; message: string; headers?: Record<string, string> };

export interface FakeOpenAiOptions {
  /** Bearer keys accepted (default ['test-openai-key']). */
  apiKeys?: string[];
  /** Answer embeddings of this size whatever is asked (a compatible server with another model). */
  embeddingDimensions?: number;
}

export interface FakeOpenAi {
  /** Server root, e.g. http://127.0.0.1:PORT */
  url: string;
  /** For the SDK / OPENAI_BASE_URL: `${url}/v1`. */
  baseURL: string;
  apiKey: string;
  requests: RecordedRequest[];
  /** Queue a fault for the next `times` requests to any endpoint (default 1; Infinity for an outage). */
  inject(fault: OpenAiFault, times?: number): void;
  clearFaults(): void;
  enqueue(...replies: ScriptedOpenAiReply[]): void;
  setHandler(handler: OpenAiHandler): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;
const estimateTokens = (value: unknown) => Math.max(1, Math.ceil(JSON.stringify(value ?? '').length / 4));

function errorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/** A deterministic unit vector for a text: same text, same vector (sha256-seeded xorshift). */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const seed = createHash('sha256').update(text).digest();
  let x = seed.readUInt32LE(0) || 1;
  const v: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    v.push(((x >>> 0) / 0xffffffff) * 2 - 1);
  }
  const norm = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
  return v.map((a) => a / norm);
}

function toBase64Float32(v: number[]): string {
  const buf = Buffer.alloc(v.length * 4);
  v.forEach((a, i) => buf.writeFloatLE(a, i * 4));
  return buf.toString('base64');
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const apiKeys = options.apiKeys ?? ['test-openai-key'];
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue<OpenAiFault>();
  const queue: ScriptedOpenAiReply[] = [];
  let handler: OpenAiHandler = () => ({ text: 'Hello from the fake OpenAI API.' });
  /** Records, authenticates and applies faults; false when the response is already sent. */
  const gate = async (req: Request, res: Response): Promise<RecordedRequest | undefined> => {
    res.setHeader('x-request-id', id('req'));
    const recorded: RecordedRequest = { method: req.method, path: req.path, headers: req.headers, body: req.body, at: Date.now() };
    requests.push(recorded);
    const auth = req.header('authorization') ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!apiKeys.includes(key)) {
      const shown = key ? `${key.slice(0, 3)}***${key.slice(-4)}` : '';
      res
        .status(401)
        .json(
          errorBody(
            key
              ? `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`
              : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            'invalid_request_error',
            key ? 'invalid_api_key' : null,
          ),
        );
      return undefined;
    }
    const fault = faults.next();
    if (fault?.kind === 'delay') await faults.sleep(fault.ms);
    else if (fault?.kind === 'rate_limit') {
      res.setHeader('retry-after', String(fault.retryAfterSeconds ?? 1));
      res.status(429).json(errorBody('Rate limit reached for requests. Please try again in 1s.', 'requests', 'rate_limit_exceeded'));
      return undefined;
    } else if (fault?.kind === 'server_error') {
      res.status(500).json(errorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null));
      return undefined;
    } else if (fault?.kind === 'status') {
      for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, v);
      res.status(fault.status).json(errorBody(fault.message, fault.type, fault.code));
      return undefined;
    }
    if (res.destroyed || req.socket.destroyed) return undefined;
    return recorded;
  };

  const app = express();
  app.use(express.json({ limit: '20mb' }));

  app.post('/v1/chat/completions', async (req: Request, res: Response) => {
    const recorded = await gate(req, res);
    if (!recorded) return;
    const body = req.body ?? {};
    if (typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) {
      res.status(400).json(errorBody("Missing required parameter: 'model' or 'messages'.", 'invalid_request_error', 'missing_required_parameter'));
      return;
    }
    if (body.stream) {
      res.status(400).json(errorBody('stream is not supported by the fake', 'invalid_request_error', null, 'stream'));
      return;
    }
    const format = body.response_format;
    if (format?.type === 'json_schema' && (typeof format.json_schema?.name !== 'string' || typeof format.json_schema?.schema !== 'object')) {
      res
        .status(400)
        .json(
          errorBody(
            "Missing required parameter: 'response_format.json_schema.name' or 'schema'.",
            'invalid_request_error',
            'missing_required_parameter',
            'response_format',
          ),
        );
      return;
    }
    let scripted: ScriptedOpenAiReply;
    try {
      scripted = queue.shift() ?? (await handler(body, recorded));
    } catch (err) {
      res.status(500).json(errorBody(`fake handler failed: ${(err as Error).message}`, 'server_error', null));
      return;
    }
    if (scripted.json !== undefined && format?.type !== 'json_schema') {
      res.status(500).json(errorBody('fake scripted a structured reply for a request without response_format json_schema', 'server_error', null));
      return;
    }
    const toolCalls = (scripted.toolCalls ?? []).map((c) => ({
      id: `call_${randomBytes(12).toString('hex')}`,
      type: 'function',
      function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
    }));
    const message = {
      role: 'assistant',
      content: scripted.json !== undefined ? JSON.stringify(scripted.json) : (scripted.text ?? null),
      refusal: scripted.refusal ?? null,
      annotations: [],
      ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    };
    const usage = scripted.usage ?? { prompt_tokens: estimateTokens([body.messages, body.tools]), completion_tokens: estimateTokens(message) };
    res.json({
      id: id('chatcmpl'),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: scripted.model ?? body.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: scripted.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop') }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    });
  });

  app.post('/v1/embeddings', async (req: Request, res: Response) => {
    const recorded = await gate(req, res);
    if (!recorded) return;
    const body = req.body ?? {};
    const inputs: unknown[] = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input : [];
    if (typeof body.model !== 'string' || inputs.length === 0 || !inputs.every((i) => typeof i === 'string' && i.length > 0)) {
      res.status(400).json(errorBody("'input' must be a non-empty string or array of strings.", 'invalid_request_error', null, 'input'));
      return;
    }
    const dimensions = options.embeddingDimensions ?? (typeof body.dimensions === 'number' ? body.dimensions : 1536);
    const base64 = body.encoding_format === 'base64';
    res.json({
      object: 'list',
      data: (inputs as string[]).map((text, index) => {
        const v = fakeEmbedding(text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? toBase64Float32(v) : v };
      }),
      model: body.model,
      usage: { prompt_tokens: estimateTokens(inputs), total_tokens: estimateTokens(inputs) },
    });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody(`Invalid URL (${req.method} ${req.path})`, 'invalid_request_error', null));
  });

  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
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
