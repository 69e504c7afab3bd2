import { DEFAULT_BODY_LIMIT } from '../inbound.helpers';
import { parseMessagingWebhook } from '../meta/meta.messaging';
import { verifyMetaSignature } from '../meta/meta.signature';
import type { InboundAdapter } from '../types';
import { InstagramSecretsSchema, type InstagramSecrets } from './instagram.schema';

export const instagramInbound: InboundAdapter<InstagramSecrets> = {
  platform: 'instagram',
  bodyLimit: DEFAULT_BODY_LIMIT,
  secretsSchema: InstagramSecretsSchema,

  verify(input, secrets) {
    return verifyMetaSignature(input, secrets.appSecret);
  },

  parse(body, account, secrets) {
    // entry.id is the Instagram account id; without igUserId every entry is taken as ours.
    return parseMessagingWebhook(body, account, { platform: 'instagram', object: 'instagram', ownId: secrets.igUserId });
  },
};
