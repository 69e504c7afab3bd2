import { z } from 'zod';
import { audit, Prisma } from '@hub/db';
import type { KnowledgeJob } from '@hub/queue';
import type { Action } from '../auth/permissions';
import { route, type RouteContext, type RouteDef } from '../http/route-table';
import { conflict } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, defined, found, reindex } from './helpers';
import { listOf } from '../http/responses';

/* eslint-disable @typescript-eslint/no-explicit-any -- Prisma delegates differ per model; the specs below are typed by their zod schemas */
interface Delegate {
  findMany(args: any): Promise<any[]>;
  findFirst(args: any): Promise<any>;
  create(args: any): Promise<any>;
  update(args: any): Promise<any>;
  delete(args: any): Promise<any>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

type Row = Record<string, unknown> & { id: string };

export interface CrudSpec<C extends z.ZodObject, U extends z.ZodObject> {
  /** Singular, for messages and audit ('persona'). */
  name: string;
  path: string;
  tag: string;
  delegate: (s: RouteServices) => Delegate;
  /** 'clinic': rows carry clinic_id = the caller's clinic; 'global': platform rows without a clinic. */
  tenancy: 'clinic' | 'global';
  read: Action;
  manage: Action;
  create: C;
  update: U;
  createExample: z.input<C>;
  updateExample: z.input<U>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  /** Turns a validated body into Prisma data; may check references (404 when not the caller's). */
  toData?: (body: Record<string, unknown>, ctx: { clinicId: string | null; before?: Row }) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Extra list filter from the query string. */
  listQuery?: z.ZodObject;
  listWhere?: (query: Record<string, unknown>, clinicId: string | null) => Record<string, unknown>;
  /** Read visibility beyond own rows (medical terms: global defaults too). */
  readWhere?: (clinicId: string) => Record<string, unknown>;
  /** Soft delete column, if any; otherwise rows are deleted. */
  softDelete?: 'isActive';
  knowledge?: KnowledgeJob['sourceType'];
  view?: (row: Row) => unknown;
  /** The JSON of one row as answered (after `view`), http/responses.ts. */
  row: z.ZodType;
}

const isPrismaCode = (err: unknown, code: string) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === code;

/** List / create / get / update / delete for one table, scoped and audited, re-indexing knowledge on change. */
export function crudRoutes<C extends z.ZodObject, U extends z.ZodObject>(s: RouteServices, spec: CrudSpec<C, U>): RouteDef[] {
  const { db } = s.deps;
  const d = () => spec.delegate(s);
  const scopeOf = (ctx: RouteContext<unknown, unknown, unknown>): string | null => (spec.tenancy === 'clinic' ? ctx.clinicId : null);
  const own = (clinicId: string | null) => (spec.tenancy === 'clinic' ? { clinicId } : {});
  const view = spec.view ?? ((r: Row) => r);
  const load = async (clinicId: string | null, id: string, forRead: boolean): Promise<Row> => {
    const where = forRead && spec.readWhere && clinicId ? { AND: [{ id }, spec.readWhere(clinicId)] } : { id, ...own(clinicId) };
    return found((await d().findFirst({ where })) as Row | null, spec.name);
  };
  const afterChange = async (clinicId: string | null, row: Row) => {
    if (spec.knowledge) await reindex(s, { clinicId: (row.clinicId as string | null | undefined) ?? clinicId, sourceType: spec.knowledge, sourceId: row.id });
  };
  const write = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (isPrismaCode(err, 'P2002')) throw conflict('already_exists', `a ${spec.name} with these unique values already exists`);
      if (isPrismaCode(err, 'P2003')) throw conflict('in_use', `the ${spec.name} is referenced by other rows`);
      throw err;
    }
  };
  const auditChange = (ctx: RouteContext<unknown, unknown, unknown>, action: string, id: string, before?: unknown, after?: unknown) =>
    audit(db, {
      clinicId: scopeOf(ctx),
      actorUserId: ctx.auth.userId,
      action: `${spec.name.replace(/ /g, '_')}.${action}`,
      entityType: spec.name.replace(/ /g, '_'),
      entityId: id,
      before,
      after,
      ip: ctx.ip,
    });

  return [
    route({
      method: 'get',
      path: spec.path,
      tag: spec.tag,
      summary: `List ${spec.name} rows`,
      action: spec.read,
      ...(spec.listQuery ? { query: spec.listQuery } : {}),
      response: listOf(spec.row),
      handler: async (ctx) => {
        const clinicId = scopeOf(ctx);
        const base = spec.readWhere && clinicId ? spec.readWhere(clinicId) : own(clinicId);
        const extra = spec.listWhere ? spec.listWhere((ctx.query ?? {}) as Record<string, unknown>, clinicId) : {};
        const rows = (await d().findMany({ where: { AND: [base, extra] }, orderBy: spec.orderBy, take: 1000 })) as Row[];
        return { items: rows.map(view) };
      },
    }),
    route({
      method: 'post',
      path: spec.path,
      tag: spec.tag,
      summary: `Create a ${spec.name}${spec.knowledge ? ' (queues re-indexing)' : ''}`,
      action: spec.manage,
      status: 201,
      body: spec.create,
      example: spec.createExample as never,
      response: spec.row,
      handler: async (ctx) => {
        const clinicId = scopeOf(ctx);
        const body = ctx.body as Record<string, unknown>;
        const data = spec.toData ? await spec.toData(body, { clinicId }) : body;
        const row = (await write(() => d().create({ data: { ...data, ...own(clinicId) } }))) as Row;
        await auditChange(ctx, 'created', row.id, undefined, body);
        await afterChange(clinicId, row);
        return view(row);
      },
    }),
    route({
      method: 'get',
      path: `${spec.path}/:id`,
      tag: spec.tag,
      summary: `One ${spec.name}`,
      action: spec.read,
      params: IdParams,
      response: spec.row,
      handler: async (ctx) => view(await load(scopeOf(ctx), ctx.params.id, true)),
    }),
    route({
      method: 'patch',
      path: `${spec.path}/:id`,
      tag: spec.tag,
      summary: `Change a ${spec.name}${spec.knowledge ? ' (queues re-indexing)' : ''}`,
      action: spec.manage,
      params: IdParams,
      body: spec.update,
      example: spec.updateExample as never,
      response: spec.row,
      handler: async (ctx) => {
        const clinicId = scopeOf(ctx);
        const before = await load(clinicId, ctx.params.id, false);
        const body = defined(ctx.body as Record<string, unknown>);
        const data = spec.toData ? await spec.toData(body, { clinicId, before }) : body;
        const row = (await write(() => d().update({ where: { id: before.id }, data }))) as Row;
        const keys = Object.keys(body);
        await auditChange(ctx, 'updated', row.id, Object.fromEntries(keys.map((k) => [k, before[k]])), Object.fromEntries(keys.map((k) => [k, row[k]])));
        await afterChange(clinicId, row);
        return view(row);
      },
    }),
    route({
      method: 'delete',
      path: `${spec.path}/:id`,
      tag: spec.tag,
      summary: spec.softDelete ? `Deactivate a ${spec.name}` : `Delete a ${spec.name}`,
      action: spec.manage,
      params: IdParams,
      response: null,
      handler: async (ctx) => {
        const clinicId = scopeOf(ctx);
        const before = await load(clinicId, ctx.params.id, false);
        if (spec.softDelete) await d().update({ where: { id: before.id }, data: { [spec.softDelete]: false } });
        else await write(() => d().delete({ where: { id: before.id } }));
        await auditChange(ctx, spec.softDelete ? 'deactivated' : 'deleted', before.id, { id: before.id }, undefined);
        await afterChange(clinicId, before);
        return undefined;
      },
    }),
  ];
}
