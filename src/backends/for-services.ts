/** The backends a command uses: the ones injected into Services, or built once per config. */
import type { Config } from '../config/schema.js';
import type { Services } from '../core/services.js';
import type { Backends } from './types.js';

// Per-config cache of clients (it holds login tokens, not state that must survive a restart).
const built = new WeakMap<Config, Backends>();

/** Async because the backend clients (nodemailer, HTTP clients) load only when a command needs one. */
export async function backendsFor(services: Services): Promise<Backends> {
  if (services.backends) return services.backends;
  let backends = built.get(services.config);
  if (!backends) {
    const { createBackends } = await import('./create-backends.js');
    backends = createBackends(services.config);
    built.set(services.config, backends);
  }
  return backends;
}
