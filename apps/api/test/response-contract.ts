import type { RouteDef } from '../src/http/route-table';

/** Express-style path → a matcher (`:name` one segment, `*name` the rest; case-insensitive, optional trailing slash, as Express). */
function matcher(path: string): RegExp {
  const src = path
    .split(/([:*][A-Za-z0-9_]+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.startsWith('*') ? '.+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${src}/?$`, 'i');
}

const compiled = new WeakMap<RouteDef, RegExp>();

/** The route Express would run for this request: the first registered one whose method and path match. */
export function routeFor(routes: RouteDef[], method: string, url: string): RouteDef | undefined {
  const pathname = url.split('?')[0]!;
  return routes.find((r) => {
    if (r.method !== method.toLowerCase()) return false;
    let re = compiled.get(r);
    if (!re) compiled.set(r, (re = matcher(r.path)));
    return re.test(pathname);
  });
}

/**
 * Every 2xx answer of a route must be what its `response` declares: the strict schemas in
 * http/responses.ts reject missing, mistyped and undeclared fields alike. Throws naming the route and the issues.
 */
export function checkResponse(routes: RouteDef[], method: string, url: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300) return;
  const r = routeFor(routes, method, url);
  if (!r || r.produces) return;
  const where = `${method.toUpperCase()} ${r.path} (${url}) → ${status}`;
  if (r.response === null) {
    if (status !== 204 || (body !== null && body !== '')) throw new Error(`${where}: the route declares no response body but answered ${JSON.stringify(body)}`);
    return;
  }
  if (status === 204) throw new Error(`${where}: the route declares a response body but answered 204`);
  const out = r.response.safeParse(body);
  if (!out.success) {
    const issues = out.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}${'keys' in i ? ` ${JSON.stringify(i.keys)}` : ''}`);
    throw new Error(`${where}: the body does not match the declared response schema:\n  ${issues.join('\n  ')}`);
  }
}
