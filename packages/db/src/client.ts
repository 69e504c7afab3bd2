import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** pg pool size; the default suits one app process on a small machine. */
  max?: number;
}

/** The one way to build a Prisma client: Prisma 7 query compiler + the pg driver adapter. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

/** Throws if `where` holds an undefined value for a tenant key: an unscoped query must never run by accident. */
export function tenantWhere<T extends { clinicId: string | null | undefined }>(where: T): T {
  if (where.clinicId === undefined) throw new Error('tenant scope missing: clinicId is undefined');
  return where;
}
