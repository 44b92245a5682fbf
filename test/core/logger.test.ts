/**
 * The lazy process logger: records below the level cost nothing (pino is not
 * even loaded for them); records at or above it are written, secrets redacted.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { createLogger } from '../../src/core/logger.js';

const pinoLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\/]pino[\\/]/.test(path));

function captureStderr(run: () => void): string {
  const write = process.stderr.write;
  let written = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    run();
  } finally {
    process.stderr.write = write;
  }
  return written;
}

describe('logger', () => {
  it('drops records below its level without loading pino, and writes the others as lines', () => {
    const logger = createLogger({ level: 'info', destination: 'stderr', format: 'line' });
    assert.equal(captureStderr(() => logger.debug({ files: 3 }, 'not shown')), '');
    assert.equal(pinoLoaded(), false);
    const written = captureStderr(() => logger.warn({ err: { message: 'boom\nstack' } }, 'store slow'));
    assert.equal(written, 'postmaster: warn: store slow: boom\n');
    assert.equal(pinoLoaded(), true);
  });

  it('a silent logger writes nothing, errors included', () => {
    const logger = createLogger({ level: 'silent', destination: 'stderr', format: 'line' });
    assert.equal(captureStderr(() => logger.error('not shown')), '');
  });
});
