import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { PERMISSIONS, type Action, type Role } from '../auth/permissions';
import { ErrorBodySchema, HttpError, ValidationError, ValidationErrorBodySchema, unauthorized, zodIssues, type ValidationIssue } from './errors';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface AuthContext {
  userId: string;
  role: Role;
  /** The user's own clinic (null for a superadmin). */
  homeClinicId: string | null;
  name: string;
  email: string;
}

export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  /** The signed-in user; throws 401 on public routes. */
  auth: AuthContext;
  /** The clinic every query of a clinic-scoped route is limited to; throws on routes without one. */
  clinicId: string;
  ip: string | null;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteSpec<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> {
  method: Method;
  /** Express path; `:name` parameters, `*name` wildcards. */
  path: string;
  summary: string;
  tag: string;
  /** Permission needed (see permissions.ts), or 'public'. */
  action: Action | 'public';
  params?: P;
  query?: Q;
  body?: B;
  /** An example request body: documentation, and the body the route-table tests send. */
  example?: Infer<B> extends undefined ? never : z.input<NonNullable<B>>;
  /**
   * The JSON body of the success answer, as on the wire (see http/responses.ts); null when there is none
   * (204, or `produces`). Documents the route, types the console, and the test harness checks every 2xx body against it.
   */
  response: z.ZodType | null;
  status?: number;
  /** Also accept `?access_token=` (EventSource and <img src> cannot set headers). */
  queryToken?: boolean;
  /** Not JSON: the handler writes the response itself (SSE, files). */
  produces?: 'text/event-stream' | 'application/octet-stream';
  /** Extra middleware before validation (rate limits). */
  before?: RequestHandler[];
  handler(ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>>): Promise<unknown> | unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table erases each route's own types
export type RouteDef = RouteSpec<any, any, any>;

export function route<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteDef {
  return spec as RouteDef;
}

export interface Authenticator {
  /** Reads the bearer token (and `?access_token=` when allowed); null when absent or invalid. */
  authenticate(req: Request, allowQueryToken: boolean): Promise<AuthContext | null>;
  /** The clinic a request acts on: the user's own; a superadmin names one with X-Clinic-Id. */
  resolveClinic(auth: AuthContext, req: Request): Promise<string>;
}

export interface MountOptions {
  authenticator: Authenticator;
  /** Per-user limiter, run after authentication. */
  userLimiter?: RequestHandler;
}

interface Locals {
  auth?: AuthContext;
  clinicId?: string;
}

/** Registers every route with Express: authenticate → authorize → scope → limit → validate → handle. */
export function mountRoutes(app: { [m in Method]: (path: string, ...h: RequestHandler[]) => unknown }, routes: RouteDef[], opts: MountOptions): void {
  for (const r of routes) {
    const chain: RequestHandler[] = [];
    if (r.action !== 'public') {
      const action = r.action;
      chain.push(async (req: Request, res: Response, next: NextFunction) => {
        const auth = await opts.authenticator.authenticate(req, !!r.queryToken);
        if (!auth) throw unauthorized(req.headers.authorization || req.query.access_token ? 'access token is invalid or expired' : 'authentication required');
        if (!(PERMISSIONS[action].roles as readonly Role[]).includes(auth.role)) {
          throw new HttpError(403, 'forbidden', `the ${auth.role} role may not ${action}`);
        }
        const locals = res.locals as Locals;
        locals.auth = auth;
        if (PERMISSIONS[action].scope === 'clinic') locals.clinicId = await opts.authenticator.resolveClinic(auth, req);
        next();
      });
      if (opts.userLimiter) chain.push(opts.userLimiter);
    }
    chain.push(...(r.before ?? []));
    chain.push(async (req: Request, res: Response) => {
      const issues: ValidationIssue[] = [];
      const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
        if (!schema) return undefined;
        const out = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
        if (!out.success) {
          issues.push(...zodIssues(where, out.error));
          return undefined;
        }
        return out.data;
      };
      const params = parse(r.params, req.params, 'params');
      const query = parse(r.query, req.query, 'query');
      const body = parse(r.body, req.body, 'body');
      if (issues.length) throw new ValidationError(issues);
      const locals = res.locals as Locals;
      const ctx: RouteContext<unknown, unknown, unknown> = {
        req,
        res,
        params,
        query,
        body,
        get auth(): AuthContext {
          if (!locals.auth) throw unauthorized();
          return locals.auth;
        },
        get clinicId(): string {
          if (!locals.clinicId) throw new Error(`route ${r.method} ${r.path} has no clinic scope`);
          return locals.clinicId;
        },
        ip: req.ip ?? null,
      };
      const result = await r.handler(ctx as never);
      if (res.headersSent || r.produces) return;
      if (result === undefined) res.status(204).end();
      else res.status(r.status ?? 200).json(result);
    });
    app[r.method](r.path, ...chain);
  }
}

/** `/a/:id/*path` → `/a/{id}/{path}` */
export function toOpenApiPath(path: string): string {
  return path.replace(/[:*]([A-Za-z0-9_]+)/g, '{$1}');
}

export interface DocOnlyPath {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  contentType?: string;
}

export function buildOpenApi(routes: RouteDef[], extra: DocOnlyPath[] = []): unknown {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBodySchema } } });

  for (const r of routes) {
    // A JSON route without a response schema answers 204 (mountRoutes: the handler returned nothing).
    const responses: Record<string, unknown> = r.produces
      ? { [String(r.status ?? 200)]: { description: 'OK', content: { [r.produces]: { schema: z.string() } } } }
      : r.response
        ? { [String(r.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: r.response } } } }
        : { 204: { description: 'No content' } };
    if (r.params || r.query || r.body)
      responses['400'] = { description: 'Validation failed', content: { 'application/json': { schema: ValidationErrorBodySchema } } };
    if (r.action !== 'public') {
      responses['401'] = err('Not signed in');
      responses['403'] = err('Role not allowed');
      responses['429'] = err('Rate limited');
    }
    if (r.before?.length) responses['429'] = err('Rate limited (Retry-After names the seconds to wait)');
    if (r.params) responses['404'] = err('Not found (or belongs to another clinic)');
    registry.registerPath({
      method: r.method,
      path: toOpenApiPath(r.path),
      summary: r.summary,
      tags: [r.tag],
      ...(r.action !== 'public' ? { security: [{ [bearer.name]: [] }] } : {}),
      'x-action': r.action,
      'x-roles': r.action === 'public' ? [] : [...PERMISSIONS[r.action].roles],
      request: {
        ...(r.params ? { params: r.params } : {}),
        ...(r.query ? { query: r.query } : {}),
        ...(r.body ? { body: { required: true, content: { 'application/json': { schema: r.body, ...(r.example ? { example: r.example } : {}) } } } } : {}),
      },
      responses: responses as never,
    });
  }
  for (const e of extra) {
    registry.registerPath({
      method: e.method,
      path: toOpenApiPath(e.path),
      summary: e.summary,
      tags: [e.tag],
      responses: { 200: { description: 'OK', content: { [e.contentType ?? 'application/json']: { schema: z.string() } } } },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Clinic hub operations API',
      version: '1.0.0',
      description:
        'Staff, supervisors and clinic admins. Sign in with POST /api/auth/login and send `Authorization: Bearer <accessToken>`. ' +
        'Every clinic object is visible only to users of its clinic (404 otherwise). A superadmin acts on a clinic by sending `X-Clinic-Id`.',
    },
    servers: [{ url: '/' }],
  });
}
