import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError } from '@hub/contracts';
import { HttpError, ValidationError, errorHandler, notFound } from './errors';
import { rateLimited } from './limits';

/** Runs the error middleware on one error; returns what it answered and what it logged. */
function answer(err: unknown) {
  const logged: object[] = [];
  const out: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    status(code: number) {
      out.status = code;
      return this;
    },
    json(body: unknown) {
      out.body = JSON.parse(JSON.stringify(body));
      return this;
    },
    setHeader(name: string, value: string) {
      out.headers[name] = value;
    },
    end() {},
  };
  errorHandler({ error: (obj) => logged.push(obj) })(err, { path: '/api/x', method: 'GET' } as Request, res as unknown as Response, () => undefined);
  return { ...out, logged };
}

describe('the API error middleware', () => {
  it('answers an HttpError with { error, message, ...details }', () => {
    expect(answer(notFound('conversation'))).toMatchObject({ status: 404, body: { error: 'not_found', message: 'conversation not found' }, logged: [] });
    const conflict = answer(new HttpError(409, 'email_taken', 'this email is in use', { field: 'email' }));
    expect(conflict.body).toEqual({ error: 'email_taken', message: 'this email is in use', field: 'email' });
  });

  it('answers a ValidationError with its issues', () => {
    const r = answer(new ValidationError([{ path: 'body.email', message: 'Invalid email' }]));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'validation_failed', message: 'body.email: Invalid email', issues: [{ path: 'body.email', message: 'Invalid email' }] });
  });

  it('sets Retry-After on a 429 and keeps retryAfterSeconds in the body', () => {
    const r = answer(rateLimited(2500, 'too many requests'));
    expect(r.status).toBe(429);
    expect(r.headers['Retry-After']).toBe('3');
    expect(r.body).toMatchObject({ error: 'rate_limited', retryAfterSeconds: 3 });
  });

  it("answers another package's AppError with its status and user message, never its developer message, and logs it whole", () => {
    const err = new AppError({
      kind: 'transient',
      code: 'provider_down',
      message: 'POST https://10.0.0.5/v1 refused',
      userMessage: 'the AI service is unavailable',
    });
    const r = answer(err);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error: 'provider_down', message: 'the AI service is unavailable' });
    expect(JSON.stringify(r.body)).not.toContain('10.0.0.5');
    expect(r.logged).toEqual([expect.objectContaining({ err })]);
  });

  it('answers anything else 500 without internals and logs the error object (its stack with it)', () => {
    const err = new Error('relation "x" does not exist');
    const r = answer(err);
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: 'internal', message: 'unexpected error' });
    expect(r.logged).toEqual([expect.objectContaining({ err, path: '/api/x' })]);
  });
});
