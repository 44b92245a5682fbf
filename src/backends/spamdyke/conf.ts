/**
 * Reads list file paths from the active spamdyke.conf (`option=value` lines,
 * `#` comments; a repeated option adds a value, `option=!value` removes one,
 * `option=!!!` clears them). Paths are never hard-coded: they come from this
 * file or from backends.spamdyke.files.
 */
import { readFileSync } from 'node:fs';
import { BackendError } from '../errors.js';
import type { EntryType, ListKind } from '../types.js';

export const FILE_OPTIONS: Record<ListKind, Record<EntryType, string>> = {
  allow: { sender: 'sender-whitelist-file', recipient: 'recipient-whitelist-file', ip: 'ip-whitelist-file', rdns: 'rdns-whitelist-file' },
  block: { sender: 'sender-blacklist-file', recipient: 'recipient-blacklist-file', ip: 'ip-blacklist-file', rdns: 'rdns-blacklist-file' },
};

/** Options for single entries, as written in config-dir files. */
export const ENTRY_OPTIONS: Record<ListKind, Partial<Record<EntryType, string>>> = {
  allow: { sender: 'sender-whitelist-entry', ip: 'ip-whitelist-entry', rdns: 'rdns-whitelist-entry' },
  block: { sender: 'sender-blacklist-entry', ip: 'ip-blacklist-entry', rdns: 'rdns-blacklist-entry' },
};

/** Every value of every option in the file, in order, after `!value` / `!!!` removals. */
export function parseSpamdykeConf(content: string): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim();
    const values = options.get(name) ?? [];
    if (value === '!!!') values.length = 0;
    else if (value.startsWith('!')) {
      const at = values.indexOf(value.slice(1));
      if (at >= 0) values.splice(at, 1);
    } else values.push(value);
    options.set(name, values);
  }
  return options;
}

export interface SpamdykeLayout {
  files: Record<ListKind, Partial<Record<EntryType, string>>>;
  configDir?: string;
}

/** Paths from the config file, with explicit `files` / `configDir` taking precedence. */
export function resolveLayout(settings: {
  configFile?: string | undefined;
  files: Record<ListKind, Partial<Record<EntryType, string | undefined>>>;
  configDir?: string | undefined;
}): SpamdykeLayout {
  const fromConf = settings.configFile ? parseSpamdykeConf(readConf(settings.configFile)) : new Map<string, string[]>();
  const files: SpamdykeLayout['files'] = { allow: {}, block: {} };
  for (const kind of ['allow', 'block'] as const) {
    for (const type of ['sender', 'recipient', 'ip', 'rdns'] as const) {
      const path = settings.files[kind][type] ?? fromConf.get(FILE_OPTIONS[kind][type])?.[0];
      if (path) files[kind][type] = path;
    }
  }
  const configDir = settings.configDir ?? fromConf.get('config-dir')?.[0];
  return configDir ? { files, configDir } : { files };
}

function readConf(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new BackendError('io', { backend: 'spamdyke', detail: `${path}, the spamdyke.conf named in backends.spamdyke.configFile (${(error as NodeJS.ErrnoException).code})` }, { cause: error });
  }
}
