import { describe, expect, it } from 'vitest';
import { isInfrastructureError } from './infra-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isInfrastructureError', () => {
  it('recognises an unreachable or restarting server, lost connections, serialization failures and deadlocks', () => {
    for (const e of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      withCode('40001', 'could not serialize access'),
      withCode('40P01', 'deadlock detected'),
      withCode('P1001', "Can't reach database server"),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection is closed.'),
      new Error('Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
      new Error('query failed', { cause: withCode('ECONNRESET') }),
      Object.assign(new Error('driver error'), { meta: { driverAdapterError: { cause: { originalCode: '57P01' } } } }),
    ]) {
      expect(isInfrastructureError(e), String(e)).toBe(true);
    }
  });

  it('leaves data-level and programming errors alone', () => {
    for (const e of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('22P02', 'invalid input syntax for type uuid'),
      withCode('P2002', 'Unique constraint failed'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('message abc neither inserted nor found'),
      null,
      'a string',
    ]) {
      expect(isInfrastructureError(e), String(e)).toBe(false);
    }
  });
});
