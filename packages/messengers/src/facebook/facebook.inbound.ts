import { DEFAULT_BODY_LIMIT } from '../inbound.helpers';
import { parseMessagingWebhook } from '../meta/meta.messaging';
import { verifyMetaSignature } from '../meta/meta.signature';
import type { InboundAdapter } from '../types';
import { FacebookSecretsSchema, type FacebookSecrets } from './facebook.schema';

export const facebookInbound: InboundAdapter<FacebookSecrets> = {
  platform: 'facebook',
  bodyLimit: DEFAULT_BODY_LIMIT,
  secretsSchema: FacebookSecretsSchema,

  verify(input, secrets) {
    return verifyMetaSignature(input, secrets.appSecret);
  },

  parse(body, account, secrets) {
    // One app may serve several clinics' Pages; only this account's Page entries are its events.
    return parseMessagingWebhook(body, account, { platform: 'facebook', object: 'page', ownId: secrets.pageId });
  },
};
