import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from '../src/http/route-table';
import { checkResponse, routeFor } from './response-contract';

const routes = [
  route({
    method: 'get',
    path: '/api/things/mine',
    tag: 't',
    summary: 's',
    action: 'public',
    response: z.strictObject({ mine: z.boolean() }),
    handler: () => null,
  }),
  route({
    method: 'get',
    path: '/api/things/:id',
    tag: 't',
    summary: 's',
    action: 'public',
    response: z.strictObject({ id: z.string() }),
    handler: () => null,
  }),
  route({ method: 'delete', path: '/api/things/:id', tag: 't', summary: 's', action: 'public', response: null, handler: () => undefined }),
  route({
    method: 'get',
    path: '/files/*path',
    tag: 't',
    summary: 's',
    action: 'public',
    response: null,
    produces: 'application/octet-stream',
    handler: () => null,
  }),
];

describe('the harness response check', () => {
  it('finds the route Express would run (first match, method, wildcard, query string ignored)', () => {
    expect(routeFor(routes, 'GET', '/api/things/mine?x=1')?.path).toBe('/api/things/mine');
    expect(routeFor(routes, 'GET', '/api/things/abc')?.path).toBe('/api/things/:id');
    expect(routeFor(routes, 'DELETE', '/api/things/abc')?.response).toBeNull();
    expect(routeFor(routes, 'GET', '/files/a/b/c.jpg')?.path).toBe('/files/*path');
    expect(routeFor(routes, 'GET', '/api/things/abc/more')).toBeUndefined();
  });

  it('passes a body that matches and ignores errors, unknown routes and files', () => {
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 200, { id: 'abc' })).not.toThrow();
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 404, { error: 'not_found' })).not.toThrow();
    expect(() => checkResponse(routes, 'get', '/healthz', 200, { status: 'ok' })).not.toThrow();
    expect(() => checkResponse(routes, 'get', '/files/x.jpg', 200, 'bytes')).not.toThrow();
    expect(() => checkResponse(routes, 'delete', '/api/things/abc', 204, null)).not.toThrow();
  });

  it('fails on a missing, mistyped or undeclared field, and on a body where none is declared', () => {
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 200, {})).toThrow(/id: Invalid input/);
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 200, { id: 1 })).toThrow(/expected string/);
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 200, { id: 'a', secret: 'x' })).toThrow(/Unrecognized key.*secret/);
    expect(() => checkResponse(routes, 'delete', '/api/things/abc', 200, { id: 'a' })).toThrow(/declares no response body/);
    expect(() => checkResponse(routes, 'get', '/api/things/abc', 204, null)).toThrow(/declares a response body/);
  });
});
