/**
 * One error base for every package and app (Documenso's `AppError`): a stable code for machines, a kind
 * that decides what happens next, a developer message (logs, dead letters) kept apart from the message a
 * customer or staff member may read, an HTTP status and, for a transient error, how long to wait.
 */

export const ERROR_KINDS = ['transient', 'auth', 'permanent', 'invalid', 'not_found', 'conflict'] as const;
/**
 * transient: try again later (rate limit, 5xx, timeout); auth: a credential is wrong, revoked or lacks a
 * right; permanent: the request will never succeed as it is; invalid: bad input; not_found; conflict: the
 * state forbids it now.
 */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The three kinds an outside service's failure (a messenger platform, an AI provider) falls into. */
export type OutsideErrorKind = Extract<ErrorKind, 'transient' | 'auth' | 'permanent'>;

const STATUS_BY_KIND: Record<ErrorKind, number> = { transient: 503, auth: 401, permanent: 500, invalid: 400, not_found: 404, conflict: 409 };

const USER_MESSAGE_BY_KIND: Record<ErrorKind, string> = {
  transient: 'temporarily unavailable, please try again',
  auth: 'not authorised',
  permanent: 'the request could not be completed',
  invalid: 'the request is invalid',
  not_found: 'not found',
  conflict: 'the request conflicts with the current state',
};

/** The kind an HTTP status stands for (a status an app chose, or an outside service answered). */
export function kindOfStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 423) return 'conflict';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  if (status >= 400) return 'invalid';
  return 'permanent';
}

export interface AppErrorOptions {
  kind: ErrorKind;
  /** Stable, snake_case: what clients and metrics match on. */
  code: string;
  /** For developers (logs, dead letters): may name internals; never sent to a customer. */
  message: string;
  /** What a person may read; by default a neutral sentence for the kind. */
  userMessage?: string;
  /** HTTP status; by default the kind's. */
  status?: number;
  /** A transient error's wait before the next try, in ms. */
  retryAfterMs?: number;
  /** Extra fields of the response body (safe to show; e.g. `issues`). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The JSON body of an error answer: `{ error: code, message: userMessage, ...details }`. */
export interface ErrorBody {
  error: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly userMessage: string;
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = options.kind;
    this.code = options.code;
    this.userMessage = options.userMessage ?? USER_MESSAGE_BY_KIND[options.kind];
    this.status = options.status ?? STATUS_BY_KIND[options.kind];
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }

  /** The message for developers (the same as `message`). */
  get developerMessage(): string {
    return this.message;
  }

  /** The body an HTTP answer carries: code, user message and details; never the developer message or stack. */
  toBody(): ErrorBody {
    return { error: this.code, message: this.userMessage, ...(this.details ?? {}) };
  }

  /** `JSON.stringify(err)` gives the safe body too, so an error that reaches a response by accident leaks nothing. */
  toJSON(): ErrorBody {
    return this.toBody();
  }
}

export function isAppError(err: unknown, kind?: ErrorKind): err is AppError {
  return err instanceof AppError && (kind === undefined || err.kind === kind);
}

/**
 * What a queue job does after a classified error: `retry` spends an attempt and tries again later (with
 * `retryAfterMs` when the error names it), `end` fails the job for good (dead letter). Infrastructure
 * failures (PostgreSQL, Redis unreachable) are not classified here: the worker puts those back without an
 * attempt before it asks (docs/adr/005).
 */
export type RetryDecision = { action: 'retry'; afterMs?: number } | { action: 'end' };

export function retryDecision(err: AppError): RetryDecision {
  if (err.kind !== 'transient') return { action: 'end' };
  return err.retryAfterMs === undefined ? { action: 'retry' } : { action: 'retry', afterMs: err.retryAfterMs };
}

/** A safe body for any thrown value: an AppError's own, or a generic 500 that names nothing inside. */
export function errorBodyOf(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: err.status, body: err.toBody() };
  return { status: 500, body: { error: 'internal', message: 'unexpected error' } };
}
