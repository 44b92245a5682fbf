#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it through the "prepare" script): the bundle of it
// when it is current, else dist/cli.js itself (see scripts/bundle.mjs).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function bundleIsCurrent() {
  try {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const inputs = JSON.parse(readFileSync(`${root}dist/bundle/inputs.json`, 'utf8'));
    return inputs.every(({ file, size, mtimeMs }) => {
      const info = statSync(root + file);
      return info.size === size && info.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

await import(bundleIsCurrent() ? '../dist/bundle/cli.js' : '../dist/cli.js');
