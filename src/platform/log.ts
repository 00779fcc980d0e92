import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Personal data never goes in: the request logger writes method, route
 * path and status only, and these keys are redacted should a caller ever pass them.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lotse' },
      redact: {
        paths: ['*.email', '*.name', '*.phone', '*.dateOfBirth', '*.password', '*.secret', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
