import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApi, route, type RouteDef } from '../http/route-table';
import { generateApiTypes, SCHEMA_GEN_PATH } from './api-types';
import { offlineOpenApiDocument } from './offline-document';

describe('the console API types (apps/console/src/api/schema.gen.ts)', () => {
  it('are what the route table declares today (else: pnpm gen:api-types)', async () => {
    const committed = readFileSync(fileURLToPath(SCHEMA_GEN_PATH), 'utf8');
    const fresh = await generateApiTypes(offlineOpenApiDocument());
    // Not toEqual on 10 000 lines: the message names the fix.
    expect(fresh === committed, 'schema.gen.ts is stale: run pnpm gen:api-types and commit it').toBe(true);
  }, 60_000);

  it('change with a route declaration', async () => {
    const base = offlineOpenApiDocument() as { paths: Record<string, unknown> };
    const extra: RouteDef = route({
      method: 'get',
      path: '/api/probe',
      tag: 'probe',
      summary: 'probe',
      action: 'public',
      response: z.strictObject({ probeField: z.number() }),
      handler: () => ({ probeField: 1 }),
    });
    const doc = buildOpenApi([extra]) as { paths: Record<string, unknown> };
    const text = await generateApiTypes({ ...(base as object), paths: { ...base.paths, ...doc.paths } });
    expect(text).toMatch(/"\/api\/probe": \{[\s\S]*probeField: number;/);
  }, 60_000);
});
