/**
 * The process logger: pino with secrets redacted. pino is loaded when the
 * first line at or above the level is logged, not at start — a one-shot
 * command that logs nothing (help, explain) does not pay for it.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { REDACT_PATHS } from './redact.js';

const lazy = createRequire(import.meta.url);

export interface LoggerOptions {
  level: string;
  destination: 'stderr' | 'stdout';
  /**
   * `json` (servers: one JSON object per line for the log pipeline) or `line` (terminal faces:
   * one readable line per record, never a stack trace between a person and their answer).
   */
  format?: 'json' | 'line';
}

/** Writes pino's JSON records as `postmaster: warn: message: error message`, one line each. */
function lineStream(fd: 1 | 2): { write(chunk: string): void } {
  const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  return {
    write(chunk: string) {
      let record: { level?: number; msg?: string; err?: { message?: string } };
      try {
        record = JSON.parse(chunk);
      } catch {
        record = { msg: chunk.trim() };
      }
      const why = record.err?.message ? `: ${record.err.message.split('\n')[0]}` : '';
      const text = `postmaster: ${LEVELS[record.level ?? 30] ?? 'log'}: ${record.msg ?? ''}${why}\n`;
      (fd === 2 ? process.stderr : process.stdout).write(text);
    },
  };
}

const LEVEL_VALUES = new Map([['trace', 10], ['debug', 20], ['info', 30], ['warn', 40], ['error', 50], ['fatal', 60]]);
const dropped = () => undefined;

export function createLogger(options: LoggerOptions): Logger {
  let real: Logger | undefined;
  const threshold = options.level === 'silent' ? Infinity : LEVEL_VALUES.get(options.level) ?? 30;
  const open = (): Logger => {
    if (!real) {
      const pino = lazy('pino') as typeof import('pino');
      real = pino.pino(
        { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'postmaster' } },
        options.format === 'line' ? lineStream(options.destination === 'stderr' ? 2 : 1) : pino.destination(options.destination === 'stderr' ? 2 : 1),
      );
    }
    return real;
  };
  return new Proxy({} as Logger, {
    get(_target, property) {
      // A record below the level is dropped without loading pino for it (~20 ms of a command's start).
      if (!real && typeof property === 'string' && (LEVEL_VALUES.get(property) ?? Infinity) < threshold) return dropped;
      const logger = open();
      const value = Reflect.get(logger, property, logger) as unknown;
      return typeof value === 'function' ? value.bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(open(), property, value);
    },
  });
}
