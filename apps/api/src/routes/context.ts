import type { ApiDeps } from '../deps';
import type { AuthService } from '../auth/auth.service';
import type { TokenAuthenticator } from '../auth/authenticate';
import type { SessionRevocations } from '../auth/session-revocations';
import type { LiveHub } from '../live/live-hub';
import type { RequestHandler } from 'express';

/** What route modules get: the app's dependencies and the services built from them. */
export interface RouteServices {
  deps: ApiDeps;
  auth: AuthService;
  /** The per-request check, also re-run by open SSE streams. */
  authenticator: TokenAuthenticator;
  revocations: SessionRevocations;
  hub: LiveHub;
  loginLimiter: RequestHandler;
  now: () => Date;
}
