/**
 * Safe edits of a spamdyke list file, which spamdyke re-reads on every SMTP
 * connection: under a lock file (so two bots or two CLI runs never lose each
 * other's edit), the new content goes to a temp file in the same folder, is
 * fsynced, the old file is copied to a backup, and the temp file is renamed
 * over the original. A crash at any point leaves either the old or the new
 * file, never half of one. Comments, blank lines and order are kept.
 */
import { constants } from 'node:fs';
import { access, copyFile, mkdir, open, readdir, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BackendError } from '../errors.js';

/** spamdyke reads only this many lines of a list file. */
export const SPAMDYKE_MAX_LINES = 65_536;

export interface LineFormat {
  /** The entry a line holds, or null for comments, blank lines and other options. */
  parse(line: string): string | null;
  format(value: string): string;
  /** The form two entries are compared in. */
  key(value: string): string;
}

export interface EditOptions {
  backend: string;
  lockTimeoutMs: number;
  /** Where the previous version is kept. */
  backupPath: string;
  /** Called once the temp file is written and synced, before the rename (used to test crashes). */
  onTempWritten?: (tempPath: string) => void;
}

export type EditResult = { changed: true; detail: string };

export async function readEntries(path: string, format: LineFormat): Promise<string[]> {
  const content = await readText(path, 'spamdyke');
  return splitLines(content).map((line) => format.parse(line)).filter((v): v is string => v !== null);
}

export async function addEntry(path: string, value: string, format: LineFormat, options: EditOptions, list: 'allow' | 'block'): Promise<EditResult> {
  return edit(path, options, (lines) => {
    const key = format.key(value);
    if (lines.some((line) => keyOf(line, format) === key)) {
      throw new BackendError('duplicate', { backend: options.backend, detail: value, list });
    }
    if (lines.length >= SPAMDYKE_MAX_LINES) {
      throw new BackendError('refused', { backend: options.backend, detail: `${path} already has ${lines.length} lines and spamdyke reads only the first ${SPAMDYKE_MAX_LINES}; start a second file.` });
    }
    return { lines: [...lines, format.format(value)], detail: `added ${value} to ${path}` };
  });
}

export async function removeEntry(path: string, value: string, format: LineFormat, options: EditOptions, list: 'allow' | 'block'): Promise<EditResult> {
  return edit(path, options, (lines) => {
    const key = format.key(value);
    const kept = lines.filter((line) => keyOf(line, format) !== key);
    if (kept.length === lines.length) throw new BackendError('absent', { backend: options.backend, detail: value, list });
    return { lines: kept, detail: `removed ${value} from ${path}` };
  });
}

function keyOf(line: string, format: LineFormat): string | null {
  const value = format.parse(line);
  return value === null ? null : format.key(value);
}

/**
 * The file to write: a symlinked list is edited at its target, so the link (often into a shared
 * or managed folder) stays a link; the temp file and the rename happen in the target's folder.
 */
async function targetOf(path: string, backend: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A dangling link is written where it points; a missing plain file is created in place.
      const link = await readlink(path).catch(() => null);
      return link === null ? path : resolve(dirname(path), link);
    }
    throw ioError(backend, path, error as NodeJS.ErrnoException);
  }
}

