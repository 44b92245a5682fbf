/**
 * The process logger: pino with secrets redacted. pino is loaded when the
 * first line is logged, not at start — a one-shot command that logs nothing
 * (help, explain) does not pay for it.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { REDACT_PATHS } from './redact.js';

const lazy = createRequire(import.meta.url);

export function createLogger(options: { level: string; destination: 'stderr' | 'stdout' }): Logger {
  let real: Logger | undefined;
  const open = (): Logger => {
    if (!real) {
      const pino = lazy('pino') as typeof import('pino');
      real = pino.pino(
        { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'postmaster' } },
        pino.destination(options.destination === 'stderr' ? 2 : 1),
      );
    }
    return real;
  };
  return new Proxy({} as Logger, {
    get(_target, property) {
      const logger = open();
      const value = Reflect.get(logger, property, logger) as unknown;
      return typeof value === 'function' ? value.bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(open(), property, value);
    },
  });
}
