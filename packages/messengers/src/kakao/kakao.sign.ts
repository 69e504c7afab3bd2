import { KAKAO_SECRET_HEADER } from './kakao.inbound';

/**
 * Test support: headers an Open Builder skill configured with this account's secret sends.
 * The body is not signed on Kakao; it is accepted for symmetry with the other signers.
 */
export function signKakao(_rawBody: Buffer | string, webhookSecret: string): Record<string, string> {
  return { [KAKAO_SECRET_HEADER]: webhookSecret };
}
