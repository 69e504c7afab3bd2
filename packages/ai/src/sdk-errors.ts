import { ProviderError } from './provider';

/** The error classes both official SDKs (Stainless-generated) export. */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status?: number | undefined; headers?: Headers | undefined };
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && !Number.isNaN(Number(ms))) return Number(ms);
  const s = headers?.get('retry-after');
  if (!s) return undefined;
  const secs = Number(s);
  if (!Number.isNaN(secs)) return secs * 1000;
  const date = Date.parse(s);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Maps what an SDK threw (after its own retries) to transient / auth / permanent.
 * 408, 409, 429, 5xx (incl. Anthropic's 529 overloaded), timeouts and connection failures are transient;
 * 401/403 are auth; other 4xx are permanent; anything that is not an SDK error is a bug here: permanent.
 */
export function toProviderError(provider: string, err: unknown, sdk: SdkErrorClasses): ProviderError {
  if (err instanceof ProviderError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof sdk.APIConnectionTimeoutError) return new ProviderError('transient', provider, 'timeout', message, { cause: err });
  if (err instanceof sdk.APIUserAbortError) return new ProviderError('transient', provider, 'aborted', message, { cause: err });
  if (err instanceof sdk.APIConnectionError) return new ProviderError('transient', provider, 'connection_failed', message, { cause: err });
  if (err instanceof sdk.APIError && typeof err.status === 'number') {
    const status = err.status;
    const opts = { status, retryAfterMs: retryAfterMs(err.headers), cause: err };
    if (status === 401) return new ProviderError('auth', provider, 'invalid_api_key', message, opts);
    if (status === 403) return new ProviderError('auth', provider, 'permission_denied', message, opts);
    if (status === 429) return new ProviderError('transient', provider, 'rate_limited', message, opts);
    if (status === 529) return new ProviderError('transient', provider, 'overloaded', message, opts);
    if (status === 408 || status === 409 || status >= 500) return new ProviderError('transient', provider, 'server_error', message, opts);
    return new ProviderError('permanent', provider, 'request_rejected', message, opts);
  }
  return new ProviderError('permanent', provider, 'unexpected', message, { cause: err });
}
