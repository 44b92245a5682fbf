/**
 * A Store that opens the real one on its first call. Commands that keep no
 * state (help, explain, catalog, check with no cache hit) then never load the
 * SQLite addon or ioredis, nor connect to Redis. Every method of the Store
 * interface is forwarded as is, so the wrapper needs no change when it grows.
 */
import type { Store } from './store.js';

export function lazyStore(kind: Store['kind'], open: () => Promise<Store>): Store {
  let opened: Promise<Store> | undefined;
  const real = () => (opened ??= open());
  const forwarded = new Map<PropertyKey, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({ kind } as Store, {
    get(target, property) {
      if (property === 'kind') return kind;
      // Closing a store that was never opened has nothing to do.
      if (property === 'close') return async () => (opened ? (await opened).close() : undefined);
      if (typeof property !== 'string' || property === 'then') return (target as unknown as Record<PropertyKey, unknown>)[property];
      let method = forwarded.get(property);
      if (!method) {
        method = async (...args: unknown[]) => {
          const store = (await real()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
          return store[property]!(...args);
        };
        forwarded.set(property, method);
      }
      return method;
    },
  });
}
