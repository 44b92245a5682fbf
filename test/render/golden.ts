/** Compares rendered output with a committed golden file; UPDATE_GOLDEN=1 rewrites the file instead. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'golden');

export function assertGolden(name: string, actual: unknown): void {
  const file = join(DIR, `${name}.json`);
  const rendered = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, rendered);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${name}.json was missing and has been written; review and commit it, then run again`);
    return;
  }
  assert.deepEqual(JSON.parse(rendered), JSON.parse(readFileSync(file, 'utf8')), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept a deliberate change)`);
}
