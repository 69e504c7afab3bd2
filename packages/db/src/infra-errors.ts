/**
 * Failures of the infrastructure rather than of the data: PostgreSQL or Redis unreachable, restarting or
 * out of connections, a serialization failure, a deadlock. They say nothing about the job that met them,
 * so they never count against its attempts and never end it (the worker pauses and retries).
 */

/** SQLSTATE classes and codes that are about the server, the connection or concurrency, not the data. */
const SQLSTATE_CLASSES = ['08', '53', '57', '58', 'XX']; // connection, resources, operator intervention (shutdown), system, internal
const SQLSTATE_CODES = new Set(['40001', '40P01', '55P03', '55006']); // serialization, deadlock, lock not available, object in use

/** Node's socket and DNS errors. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);

/** Prisma's codes for an unreachable server, a closed connection, a pool timeout and a write conflict or deadlock. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);

/** Messages of pg, Prisma's driver adapter, ioredis and BullMQ when the server is gone. */
const MESSAGES = [
  /connection terminated/i,
  /connection (is )?closed/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /client has encountered a connection error/i,
  /reached the max retries per request limit/i,
  /stream isn't writeable/i,
  /\bLOADING\b.*loading the dataset/i,
];

function codesOf(err: Record<string, unknown>): unknown[] {
  const meta = err.meta as Record<string, unknown> | undefined;
  const adapter = (meta?.driverAdapterError as Record<string, unknown> | undefined)?.cause as Record<string, unknown> | undefined;
  return [err.code, err.errno, err.originalCode, adapter?.originalCode, adapter?.code, adapter?.kind];
}

/** Errors of outside services (a messenger platform, an AI provider): retried on their own terms, never ours. */
const OUTSIDE_ERRORS = new Set(['SendError', 'ProviderError', 'OutboundRefusedError']);

export function isInfrastructureError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as Record<string, unknown>;
  if (typeof e.name === 'string' && OUTSIDE_ERRORS.has(e.name)) return false;
  for (const code of codesOf(e)) {
    if (typeof code !== 'string') continue;
    if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
    // The driver adapter's own kinds for a lost database.
    if (code === 'DatabaseNotReachable' || code === 'ConnectionClosed' || code === 'SocketTimeout' || code === 'TransactionWriteConflict') return true;
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (MESSAGES.some((re) => re.test(message))) return true;
  // AggregateError (several addresses refused), causes and Prisma's wrapped driver errors.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isInfrastructureError(inner, depth + 1))) return true;
  return isInfrastructureError(e.cause, depth + 1);
}
