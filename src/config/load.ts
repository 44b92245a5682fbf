/**
 * Reads the YAML file (from --config or POSTMASTER_CONFIG; none means the
 * embedded defaults), lays the secrets from the environment over it, and
 * validates the result. A bad key throws ConfigError naming the key.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ZodError } from 'zod';
import type { Config } from './schema.js';
import { applyEnv, secretInFile } from './env.js';
import { readDefaults } from './defaults.js';

// The YAML parser and the zod schema cost a process ~0.2 s to load; most runs use neither
// (no config file, nothing in the environment: the build's validated defaults serve).
const lazy = createRequire(import.meta.url);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /** Path to the YAML file; undefined uses POSTMASTER_CONFIG or the embedded defaults. */
  path?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const path = options.path ?? env.POSTMASTER_CONFIG;
  let raw: unknown = {};
  if (path) {
    let textContent: string;
    try {
      textContent = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
    }
    try {
      raw = (lazy('yaml') as typeof import('yaml')).parse(textContent) ?? {};
    } catch (error) {
      throw new ConfigError(`The config file ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ConfigError(`The config file ${path} must hold a mapping of keys (e.g. "lang: en"), not ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
    }
    // Config files end up in repositories and tickets; secrets belong in the environment only.
    const secret = secretInFile(raw as Record<string, unknown>);
    if (secret) {
      throw new ConfigError(`The config file ${path} holds a secret at "${secret[0]}"; secrets are read only from the environment: remove it from the file and set ${secret[1]} instead.`);
    }
  }
  const merged = applyEnv(raw as Record<string, unknown>, env);
  if (Object.keys(merged).length === 0) {
    const defaults = readDefaults();
    if (defaults) return defaults;
  }
  return parseConfig(merged, path ?? 'the built-in defaults');
}

export function parseConfig(raw: unknown, origin = 'config'): Config {
  const { configSchema } = lazy('./schema.js') as typeof import('./schema.js');
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describe(result.error, origin));
  return result.data;
}

/** One sentence per problem, each naming the key path. */
function describe(error: ZodError, origin: string): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path.join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (issue.path.length ? `${key}.${k}` : k));
      return `unknown key ${keys.map((k) => `"${k}"`).join(', ')} (check the spelling against README.md)`;
    }
    return `key "${key}": ${issue.message}`;
  });
  return `Invalid configuration in ${origin}: ${lines.join('; ')}.`;
}
