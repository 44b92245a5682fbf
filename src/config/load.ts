/**
 * Reads the YAML file (from --config or POSTMASTER_CONFIG; none means the
 * embedded defaults), lays the secrets from the environment over it, and
 * validates the result. A bad key throws ConfigError naming the key.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import { configSchema, type Config } from './schema.js';
import { applyEnv } from './env.js';

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
      raw = parseYaml(textContent) ?? {};
    } catch (error) {
      throw new ConfigError(`The config file ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ConfigError(`The config file ${path} must hold a mapping of keys (e.g. "lang: en"), not ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
    }
  }
  return parseConfig(applyEnv(raw as Record<string, unknown>, env), path ?? 'the built-in defaults');
}

export function parseConfig(raw: unknown, origin = 'config'): Config {
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
