import { apiDocument, apiRoutes } from '../api.app';
import type { ApiSettings } from '../deps';
import type { RouteServices } from '../routes/context';

/**
 * Stands in for a service the route table is built with but that no handler uses offline: any property is
 * another stand-in, any call returns one. Route builders only keep references to their services; the
 * document is read from the declarations, and no handler runs.
 */
function standIn(): never {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => 'offline' : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy as never;
}

/** Settings values do not reach the document; the routes only need their types right (media root, limits). */
const SETTINGS: ApiSettings = {
  jwtSecret: 'offline',
  accessTokenTtlSeconds: 900,
  consoleOrigin: 'http://localhost',
  publicBaseUrl: 'http://localhost',
  mediaDir: '/nonexistent',
  consoleDistDir: '/nonexistent',
  loginLimitPer15Min: 1,
  loginIpLimitPer15Min: 1,
  userCreateConflictLimitPerHour: 1,
  apiLimitPerMinute: 1,
  turnDebounceMs: 0,
  sseHeartbeatMs: 1,
  sessionRecheckMs: 1,
  trustProxyHops: 0,
  outbound: standIn(),
};

/** The API's OpenAPI document without a database, Redis or a listening server (pnpm gen:api-types). */
export function offlineOpenApiDocument(): unknown {
  const services: RouteServices = {
    deps: {
      db: standIn(),
      redis: standIn(),
      producers: standIn(),
      live: standIn(),
      keyring: standIn(),
      translator: standIn(),
      logger: standIn(),
      registry: standIn(),
      readiness: {},
      settings: SETTINGS,
    },
    auth: standIn(),
    authenticator: standIn(),
    revocations: standIn(),
    hub: standIn(),
    loginLimiter: standIn(),
    now: () => new Date(0),
  };
  return apiDocument(apiRoutes(services));
}
