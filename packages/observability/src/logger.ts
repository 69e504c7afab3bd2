import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets and customer message text must never be passed to the logger. */
export function createLogger(app: string, level = 'info'): Logger {
  return pino({
    name: app,
    level,
    base: { app },
    redact: {
      paths: [
        'credentials',
        '*.credentials',
        'secrets',
        '*.secrets',
        'password',
        '*.password',
        'headers.authorization',
        'headers["x-line-signature"]',
        'headers["x-hub-signature-256"]',
        'headers["x-telegram-bot-api-secret-token"]',
        'text',
        '*.text',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
