import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';
import { DEMO_PASSWORD } from './seed/clinics.data';

describe('password policy', () => {
  it.each([
    ['12345678', 'min_length'],
    ['demo1234!', 'min_length'],
    ['password123', 'not_common'],
    ['Password123!', 'not_common'],
    ['qwertyuiop', 'not_common'],
    ['1234567890', 'not_common'],
    ['x'.repeat(201), 'max_length'],
  ])('%s breaks %s', (pw, rule) => {
    expect(passwordProblem(pw)?.rule).toBe(rule);
  });

  it.each(['demo-clinic-2026', 'test-pass-1234!', 'a-longer-passphrase', '보톡스-상담-2026'])('%s is acceptable', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });

  it("the demo users' password passes it", () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
  });
});
