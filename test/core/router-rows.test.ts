/**
 * Streamed rows (Reply.rows): a producer that fails part-way ends its stream with the sentence and
 * exit status a command that threw would have answered with, after the rows it did produce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import type { RowsOutcome } from '../../src/core/reply.js';
import { Router } from '../../src/core/router.js';
import type { Services } from '../../src/core/services.js';
import { localRequest } from '../../src/adapters/console/local-request.js';

function streaming(fail: Error | null): Command {
  return {
    name: 'rows',
    summary: { en: 'Streams rows.', id: 'Streams rows.', de: 'Streams rows.' },
    usage: 'rows',
    async run() {
      async function* rows(): AsyncGenerator<unknown, RowsOutcome, undefined> {
        yield { n: 1 };
        yield { n: 2 };
        if (fail) throw fail;
        return { errors: [], exitCode: 0 };
      }
      return { severity: 'info', parts: [], jsonLines: true, rows: rows() };
    },
  };
}

async function drain(rows: AsyncGenerator<unknown, RowsOutcome, undefined>): Promise<{ rows: unknown[]; outcome: RowsOutcome }> {
  const seen: unknown[] = [];
  for (;;) {
    const next = await rows.next();
    if (next.done) return { rows: seen, outcome: next.value };
    seen.push(next.value);
  }
}

const services = { logger: pino({ level: 'silent' }) } as unknown as Services;
const request = localRequest('cli', 'en', ['--json'], '--json');

describe('streamed rows', () => {
  it('pass through the router with the outcome their producer returns', async () => {
    const reply = await new Router([streaming(null)]).dispatch('rows', request, services);
    assert.equal(reply.asJson, true);
    assert.deepEqual(await drain(reply.rows!), { rows: [{ n: 1 }, { n: 2 }], outcome: { errors: [], exitCode: 0 } });
  });

  it('end with the usage sentence (exit 2) when their producer refuses part-way', async () => {
    const reply = await new Router([streaming(new UsageError('Nothing in that folder can be read.'))]).dispatch('rows', request, services);
    assert.deepEqual(await drain(reply.rows!), { rows: [{ n: 1 }, { n: 2 }], outcome: { errors: ['Nothing in that folder can be read.'], exitCode: 2 } });
  });

  it('end with "something went wrong" (exit 1) when their producer fails', async () => {
    const reply = await new Router([streaming(new Error('disk on fire'))]).dispatch('rows', request, services);
    const { rows, outcome } = await drain(reply.rows!);
    assert.equal(rows.length, 2);
    assert.equal(outcome.exitCode, 1);
    assert.match(outcome.errors[0]!, /^Something went wrong while running "rows"; the error was logged/);
    assert.doesNotMatch(outcome.errors[0]!, /disk on fire/);
  });
});
