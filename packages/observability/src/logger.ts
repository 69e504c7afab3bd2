import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets and customer message text must never be passed to the logger. Errors are
 * passed whole under `err` (or `error`): the serializer keeps type, message, stack, cause and an AppError's
 * code, kind and status.
 */
export function createLogger(app: string, level = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: app,
    level,
    base: { app },
    serializers: { err: pino.stdSerializers.errWithCause, error: pino.stdSerializers.errWithCause },
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
  };
  return destination ? pino(options, destination) : pino(options);
}
