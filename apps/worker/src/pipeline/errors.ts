import { AppError, type ErrorKind } from '@hub/contracts';

/** A use-case's own classified failure: its kind decides whether the job is tried again (see `retryDecision`). */
export class PipelineError extends AppError {
  constructor(kind: ErrorKind, code: string, message: string, cause?: unknown) {
    super({ kind, code, message, ...(cause === undefined ? {} : { cause }) });
    this.name = 'PipelineError';
  }
}

/** The part of a zod schema `parseJob` uses (the queue's payload schemas). */
interface JobSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A job's payload that does not match its queue's schema: no retry makes it valid, so the job ends (dead letter). */
export function parseJob<T>(schema: JobSchema<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`).join('; ');
  throw new PipelineError('invalid', 'invalid_job_payload', `job payload does not match its schema: ${issues.slice(0, 500)}`, r.error);
}
