import { createHmac } from 'node:crypto';
import { LINE_SIGNATURE_HEADER } from './line.inbound';

/** Test support: headers LINE sends with `rawBody` for a channel with this channel secret. */
export function signLine(rawBody: Buffer | string, channelSecret: string): Record<string, string> {
  return { [LINE_SIGNATURE_HEADER]: createHmac('sha256', channelSecret).update(rawBody).digest('base64') };
}
