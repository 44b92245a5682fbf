/** The digest's chat shorthand: "/digest 7d", "/digest 2026-03-14", "/digest today" — anything else is a sentence, not silence. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli.js';

describe('digest shorthand', () => {
  it('takes a duration or a date as its one positional argument', async () => {
    const week = await cli(['digest', '7d', '--json']);
    assert.equal(week.code, 0, week.stderr);
    const { from, to } = JSON.parse(week.stdout) as { from: string; to: string };
    assert.ok(Date.parse(to) - Date.parse(from) >= 7 * 24 * 3600 * 1000 - 3600 * 1000);
    const day = await cli(['digest', '2026-03-14', '--json']);
    assert.equal(day.code, 0, day.stderr);
    assert.match(JSON.parse(day.stdout).from, /^2026-03-1[34]T/);
  });

  it('refuses a word it does not understand with a sentence that says what works', async () => {
    const run = await cli(['digest', 'yesterday']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"yesterday" is not a day or a duration; use today, a date like 2026-03-14/);
  });
});
