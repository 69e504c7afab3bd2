import { describe, expect, it } from 'vitest';
import { AppError, ERROR_KINDS, errorBodyOf, isAppError, kindOfStatus, retryDecision, type ErrorKind } from './app-error';

describe('AppError', () => {
  it('keeps the developer message apart from the user message', () => {
    const err = new AppError({
      kind: 'not_found',
      code: 'conversation_missing',
      message: 'SELECT found no row for id 42 in clinic 7',
      userMessage: 'conversation not found',
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('SELECT found no row for id 42 in clinic 7');
    expect(err.developerMessage).toBe(err.message);
    expect(err.userMessage).toBe('conversation not found');
    expect(err.status).toBe(404);
    expect(err.name).toBe('AppError');
  });

  it('defaults status and user message by kind, and honours an explicit status', () => {
    const expected: Record<ErrorKind, number> = { transient: 503, auth: 401, permanent: 500, invalid: 400, not_found: 404, conflict: 409 };
    for (const kind of ERROR_KINDS) {
      const err = new AppError({ kind, code: 'x', message: 'internal detail' });
      expect(err.status).toBe(expected[kind]);
      expect(err.userMessage).not.toContain('internal detail');
      expect(err.userMessage.length).toBeGreaterThan(0);
    }
    expect(new AppError({ kind: 'auth', code: 'forbidden', message: 'm', status: 403 }).status).toBe(403);
  });

  it('keeps its cause', () => {
    const cause = new Error('socket hang up');
    expect(new AppError({ kind: 'transient', code: 'network', message: 'm', cause }).cause).toBe(cause);
    expect('cause' in new AppError({ kind: 'transient', code: 'network', message: 'm' })).toBe(false);
  });
});

describe('the body of an error answer', () => {
  const err = new AppError({
    kind: 'invalid',
    code: 'validation_failed',
    message: 'zod: body.email Invalid input at /app/src/routes/x.ts:12',
    userMessage: 'body.email: expected an email',
    details: { issues: [{ path: 'body.email', message: 'expected an email' }] },
  });

  it('is { error: code, message: userMessage, ...details }', () => {
    expect(err.toBody()).toEqual({
      error: 'validation_failed',
      message: 'body.email: expected an email',
      issues: [{ path: 'body.email', message: 'expected an email' }],
    });
  });

  it('never carries the developer message or the stack, also through JSON.stringify', () => {
    const json = JSON.stringify(err);
    expect(JSON.parse(json)).toEqual(err.toBody());
    expect(json).not.toContain('zod:');
    expect(json).not.toContain('x.ts');
    expect(json).not.toContain('stack');
    expect(JSON.stringify({ nested: err })).not.toContain('zod:');
  });

  it('of a value that is no AppError is a generic 500 naming nothing inside', () => {
    const { status, body } = errorBodyOf(new Error('password=hunter2 at db.ts:1'));
    expect(status).toBe(500);
    expect(body).toEqual({ error: 'internal', message: 'unexpected error' });
    expect(errorBodyOf(err)).toEqual({ status: 400, body: err.toBody() });
  });
});

describe('kind → retry decision', () => {
  it('retries only transient errors, with their wait when they name one', () => {
    expect(retryDecision(new AppError({ kind: 'transient', code: 'rate_limited', message: 'm', retryAfterMs: 1500 }))).toEqual({
      action: 'retry',
      afterMs: 1500,
    });
    expect(retryDecision(new AppError({ kind: 'transient', code: 'timeout', message: 'm' }))).toEqual({ action: 'retry' });
    for (const kind of ERROR_KINDS.filter((k) => k !== 'transient')) {
      expect(retryDecision(new AppError({ kind, code: 'x', message: 'm', retryAfterMs: 10 }))).toEqual({ action: 'end' });
    }
  });

  it('isAppError tells AppErrors, and their kind, from other values', () => {
    const err = new AppError({ kind: 'conflict', code: 'busy', message: 'm' });
    expect(isAppError(err)).toBe(true);
    expect(isAppError(err, 'conflict')).toBe(true);
    expect(isAppError(err, 'transient')).toBe(false);
    expect(isAppError(new Error('m'))).toBe(false);
    expect(isAppError({ kind: 'conflict', code: 'busy' })).toBe(false);
  });

  it('maps HTTP statuses to kinds', () => {
    expect([400, 401, 403, 404, 409, 413, 422, 423, 429, 500, 503].map(kindOfStatus)).toEqual([
      'invalid',
      'auth',
      'auth',
      'not_found',
      'conflict',
      'invalid',
      'invalid',
      'conflict',
      'transient',
      'transient',
      'transient',
    ]);
  });
});
