import { z } from 'zod';
import { ApiConfigSchema } from '@hub/config';

/** The shared API schema plus what only this app reads. */
export const ApiAppConfigSchema = ApiConfigSchema.extend({
  MEDIA_STORAGE_DIR: z.string().default('var/media'),
  /** The built staff console, served at / when the directory exists. */
  CONSOLE_DIST_DIR: z.string().default('apps/console/dist'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  LOGIN_RATE_LIMIT_PER_15MIN: z.coerce.number().int().min(1).default(20),
  /** Per client IP across every email: password spraying. An office behind one NAT shares it. */
  LOGIN_IP_RATE_LIMIT_PER_15MIN: z.coerce.number().int().min(1).default(100),
  USER_CREATE_CONFLICT_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** An open SSE stream re-checks its token and user this often (deactivation is also pushed at once). */
  SSE_SESSION_RECHECK_MS: z.coerce.number().int().min(100).max(30_000).default(30_000),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  TURN_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1500),
  /** Behind a proxy, the number of hops to trust for the client IP (express 'trust proxy'). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
});
export type ApiAppConfig = z.infer<typeof ApiAppConfigSchema>;
