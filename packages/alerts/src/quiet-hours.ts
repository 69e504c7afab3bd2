import { DateTime, IANAZone } from 'luxon';

export interface QuietHours {
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTime(v: string): boolean {
  return HHMM.test(v);
}

export function isValidTimeZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}

const minutes = (v: string) => {
  const m = HHMM.exec(v)!;
  return Number(m[1]) * 60 + Number(m[2]);
};

/** True when `at` falls in the user's quiet hours (a window may cross midnight: 22:00–07:00). */
export function inQuietHours(q: QuietHours, at: Date = new Date()): boolean {
  if (!q.quietStart || !q.quietEnd || !isValidTime(q.quietStart) || !isValidTime(q.quietEnd)) return false;
  const local = DateTime.fromJSDate(at, { zone: isValidTimeZone(q.timeZone) ? q.timeZone : 'UTC' });
  const now = local.hour * 60 + local.minute;
  const start = minutes(q.quietStart);
  const end = minutes(q.quietEnd);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
