import type { z } from 'zod';
import { MetaPageCredentialsSchema } from '../meta/meta.schema';

export {
  MetaDeliveryEventSchema as FacebookDeliveryEventSchema,
  MetaMessageEventSchema as FacebookMessageEventSchema,
  MetaMessagingEntrySchema as FacebookEntrySchema,
  MetaMessagingWebhookSchema as FacebookWebhookSchema,
  MetaPostbackEventSchema as FacebookPostbackEventSchema,
  MetaReadEventSchema as FacebookReadEventSchema,
} from '../meta/meta.schema';

/** Decrypted credentials of a Facebook Page connected for Messenger. */
export const FacebookCredentialsSchema = MetaPageCredentialsSchema;
export type FacebookCredentials = z.infer<typeof FacebookCredentialsSchema>;

export const FacebookSecretsSchema = FacebookCredentialsSchema;
export type FacebookSecrets = FacebookCredentials;
