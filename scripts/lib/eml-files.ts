/** The .eml files a benchmark, an evaluation or a test walks (the Sisimai corpus by default). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .eml file under `dir`, in a stable order: each folder's names sorted, folders depth first. */
export function emlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? emlFiles(path) : name.endsWith('.eml') ? [path] : [];
  });
}
