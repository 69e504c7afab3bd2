import { z } from 'zod';
import { ApiConfigSchema } from '@hub/config';

/** The shared API schema plus what only this app reads. */
export const ApiAppConfigSchema = ApiConfigSchema.extend({
  MEDIA_STORAGE_DIR: z.string().default('var/media'),
  /** The built staff console, served at / when the directory exists. */
  CONSOLE_DIST_DIR: z.string().default('apps/console/dist'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  LOGIN_RATE_LIMIT_PER_15MIN: z.coerce.number().int().min(1).default(20),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  TURN_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1500),
  /** Behind a proxy, the number of hops to trust for the client IP (express 'trust proxy'). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
});
export type ApiAppConfig = z.infer<typeof ApiAppConfigSchema>;
