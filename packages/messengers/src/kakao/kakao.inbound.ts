import { DEFAULT_BODY_LIMIT, headerValue, isRecord, normalized, parseWith, secretEquals, sha256Hex } from '../inbound.helpers';
import type { InboundAdapter, InboundEventInput } from '../types';
import { KakaoMediaParamSchema, KakaoSecretsSchema, KakaoSkillRequestSchema, type KakaoSecrets, type KakaoSkillRequest } from './kakao.schema';

/** Open Builder has no request signing: each skill sends this per-account secret header. */
export const KAKAO_SECRET_HEADER = 'x-hub-kakao-secret';

/** Callback URLs embed the bot id with a trailing "!"; bot.id may too. */
function sameBot(a: string, b: string): boolean {
  return a.replace(/!$/, '') === b.replace(/!$/, '');
}

/**
 * Open Builder gives a skill request no id and no timestamp, so the dedupe key is a hash.
 * - With callback enabled, `callbackUrl` is a one-time URL minted per request: hashing it with the
 *   user gives an id unique per message and identical if the same request is posted again.
 * - Without callback, the best available is the request's content (bot, user, block, action,
 *   utterance, params, clientExtra): deterministic, but a user repeating the exact same utterance
 *   in the same block collides with the earlier one. Enable callback on the skill's blocks.
 */
export function kakaoMessageId(request: KakaoSkillRequest): string {
  const { userRequest: u, bot, action } = request;
  const parts = u.callbackUrl
    ? ['cb', u.user.id, u.callbackUrl]
    : [
        'req',
        bot.id,
        u.user.id,
        u.block?.id ?? '',
        action?.id ?? '',
        u.utterance,
        JSON.stringify(u.params ?? {}),
        JSON.stringify(action?.clientExtra ?? null),
        u.timezone ?? '',
      ];
  return `kakao:${sha256Hex(JSON.stringify(parts)).slice(0, 40)}`;
}

export const kakaoInbound: InboundAdapter<KakaoSecrets> = {
  platform: 'kakao',
  bodyLimit: DEFAULT_BODY_LIMIT,
  secretsSchema: KakaoSecretsSchema,

  verify({ headers }, secrets) {
    const secret = headerValue(headers, KAKAO_SECRET_HEADER);
    return secret !== undefined && secretEquals(secret, secrets.webhookSecret);
  },

  verifyParsed(body, secrets) {
    // A missing bot.id is a malformed body (parse answers 400), not a foreign bot.
    if (!isRecord(body) || !isRecord(body.bot) || typeof body.bot.id !== 'string') return true;
    return sameBot(body.bot.id, secrets.botId);
  },

  parse(body, account) {
    const request = parseWith(KakaoSkillRequestSchema, body, [], 'Kakao skill request');
    const { userRequest } = request;
    const media = KakaoMediaParamSchema.safeParse(userRequest.params?.media);
    const clientExtra = request.action?.clientExtra;
    const hasExtra = clientExtra != null && Object.keys(clientExtra).length > 0;

    const event: InboundEventInput = {
      clinicId: account.clinicId,
      accountId: account.accountId,
      platform: 'kakao',
      kind: media.success ? media.data.type : hasExtra ? 'postback' : 'text',
      externalUserId: userRequest.user.id,
      // Open Builder has sent "kr" for Korean; normalise to the ISO code.
      languageHint: userRequest.lang ? (userRequest.lang === 'kr' ? 'ko' : userRequest.lang) : undefined,
      externalMessageId: kakaoMessageId(request),
      // For an upload the utterance is the media URL itself.
      text: media.success ? undefined : userRequest.utterance,
      attachments: media.success ? [{ type: media.data.type, url: media.data.url }] : [],
      postbackData: hasExtra ? JSON.stringify(clientExtra) : undefined,
      callbackUrl: userRequest.callbackUrl,
      // The skill request has no timestamp; it arrives within its 5 s answer window.
      sentAt: new Date().toISOString(),
      raw: body,
    };
    return { events: [normalized(event)], ignored: [] };
  },
};
