import type { AlertsConfig } from './types';

/** The environment variables of packages/config's alertsEnv, as the worker and the API parse them. */
export interface AlertsEnv {
  ALERT_SMTP_URL?: string;
  ALERT_EMAIL_FROM: string;
  ALERT_VAPID_SUBJECT: string;
  ALERT_CONSOLE_URL: string;
  ALERT_ACK_TOKEN_TTL_SEC: number;
  CREDENTIALS_ENCRYPTION_KEYS: string;
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: boolean;
}

export function alertsConfigFrom(env: AlertsEnv): AlertsConfig {
  return {
    ...(env.ALERT_SMTP_URL ? { smtpUrl: env.ALERT_SMTP_URL } : {}),
    emailFrom: env.ALERT_EMAIL_FROM,
    vapidSubject: env.ALERT_VAPID_SUBJECT,
    consoleUrl: env.ALERT_CONSOLE_URL,
    keyringSpec: env.CREDENTIALS_ENCRYPTION_KEYS,
    outbound: { allowPrivateNetworks: env.OUTBOUND_ALLOW_PRIVATE_NETWORKS, timeoutMs: 10_000 },
    ackTokenTtlSec: env.ALERT_ACK_TOKEN_TTL_SEC,
  };
}
