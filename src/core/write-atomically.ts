/** How the build writes what a process reads at start (snapshots, the classifier index, the manifest). */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Writes `data` beside `target`, then renames it into place: a reader sees the old file or the new one, never half of one. */
export function writeFileAtomically(target: URL | string, data: string | Uint8Array): void {
  const path = typeof target === 'string' ? target : fileURLToPath(target);
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}
