import type { Db, Keyring } from '@hub/db';
import type { AlertOutboundConfig } from './url-policy';
import type { AlertChannelName } from './rules';

export interface AlertsConfig {
  /** smtp(s)://user:pass@host:port; unset: the email channel is off. */
  smtpUrl?: string;
  emailFrom: string;
  vapidSubject: string;
  /** Where links in alerts point (the console, which serves /api). */
  consoleUrl: string;
  /** CREDENTIALS_ENCRYPTION_KEYS: signs acknowledge links. */
  keyringSpec: string;
  outbound: AlertOutboundConfig;
  ackTokenTtlSec: number;
}

export interface AlertLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface AlertsDeps {
  db: Db;
  keyring: Keyring;
  config: AlertsConfig;
  logger: AlertLogger;
}

/** What a channel sends: the alert, rendered once. */
export interface AlertMessage {
  notificationId: string;
  clinicId: string;
  kind: string;
  title: string;
  body: string | null;
  urgent: boolean;
  step: number;
  conversationId?: string;
  /** The console page the alert opens. */
  openUrl: string;
  /** Acknowledges without logging in (signed, expiring); null for clinic channels. */
  ackUrl: string | null;
  ackToken: string | null;
  createdAt: Date;
}

/** A channel's failure: transient ones are retried with backoff; permanent ones mark the channel. */
export class ChannelError extends Error {
  constructor(
    readonly channel: AlertChannelName,
    readonly permanent: boolean,
    message: string,
    /** The destination is gone (a browser unsubscribed): not worth telling the admins. */
    readonly gone = false,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
