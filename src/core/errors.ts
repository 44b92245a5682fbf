/**
 * Errors with stable codes (after bolt-js's ErrorCode). Results are data; only
 * infrastructure failures and bad input throw. `userMessage` is the one sentence
 * a person sees; `message` may carry detail for logs.
 */
export type ErrorCode =
  | 'usage'
  | 'config_invalid'
  | 'input_too_large'
  | 'not_found'
  | 'forbidden'
  | 'backend_failed'
  | 'store_failed'
  | 'timeout';

export class BotError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(options?.detail ?? userMessage, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BotError';
  }
}

/** Bad input from a person: exit 2 in the CLI. */
export class UsageError extends BotError {
  constructor(userMessage: string) {
    super('usage', userMessage);
    this.name = 'UsageError';
  }
}