async function edit(
  listPath: string,
  options: EditOptions,
  change: (lines: string[]) => { lines: string[]; detail: string },
): Promise<EditResult> {
  const path = await targetOf(listPath, options.backend);
  const lock = await acquireLock(path, options);
  try {
    await sweepTempFiles(path);
    const before = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw ioError(options.backend, path, error);
    });
    if (before) await checkWritable(path, before.mode, options.backend);
    const content = before ? await readText(path, options.backend) : '';
    const { lines, detail } = change(splitLines(content));
    const next = lines.length ? `${lines.join('\n')}\n` : '';
    const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const handle = await open(temp, 'wx', before ? before.mode & 0o7777 : 0o644);
      try {
        await handle.writeFile(next, 'utf8');
        // open()'s mode passes through the umask; the list keeps exactly the mode it had.
        if (before) await handle.chmod(before.mode & 0o7777);
        await handle.sync();
        if (before && process.getuid?.() === 0) await handle.chown(before.uid, before.gid).catch(() => {});
      } finally {
        await handle.close();
      }
      options.onTempWritten?.(temp);
      if (before) {
        await mkdir(dirname(options.backupPath), { recursive: true });
        await copyFile(path, options.backupPath);
      }
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => {});
      if (error instanceof BackendError) throw error;
      throw ioError(options.backend, path, error as NodeJS.ErrnoException);
    }
    await syncDir(dirname(path));
    return { changed: true, detail };
  } finally {
    await lock.release();
  }
}

/** Lines without their line ends; a final newline does not make an extra empty line. */
function splitLines(content: string): string[] {
  if (content === '') return [];
  const lines = content.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function readText(path: string, backend: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw ioError(backend, path, error as NodeJS.ErrnoException);
  }
}

/** A file without any write bit is read-only on purpose, even for root (who could rename over it). */
async function checkWritable(path: string, mode: number, backend: string): Promise<void> {
  if ((mode & 0o222) === 0) throw new BackendError('readonly', { backend, detail: path });
  try {
    await access(path, constants.W_OK);
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new BackendError('readonly', { backend, detail: path });
  }
}

function ioError(backend: string, path: string, error: NodeJS.ErrnoException): BackendError {
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') {
    return new BackendError('readonly', { backend, detail: path }, { cause: error });
  }
  return new BackendError('io', { backend, detail: `${path} (${error.code ?? error.message})` }, { cause: error });
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* some file systems cannot fsync a directory; the rename itself is still atomic */
  }
}

// --- the lock file ----------------------------------------------------------

interface FileLock {
  release(): Promise<void>;
}

const HOST = hostname();

/**
 * `<file>.lock`, created with O_EXCL. It records pid and host, so a lock left
 * by a crashed process on this host is recognised and taken over at once; one
 * from another host is taken over only when it is much older than any edit.
 */
async function acquireLock(path: string, options: EditOptions): Promise<FileLock> {
  const lockPath = `${path}.lock`;
  const token = `${process.pid}@${HOST}:${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + options.lockTimeoutMs;
  let wait = 5;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return {
        release: async () => {
          const holder = await readFile(lockPath, 'utf8').catch(() => '');
          if (holder === token) await unlink(lockPath).catch(() => {});
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (code !== 'ENOENT' || Date.now() > deadline) throw ioError(options.backend, lockPath, error as NodeJS.ErrnoException);
        // A per-domain file in spamdyke's config-dir may need its folders first.
        await mkdir(dirname(path), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
          throw ioError(options.backend, dirname(path), e);
        });
        continue;
      }
    }
    if (await isStale(lockPath, options.lockTimeoutMs)) {
      await unlink(lockPath).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) throw new BackendError('locked', { backend: options.backend, detail: path });
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 100);
  }
}

async function isStale(lockPath: string, lockTimeoutMs: number): Promise<boolean> {
  const [holder, info] = await Promise.all([
    readFile(lockPath, 'utf8').catch(() => null),
    stat(lockPath).catch(() => null),
  ]);
  if (holder === null || !info) return false;
  const match = /^(\d+)@([^:]*):/.exec(holder);
  if (match && match[2] === HOST && !processAlive(Number(match[1]))) return true;
  // An empty lock file is one being written right now, unless it is old.
  return Date.now() - info.mtimeMs > Math.max(lockTimeoutMs * 3, 60_000);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files a crashed edit left behind (their process is gone). Called under the lock. */
async function sweepTempFiles(path: string): Promise<void> {
  const prefix = `.${basename(path)}.tmp-`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) await unlink(join(dirname(path), name)).catch(() => {});
  }
}

