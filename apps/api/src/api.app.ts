import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { rateLimit } from 'express-rate-limit';
import { Counter, Histogram } from 'prom-client';
import { jsonTooDeep, MAX_JSON_DEPTH, mountHealth } from '@hub/observability';
import type { ApiDeps } from './deps';
import { AccessTokens } from './auth/tokens';
import { AuthService, DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth/auth.service';
import { TokenAuthenticator } from './auth/authenticate';
import { SessionRevocations } from './auth/session-revocations';
import { buildOpenApi, mountRoutes, type DocOnlyPath, type RouteDef } from './http/route-table';
import { errorHandler, JSON_TOO_DEEP } from './http/errors';
import { loginLimits } from './http/limits';
import { LiveHub } from './live/live-hub';
import type { RouteServices } from './routes/context';
import { authRoutes } from './routes/auth.routes';
import { eventsRoutes } from './routes/events.routes';
import { clinicRoutes } from './routes/clinics.routes';
import { userRoutes } from './routes/users.routes';
import { messengerAccountRoutes } from './routes/messenger-accounts.routes';
import { knowledgeRoutes } from './routes/knowledge.routes';
import { conversationRoutes } from './routes/conversations.routes';
import { takeoverRoutes } from './routes/takeover.routes';
import { activityRoutes } from './routes/activity.routes';
import { deadLetterRoutes } from './routes/dead-letters.routes';
import { mediaRoutes } from './routes/media.routes';
import { alertRoutes } from './routes/alerts.routes';

export interface ApiApp {
  app: Express;
  /** Every API route, as registered with Express and documented in OpenAPI. */
  routes: RouteDef[];
  openapi: unknown;
  hub: LiveHub;
  close(): Promise<void>;
}

export const HEALTH_PATHS: DocOnlyPath[] = [
  { method: 'get', path: '/healthz', summary: 'Process alive', tag: 'ops' },
  { method: 'get', path: '/readyz', summary: 'PostgreSQL and Redis reachable', tag: 'ops' },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', tag: 'ops', contentType: 'text/plain' },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'ops' },
];

/** Every API route, in the order Express matches them. */
export function apiRoutes(services: RouteServices): RouteDef[] {
  return [
    ...authRoutes(services),
    ...clinicRoutes(services),
    ...userRoutes(services),
    ...messengerAccountRoutes(services),
    ...knowledgeRoutes(services),
    ...conversationRoutes(services),
    ...takeoverRoutes(services),
    ...activityRoutes(services),
    ...deadLetterRoutes(services),
    ...eventsRoutes(services),
    ...mediaRoutes(services),
    ...alertRoutes(services),
  ];
}

/** The OpenAPI document served at /api/openapi.json. */
export function apiDocument(routes: RouteDef[]): unknown {
  return buildOpenApi(routes, HEALTH_PATHS);
}

export function createApiApp(deps: ApiDeps, options: { authPolicy?: AuthPolicy } = {}): ApiApp {
  const { settings, logger, registry } = deps;
  const now = deps.now ?? (() => new Date());
  const tokens = new AccessTokens(settings.jwtSecret, settings.accessTokenTtlSeconds);
  const livePrefix = deps.livePrefix ?? 'hub';
  const revocations = new SessionRevocations(deps.redis, livePrefix, settings.accessTokenTtlSeconds);
  const authService = new AuthService(deps.db, tokens, revocations, options.authPolicy ?? DEFAULT_AUTH_POLICY, now);
  const authenticator = new TokenAuthenticator(deps.db, tokens, revocations);
  const hub = new LiveHub(deps.redis, livePrefix, logger);
  const tooMany = (_req: Request, res: Response) => {
    res.status(429).json({ error: 'rate_limited', message: 'too many requests; slow down and retry later' });
  };
  const loginLimiter = loginLimits(deps.redis, livePrefix, {
    perIpAndEmail: settings.loginLimitPer15Min,
    perIp: settings.loginIpLimitPer15Min,
    windowSeconds: 15 * 60,
  });
  const userLimiter = rateLimit({
    windowMs: 60_000,
    limit: settings.apiLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `u:${(res.locals as { auth?: { userId: string } }).auth?.userId ?? 'anonymous'}`,
    handler: tooMany,
  });

  const services: RouteServices = { deps, auth: authService, authenticator, revocations, hub, loginLimiter, now };
  const routes = apiRoutes(services);
  const openapi = apiDocument(routes);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxyHops);
  app.set('json replacer', (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  app.use(helmet({ crossOriginResourcePolicy: { policy: 'same-site' } }));
  // Only the console's origin(s) (comma-separated) get CORS headers; any other origin gets none.
  app.use(['/api', '/media'], cors({ origin: settings.consoleOrigin.split(',').map((o) => o.trim()), credentials: true, maxAge: 600 }));

  const requests = new Counter({
    name: 'hub_api_requests_total',
    help: 'API requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hub_api_request_duration_seconds',
    help: 'API latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      requests.inc({ method: req.method, route: routePath, status: String(res.statusCode) });
      latency.observe({ method: req.method, route: routePath }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  });

  mountHealth(app, deps.readiness, registry, { metricsToken: settings.metricsToken });
  app.use(
    '/api',
    express.json({
      limit: '256kb',
      // Refused on the raw bytes before parsing: deeper nesting than any request needs, and recursive code later could overflow the stack.
      verify: (_req, _res, buf) => {
        if (jsonTooDeep(buf)) throw Object.assign(new Error(`JSON nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: JSON_TOO_DEEP });
      },
    }),
  );
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  mountRoutes(app, routes, { authenticator, userLimiter });
  app.use(['/api', '/media'], (req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: `no route ${req.method} ${req.originalUrl.split('?')[0]}` });
  });
  mountConsole(app, settings.consoleDistDir);
  app.use(errorHandler(logger));

  return {
    app,
    routes,
    openapi,
    hub,
    close: () => hub.close(),
  };
}

/** The built staff console with SPA fallback, when apps/console/dist exists. */
function mountConsole(app: Express, dir: string): void {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index) || !statSync(root).isDirectory()) return;
  app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
