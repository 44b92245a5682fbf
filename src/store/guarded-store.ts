/**
 * A Store whose every call ends within a time limit: a Redis that is down, or
 * that accepts connections and never answers, turns into StoreUnavailableError
 * instead of a hang. After a failure the store is treated as down for a short
 * while and calls fail at once (a circuit breaker), so a check with fifty DNS
 * cache lookups does not wait fifty times; then one call tries again.
 */
import type { Store } from './store.js';
import { StoreUnavailableError } from './store-errors.js';

export interface GuardOptions {
  timeoutMs: number;
  /** How long calls fail at once after a failure before one is let through again. */
  coolDownMs?: number;
  /** Told once when the store stops answering and once when it is back. */
  onChange?: (up: boolean, error?: unknown) => void;
  now?: () => number;
}

export function guardedStore(store: Store, options: GuardOptions): Store {
  const now = options.now ?? Date.now;
  const coolDownMs = options.coolDownMs ?? 5_000;
  let downUntil = 0;
  let up = true;

  const failed = (error: unknown): never => {
    downUntil = now() + coolDownMs;
    if (up) {
      up = false;
      options.onChange?.(false, error);
    }
    throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error instanceof Error ? error.message : String(error), error);
  };
  const succeeded = () => {
    if (!up) {
      up = true;
      options.onChange?.(true);
    }
  };

  async function guard<T>(call: () => Promise<T>): Promise<T> {
    if (!up && now() < downUntil) throw new StoreUnavailableError('still cooling down after a failure');
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        call(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreUnavailableError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        }),
      ]);
      succeeded();
      return result;
    } catch (error) {
      return failed(error);
    } finally {
      clearTimeout(timer);
    }
  }

  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return typeof value === 'function' ? value.bind(target) : value;
      let method = wrapped.get(property);
      if (!method) {
        method = async (...args: unknown[]) => {
          const result = await guard(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
          // A lock's release is a store call too.
          if (property === 'lock' && result && typeof (result as { release?: unknown }).release === 'function') {
            const lock = result as { release(): Promise<void> };
            const release = lock.release.bind(lock);
            return { ...lock, name: (lock as { name?: string }).name, release: () => guard(release) };
          }
          return result;
        };
        wrapped.set(property, method);
      }
      return method;
    },
  });
}
