export * from './client';
export * from './crypto';
export * from './vector';
export * from './audit';
export * from './messenger-accounts';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/models';
export * from './batch';
export * from './infra-errors';
