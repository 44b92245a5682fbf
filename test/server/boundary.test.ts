/**
 * Import boundaries (after vercel/chat's boundary tests): only the Slack
 * adapter imports Slack SDKs, only the Teams adapter imports botbuilder (so
 * the end-of-life SDK can be swapped in one folder), and core, commands and
 * domain folders import no adapter or server code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

const all = files(SRC).map((path) => ({ path: relative(SRC, path), imports: imports(path) }));

describe('import boundaries', () => {
  it('botbuilder is imported only under src/adapters/teams', () => {
    const offenders = all.filter((f) => !f.path.startsWith('adapters/teams/') && f.imports.some((i) => /^botbuilder|^botframework/.test(i)));
    assert.deepEqual(offenders.map((f) => f.path), []);
  });

  it('Slack SDKs are imported only under src/adapters/slack', () => {
    const offenders = all.filter((f) => !f.path.startsWith('adapters/slack/') && f.imports.some((i) => i.startsWith('@slack/')));
    assert.deepEqual(offenders.map((f) => f.path), []);
  });

  it('core, commands and domain folders import no adapter or server code', () => {
    const guarded = /^(core|commands|catalog|bounce|checks|backends|logs|digest|access|store|config)\//;
    const offenders = all.filter((f) => guarded.test(f.path) && f.imports.some((i) => /\/(adapters|server)\//.test(i)));
    assert.deepEqual(offenders.map((f) => `${f.path}: ${f.imports.filter((i) => /\/(adapters|server)\//.test(i)).join(', ')}`), []);
  });

  it('the shared chat helpers import no SDK', () => {
    const offenders = all.filter((f) => f.path.startsWith('adapters/chat/') && f.imports.some((i) => /^(@slack\/|botbuilder)/.test(i)));
    assert.deepEqual(offenders.map((f) => f.path), []);
  });
});
