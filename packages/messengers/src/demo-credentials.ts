// Random values shaped like platform secrets, for the demo seed's accounts (each platform's demoCredentials).
import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const URLSAFE = `${ALNUM}_-`;
export const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
export const digits = (n: number, first = '123456789') => first[randomInt(first.length)] + pick('0123456789', n - 1);
export const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const base64 = (bytes: number) => randomBytes(bytes).toString('base64');
export const metaToken = () => `EAA${pick(ALNUM, 180)}`;
