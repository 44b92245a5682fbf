/** Year inference and zones for classic syslog stamps. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogClock } from '../../src/logs/clock.js';

const DAY = 86_400_000;

describe('year inference', () => {
  it('puts a December line read on New Year into the previous year', () => {
    const clock = new LogClock(Date.UTC(2026, 0, 1, 0, 10), 'UTC');
    assert.equal(clock.bsd('Dec 31 23:59:00'), Date.UTC(2025, 11, 31, 23, 59));
    assert.equal(clock.bsd('Jan  1 00:05:00'), Date.UTC(2026, 0, 1, 0, 5));
  });
  it('puts a January line read on New Year\'s Eve into the next year', () => {
    const clock = new LogClock(Date.UTC(2025, 11, 31, 23, 59, 30), 'UTC');
    assert.equal(clock.bsd('Jan  1 00:00:05'), Date.UTC(2026, 0, 1, 0, 0, 5));
    assert.equal(clock.bsd('Dec 31 23:59:00'), Date.UTC(2025, 11, 31, 23, 59));
  });
  it('uses the reference year for earlier dates and the year before for later ones', () => {
    const ref = Date.UTC(2026, 10, 26, 7);
    const clock = new LogClock(ref, 'UTC');
    assert.equal(clock.bsd('Mar  3 00:09:10'), Date.UTC(2026, 2, 3, 0, 9, 10));
    assert.equal(clock.bsd('Nov 28 10:00:00'), Date.UTC(2025, 10, 28, 10));
  });
  it('never puts an event more than a day after the reference, for every day of the year', () => {
    const ref = Date.UTC(2024, 1, 29, 12); // a leap day
    const clock = new LogClock(ref, 'UTC');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (let m = 0; m < 12; m++) {
      for (let d = 1; d <= 31; d++) {
        const stamp = `${months[m]} ${String(d).padStart(2, ' ')} 23:59:59`;
        const time = clock.bsd(stamp);
        if (Number.isNaN(time)) continue;
        assert.ok(time <= ref + DAY, `${stamp} landed in the future`);
        assert.ok(time > ref - 366 * DAY, `${stamp} landed more than a year back`);
      }
    }
  });
  it('puts Feb 29 into the last leap year', () => {
    const clock = new LogClock(Date.UTC(2026, 5, 1), 'UTC');
    assert.equal(clock.bsd('Feb 29 10:00:00'), Date.UTC(2024, 1, 29, 10));
  });
  it('reads wall-clock stamps in the configured zone', () => {
    const clock = new LogClock(Date.UTC(2026, 5, 1), 'Asia/Jakarta');
    assert.equal(clock.bsd('Mar  3 07:00:00'), Date.UTC(2026, 2, 3, 0, 0));
    const berlin = new LogClock(Date.UTC(2026, 7, 1), 'Europe/Berlin');
    assert.equal(berlin.bsd('Jul  1 12:00:00'), Date.UTC(2026, 6, 1, 10), 'summer time (UTC+2)');
    assert.equal(berlin.dateTime('2026-01-15 12:00:00'), Date.UTC(2026, 0, 15, 11), 'winter time (UTC+1)');
  });
  it('rejects impossible stamps with NaN', () => {
    const clock = new LogClock(Date.now(), 'UTC');
    for (const s of ['Foo  1 00:00:00', 'Mar 32 00:00:00', 'Mar  1 25:00:00', 'Mar  1 00:61:00', 'Mar  1 0a:00:00']) assert.ok(Number.isNaN(clock.bsd(s)), s);
  });
});
