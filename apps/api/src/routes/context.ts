import type { ApiDeps } from '../deps';
import type { AuthService } from '../auth/auth.service';
import type { LiveHub } from '../live/live-hub';
import type { RequestHandler } from 'express';

/** What route modules get: the app's dependencies and the services built from them. */
export interface RouteServices {
  deps: ApiDeps;
  auth: AuthService;
  hub: LiveHub;
  loginLimiter: RequestHandler;
  now: () => Date;
}
