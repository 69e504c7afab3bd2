import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { RoleSchema, type Role } from './permissions';

export interface AccessClaims {
  userId: string;
  role: Role;
  clinicId: string | null;
}

export interface VerifiedClaims extends AccessClaims {
  /** When the token was signed, ms since the epoch (iat has whole seconds only). */
  issuedAtMs: number;
}

const ISSUER = 'clinic-hub-api';
const AUDIENCE = 'clinic-hub';

/** Short-lived HS256 access tokens. The user row is still loaded per request, so deactivation is immediate. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlSeconds = 15 * 60,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<string> {
    // ims: the signing time in ms, so a revocation and a new sign-in within one second stay apart.
    return new SignJWT({ role: claims.role, cid: claims.clinicId, ims: Date.now() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** null when the token is malformed, forged, expired or has no expiry (jose checks exp only when present). */
  async verify(token: string): Promise<VerifiedClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const role = RoleSchema.safeParse(payload.role);
      if (!payload.sub || !role.success) return null;
      return {
        userId: payload.sub,
        role: role.data,
        clinicId: typeof payload.cid === 'string' ? payload.cid : null,
        issuedAtMs: typeof payload.ims === 'number' ? payload.ims : payload.iat! * 1000,
      };
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null;
      throw err;
    }
  }
}

/** Opaque refresh token: 256 random bits; only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
