import { DelayedError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { AppError } from '@hub/contracts';
import { ProviderError } from '@hub/ai';
import { ClinicNotFoundError } from '@hub/knowledge';
import { SendError } from '@hub/messengers';
import { InboundJobSchema } from '@hub/queue';
import { PipelineError, parseJob } from './pipeline/errors';
import { failureAction, platformBackoff } from './processors';

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
};

describe('failureAction: an error kind → what happens to the job', () => {
  it('puts infrastructure failures back without an attempt, as before (ADR 005)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(failureAction(refused)).toEqual({ action: 'infrastructure' });
    expect(failureAction(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toEqual({ action: 'infrastructure' });
    // An infrastructure failure wrapped in a transient use-case error is still infrastructure.
    expect(failureAction(new PipelineError('transient', 'x', 'wrapped', refused))).toEqual({ action: 'infrastructure' });
  });

  it("never takes an outside service's network failure for ours", () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(failureAction(new SendError('transient', 'network', 'LINE push: socket hang up', undefined, { cause: reset }))).toEqual({ action: 'retry' });
    expect(failureAction(new ProviderError('transient', 'openai', 'timeout', 'timed out', { cause: reset }))).toEqual({ action: 'retry' });
  });

  it('ends a job on a classified error no retry changes, naming its code', () => {
    expect(failureAction(new SendError('permanent', 'blocked', 'the user blocked the bot'))).toEqual({
      action: 'end',
      reason: 'blocked: the user blocked the bot',
    });
    expect(failureAction(new SendError('auth', 'token_invalid', 'bad token'))).toMatchObject({ action: 'end' });
    expect(failureAction(new ProviderError('auth', 'anthropic', 'invalid_api_key', 'revoked', { status: 401 }))).toMatchObject({ action: 'end' });
    expect(failureAction(new ClinicNotFoundError('c1'))).toEqual({ action: 'end', reason: 'clinic_not_found: clinic c1 not found' });
    const invalid = thrown(() => parseJob(InboundJobSchema, { clinicId: 'not-a-uuid' }));
    expect(invalid).toBeInstanceOf(PipelineError);
    expect(failureAction(invalid)).toMatchObject({ action: 'end', reason: expect.stringContaining('invalid_job_payload') as unknown });
  });

  it('retries transient and unclassified errors, and passes BullMQ delays through', () => {
    expect(failureAction(new SendError('transient', 'rate_limited', 'slow down', 3000))).toEqual({ action: 'retry' });
    expect(failureAction(new PipelineError('transient', 'message_not_found', 'vanished'))).toEqual({ action: 'retry' });
    expect(failureAction(new TypeError('x is undefined'))).toEqual({ action: 'retry' });
    expect(failureAction(new DelayedError())).toEqual({ action: 'retry' });
  });
});

describe('platformBackoff', () => {
  it('waits what a transient error names, else backs off exponentially up to a minute', () => {
    expect(platformBackoff(1, undefined, new SendError('transient', 'rate_limited', 'm', 4000))).toBe(4000);
    expect(platformBackoff(1, undefined, new AppError({ kind: 'transient', code: 'x', message: 'm', retryAfterMs: 10 }))).toBe(100);
    expect(platformBackoff(1, undefined, new Error('m'))).toBe(1000);
    expect(platformBackoff(3, undefined, undefined)).toBe(4000);
    expect(platformBackoff(20, undefined, undefined)).toBe(60_000);
  });
});
