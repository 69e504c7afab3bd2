import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '@hub/contracts';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', stream) };
}

describe('createLogger', () => {
  it('serialises an error passed as err with its stack, cause and AppError fields', () => {
    const { lines, logger } = capture();
    const cause = new Error('socket hang up');
    const err = new AppError({ kind: 'transient', code: 'network', message: 'LINE push failed: socket hang up', userMessage: 'try again', cause });
    logger.warn({ err, jobId: 'j1' }, 'send failed');
    const logged = lines[0]!.err as Record<string, unknown>;
    expect(logged.message).toContain('LINE push failed: socket hang up');
    expect(String(logged.stack)).toContain('logger.test.ts');
    expect(logged).toMatchObject({ type: 'AppError', code: 'network', kind: 'transient', status: 503 });
    expect(logged.cause).toMatchObject({ type: 'Error', message: 'socket hang up' });
  });

  it('serialises an error passed as error too (not an empty object)', () => {
    const { lines, logger } = capture();
    logger.error({ error: new TypeError('x is undefined') }, 'failed');
    const logged = lines[0]!.error as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is undefined' });
    expect(String(logged.stack)).toContain('logger.test.ts');
  });
});
