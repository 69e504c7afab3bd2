import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { AppError, kindOfStatus } from '@hub/contracts';

/**
 * An API answer's error: an AppError whose message is written for the caller (it is the body's `message`),
 * with the body's extra fields in `details`. Body: `{ error: code, message, ...details }`.
 */
export class HttpError extends AppError {
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    const retryAfterSeconds = details?.retryAfterSeconds;
    super({
      kind: kindOfStatus(status),
      code,
      message,
      userMessage: message,
      status,
      ...(details ? { details } : {}),
      ...(typeof retryAfterSeconds === 'number' ? { retryAfterMs: retryAfterSeconds * 1000 } : {}),
    });
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'your role does not allow this action') => new HttpError(403, 'forbidden', message);
export const unauthorized = (message = 'authentication required') => new HttpError(401, 'unauthorized', message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new HttpError(409, code, message, details);
export const badRequest = (code: string, message: string, details?: Record<string, unknown>) => new HttpError(400, code, message, details);

export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends HttpError {
  constructor(readonly issues: ValidationIssue[]) {
    super(400, 'validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  }
}

export function zodIssues(location: string, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: [location, ...i.path.map(String)].join('.'), message: i.message }));
}

export const ErrorBodySchema = z.object({ error: z.string(), message: z.string() }).passthrough();
export const ValidationErrorBodySchema = z.object({
  error: z.literal('validation_failed'),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** body-parser error type of a JSON body refused before parsing for its nesting depth. */
export const JSON_TOO_DEEP = 'entity.json.too_deep';

interface Logger {
  error(obj: object, msg?: string): void;
}

/**
 * Last middleware: an AppError (HttpError and any other) → its status and safe body (`toBody`, never the
 * developer message); body-parser errors → 400/413; anything else → 500 without internals, logged whole.
 */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof AppError) {
      if (err.status === 429 && err.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.ceil(err.retryAfterMs / 1000)));
      // A classified error of another package (an outside service, a use-case) is logged: its developer message stays here.
      if (!(err instanceof HttpError)) logger.error({ err, path: req.path, method: req.method }, 'api request failed');
      res.status(err.status).json(err.toBody());
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large') {
      res.status(413).json({ error: 'body_too_large', message: 'request body is too large' });
      return;
    }
    if (e?.type === JSON_TOO_DEEP) {
      res.status(400).json({ error: 'json_too_deep', message: e.message ?? 'JSON nests too deep', issues: [{ path: 'body', message: 'nested too deep' }] });
      return;
    }
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'malformed_json', message: 'request body is not valid JSON', issues: [{ path: 'body', message: 'not valid JSON' }] });
      return;
    }
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: 'bad_request', message: e.message ?? 'bad request' });
      return;
    }
    logger.error({ err, path: req.path, method: req.method }, 'api failure');
    res.status(500).json({ error: 'internal', message: 'unexpected error' });
  };
}
