/**
 * The hub keeps one VAPID key pair, encrypted with the credentials keyring. Test files that run in
 * parallel against one database share it, so they encrypt it with this one test-only keyring.
 */
export const ALERTS_TEST_KEYRING_SPEC = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
