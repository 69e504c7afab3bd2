import { describe, expect, it } from 'vitest';
import { inQuietHours } from './quiet-hours';
import { signAckToken, verifyAckToken } from './ack-token';

describe('quiet hours', () => {
  const night = { quietStart: '22:00', quietEnd: '07:00', timeZone: 'Asia/Seoul' };
  it('cross midnight in the user’s time zone', () => {
    expect(inQuietHours(night, new Date('2026-12-04T13:30:00Z'))).toBe(true); // 22:30 KST
    expect(inQuietHours(night, new Date('2026-12-04T21:59:00Z'))).toBe(true); // 06:59 KST
    expect(inQuietHours(night, new Date('2026-12-04T22:00:00Z'))).toBe(false); // 07:00 KST
    expect(inQuietHours(night, new Date('2026-12-04T03:00:00Z'))).toBe(false); // 12:00 KST
  });
  it('within one day, and none when unset or empty', () => {
    const lunch = { quietStart: '12:00', quietEnd: '13:00', timeZone: 'UTC' };
    expect(inQuietHours(lunch, new Date('2026-12-04T12:30:00Z'))).toBe(true);
    expect(inQuietHours(lunch, new Date('2026-12-04T13:00:00Z'))).toBe(false);
    expect(inQuietHours({ quietStart: null, quietEnd: null, timeZone: 'UTC' }, new Date())).toBe(false);
    expect(inQuietHours({ quietStart: '09:00', quietEnd: '09:00', timeZone: 'UTC' }, new Date('2026-12-04T09:00:00Z'))).toBe(false);
  });
});

describe('acknowledge tokens', () => {
  const spec = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
  const claims = { notificationId: '00000000-0000-4000-8000-000000000001', userId: '00000000-0000-4000-8000-000000000002', expiresAt: Date.now() + 60_000 };
  it('round-trip, and refuse tampering, another key and expiry', () => {
    const t = signAckToken(spec, claims);
    expect(verifyAckToken(spec, t)).toEqual({ ok: true, claims });
    const [body, mac] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ n: claims.notificationId, u: 'someone-else', e: claims.expiresAt })).toString('base64url');
    expect(verifyAckToken(spec, `${forged}.${mac}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAckToken(`k1:${Buffer.alloc(32, 2).toString('base64')}`, t)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAckToken(spec, `${body}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAckToken(spec, signAckToken(spec, { ...claims, expiresAt: Date.now() - 1 }))).toEqual({ ok: false, reason: 'expired' });
  });
});
