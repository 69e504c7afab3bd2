import type { z } from 'zod';
import { MetaPageCredentialsSchema } from '../meta/meta.schema';

export {
  MetaMessageEventSchema as InstagramMessageEventSchema,
  MetaMessagingEntrySchema as InstagramEntrySchema,
  MetaMessagingWebhookSchema as InstagramWebhookSchema,
  MetaPostbackEventSchema as InstagramPostbackEventSchema,
  MetaReadEventSchema as InstagramReadEventSchema,
} from '../meta/meta.schema';

/** Decrypted credentials of an Instagram professional account (via its linked Page). */
export const InstagramCredentialsSchema = MetaPageCredentialsSchema;
export type InstagramCredentials = z.infer<typeof InstagramCredentialsSchema>;

export const InstagramSecretsSchema = InstagramCredentialsSchema;
export type InstagramSecrets = InstagramCredentials;
