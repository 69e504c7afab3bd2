import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (19 MiB, t=2): OWASP's minimum recommendation.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Compared against when the email is unknown, so both paths cost one argon2 verify.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('not-a-real-password-just-timing');
  await verifyPassword(await dummy, password);
}
