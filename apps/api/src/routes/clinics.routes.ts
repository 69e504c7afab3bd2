import { z } from 'zod';
import { audit, Prisma } from '@hub/db';
import { route, type RouteDef } from '../http/route-table';
import { Clinic, CreatedClinic, listOf } from '../http/responses';
import { conflict } from '../http/errors';
import { hashPassword } from '../auth/password';
import type { RouteServices } from './context';
import { IdParams, Json, defined, found, reindex } from './helpers';
import { PasswordSchema } from './auth.routes';

const ClinicFields = {
  name: z.string().min(1).max(200),
  businessNumber: z.string().max(20).nullable().optional(),
  phone: z.string().max(20).nullable().optional(),
  email: z.string().email().max(200).nullable().optional(),
  address: z.string().max(1000).nullable().optional(),
  timezone: z.string().max(50).optional(),
  logoUrl: z.string().url().max(500).nullable().optional(),
  settings: Json.optional(),
};

const CreateClinicSchema = z.object({
  ...ClinicFields,
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,98}$/, 'lowercase letters, digits and dashes'),
  commissionRate: z.number().min(0).max(100).optional(),
  admin: z.object({ email: z.string().email().max(200), name: z.string().min(1).max(100), password: PasswordSchema }).optional(),
});

const UpdateClinicSchema = z.object({ ...ClinicFields, name: ClinicFields.name.optional() });

const isUnique = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export function clinicRoutes(s: RouteServices): RouteDef[] {
  const { db } = s.deps;
  const clinicInfo = (clinicId: string) => reindex(s, { clinicId, sourceType: 'clinic_info', sourceId: clinicId });
  return [
    route({
      method: 'get',
      path: '/api/clinics',
      tag: 'platform',
      summary: 'All clinics (superadmin)',
      action: 'clinics.manage',
      response: listOf(Clinic),
      handler: async () => ({ items: await db.clinic.findMany({ orderBy: { createdAt: 'asc' } }) }),
    }),
    route({
      method: 'post',
      path: '/api/clinics',
      tag: 'platform',
      summary: 'Create a clinic, optionally with its first admin (superadmin)',
      action: 'clinics.manage',
      status: 201,
      body: CreateClinicSchema,
      example: { name: '새봄피부과', slug: 'saebom', timezone: 'Asia/Seoul', admin: { email: 'admin@saebom.kr', name: '원장', password: 'change-me-please' } },
      response: CreatedClinic,
      handler: async ({ body, auth, ip }) => {
        const { admin, settings, ...fields } = body;
        try {
          const result = await db.$transaction(async (tx) => {
            const clinic = await tx.clinic.create({ data: { ...fields, ...(settings ? { settings: settings as Prisma.InputJsonValue } : {}) } });
            const user = admin
              ? await tx.user.create({
                  data: {
                    clinicId: clinic.id,
                    email: admin.email.toLowerCase(),
                    name: admin.name,
                    role: 'admin',
                    passwordHash: await hashPassword(admin.password),
                  },
                  select: { id: true, email: true, name: true, role: true, clinicId: true },
                })
              : null;
            await audit(tx, {
              clinicId: clinic.id,
              actorUserId: auth.userId,
              action: 'clinic.created',
              entityType: 'clinic',
              entityId: clinic.id,
              after: { name: clinic.name, slug: clinic.slug, admin: user?.email },
              ip,
            });
            return { clinic, admin: user };
          });
          await clinicInfo(result.clinic.id);
          return result;
        } catch (err) {
          if (isUnique(err)) throw conflict('already_exists', 'a clinic with this slug, or a user with this email, already exists');
          throw err;
        }
      },
    }),
    route({
      method: 'get',
      path: '/api/clinics/:id',
      tag: 'platform',
      summary: 'One clinic (superadmin)',
      action: 'clinics.manage',
      params: IdParams,
      response: Clinic,
      handler: async ({ params }) => found(await db.clinic.findUnique({ where: { id: params.id } }), 'clinic'),
    }),
    route({
      method: 'patch',
      path: '/api/clinics/:id',
      tag: 'platform',
      summary: 'Update a clinic, including activation and commission (superadmin)',
      action: 'clinics.manage',
      params: IdParams,
      body: UpdateClinicSchema.extend({ isActive: z.boolean().optional(), commissionRate: z.number().min(0).max(100).optional() }),
      example: { isActive: false },
      response: Clinic,
      handler: async ({ params, body, auth, ip }) => {
        const before = found(await db.clinic.findUnique({ where: { id: params.id } }), 'clinic');
        const { settings, ...rest } = body;
        const clinic = await db.clinic.update({
          where: { id: before.id },
          data: { ...defined(rest), ...(settings ? { settings: settings as Prisma.InputJsonValue } : {}) },
        });
        await audit(db, {
          clinicId: clinic.id,
          actorUserId: auth.userId,
          action: 'clinic.updated',
          entityType: 'clinic',
          entityId: clinic.id,
          before: pickChanged(before, body),
          after: pickChanged(clinic, body),
          ip,
        });
        await clinicInfo(clinic.id);
        return clinic;
      },
    }),
    route({
      method: 'get',
      path: '/api/clinic',
      tag: 'clinic',
      summary: 'My clinic',
      action: 'clinic.read',
      response: Clinic,
      handler: async ({ clinicId }) => found(await db.clinic.findUnique({ where: { id: clinicId } }), 'clinic'),
    }),
    route({
      method: 'patch',
      path: '/api/clinic',
      tag: 'clinic',
      summary: "Update my clinic's profile and settings (re-indexes clinic info)",
      action: 'clinic.update',
      body: UpdateClinicSchema,
      example: { phone: '02-555-0101', address: '서울 강남구 압구정로 1' },
      response: Clinic,
      handler: async ({ clinicId, body, auth, ip }) => {
        const before = found(await db.clinic.findUnique({ where: { id: clinicId } }), 'clinic');
        const { settings, ...rest } = body;
        const clinic = await db.clinic.update({
          where: { id: clinicId },
          data: { ...defined(rest), ...(settings ? { settings: settings as Prisma.InputJsonValue } : {}) },
        });
        await audit(db, {
          clinicId,
          actorUserId: auth.userId,
          action: 'clinic.updated',
          entityType: 'clinic',
          entityId: clinicId,
          before: pickChanged(before, body),
          after: pickChanged(clinic, body),
          ip,
        });
        await clinicInfo(clinicId);
        return clinic;
      },
    }),
  ];
}

export function pickChanged(row: object, body: object): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(body)
      .filter((k) => (body as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, r[k]]),
  );
}
