import type { Request } from 'express';
import { isUuid, type Db } from '@hub/db';
import { HttpError, notFound } from '../http/errors';
import type { AuthContext, Authenticator } from '../http/route-table';
import { RoleSchema } from './permissions';
import type { AccessTokens } from './tokens';
import type { SessionRevocations } from './session-revocations';

function bearer(req: Request, allowQuery: boolean): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    return m ? m[1]! : null;
  }
  if (allowQuery && typeof req.query.access_token === 'string') return req.query.access_token;
  return null;
}

/**
 * Verifies the token, then loads the user: a deactivated user or a changed role takes effect at once,
 * and a token issued before the user's sessions were revoked is refused.
 */
export class TokenAuthenticator implements Authenticator {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokens,
    private readonly revocations: SessionRevocations,
  ) {}

  async authenticate(req: Request, allowQueryToken: boolean): Promise<AuthContext | null> {
    const token = bearer(req, allowQueryToken);
    if (!token) return null;
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    const [user, revoked] = await Promise.all([
      this.db.user.findUnique({
        where: { id: claims.userId },
        select: { id: true, role: true, clinicId: true, name: true, email: true, isActive: true },
      }),
      this.revocations.isRevoked(claims.userId, claims.issuedAtMs),
    ]);
    if (!user || !user.isActive || revoked) return null;
    const role = RoleSchema.safeParse(user.role);
    if (!role.success) return null;
    if (role.data !== 'superadmin' && !user.clinicId) return null;
    return { userId: user.id, role: role.data, homeClinicId: user.clinicId, name: user.name, email: user.email };
  }

  async resolveClinic(auth: AuthContext, req: Request): Promise<string> {
    if (auth.role !== 'superadmin') return auth.homeClinicId!;
    const header = req.headers['x-clinic-id'];
    if (typeof header !== 'string' || !header) {
      throw new HttpError(400, 'clinic_required', 'a superadmin names the clinic to act on with the X-Clinic-Id header');
    }
    if (!isUuid(header))
      throw new HttpError(400, 'validation_failed', 'X-Clinic-Id must be a UUID', { issues: [{ path: 'headers.x-clinic-id', message: 'expected a UUID' }] });
    const clinic = await this.db.clinic.findUnique({ where: { id: header }, select: { id: true } });
    if (!clinic) throw notFound('clinic');
    return clinic.id;
  }
}
