import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/** One error base: a stable code for machines, a message for people, optional details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
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
    super(400, 'validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '));
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

/** Last middleware: HttpError → its status; body-parser errors → 400/413; anything else → 500 without internals. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof ValidationError) {
      res.status(400).json({ error: err.code, message: err.message, issues: err.issues });
      return;
    }
    if (err instanceof HttpError) {
      if (err.status === 429 && typeof err.details?.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(err.details.retryAfterSeconds));
      res.status(err.status).json({ error: err.code, message: err.message, ...(err.details ?? {}) });
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
    logger.error({ err: e?.message, stack: (err as Error)?.stack, path: req.path, method: req.method }, 'api failure');
    res.status(500).json({ error: 'internal', message: 'unexpected error' });
  };
}
