import { createHmac } from 'node:crypto';
import { META_SIGNATURE_HEADER } from './meta.signature';

/** Test support: headers Meta sends with `rawBody` for an app with this app secret. */
export function signMeta(rawBody: Buffer | string, appSecret: string): Record<string, string> {
  return { [META_SIGNATURE_HEADER]: `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}` };
}

/** Test support: the query Meta sends to subscribe a webhook. */
export function metaHandshakeQuery(verifyToken: string, challenge = '1158201444'): Record<string, string> {
  return { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': challenge };
}
