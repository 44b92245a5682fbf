/** Spike, back-to-normal and silence alerts, with their noise control. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import { checkAlerts } from '../../src/digest/alerts.js';
import { makeServices } from '../logs/helpers.js';
import { addCounts } from './counts-helper.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 12, 0); // Thursday

describe('alerts', () => {
  it('alerts once, again only when the rate doubles, then says back to normal once', async () => {
    const services = makeServices();
    const key = 'blocked:zen.spamhaus.org';
    for (let d = 1; d <= 14; d++) for (const h of [14, 15]) await addCounts(services.store, 'mx1', key, T0 - d * 24 * H + h * H, 10);
    await addCounts(services.store, 'mx1', key, T0 + 14 * H, 100);
    const posted: Reply[] = [];
    const deliver = async (reply: Reply) => void posted.push(reply);

    await checkAlerts(services, deliver, T0 + 14 * H + 20 * 60_000);
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.summary, 'RBL zen.spamhaus.org on mx1: 100 rejects 14:00–15:00, typical for a weekday at this hour is 10 (10.0×)');
    assert.match(posted[0]!.actions?.[0]?.command ?? '', /^check 198\.51\.100\.[01]$/, 'a button to check the top IP');

    await checkAlerts(services, deliver, T0 + 14 * H + 25 * 60_000);
    assert.equal(posted.length, 1, 'within the cooldown: quiet');
    await addCounts(services.store, 'mx1', key, T0 + 14 * H, 150);
    await checkAlerts(services, deliver, T0 + 14 * H + 30 * 60_000);
    assert.equal(posted.length, 1, 'growing, but the hourly rate has not doubled');
    await addCounts(services.store, 'mx1', key, T0 + 14 * H, 450);
    await checkAlerts(services, deliver, T0 + 14 * H + 31 * 60_000);
    assert.equal(posted.length, 2, 'the rate doubled: a second alert');
    assert.match(posted[1]!.summary!, /700 rejects/);

    await addCounts(services.store, 'mx1', key, T0 + 15 * H, 10);
    await checkAlerts(services, deliver, T0 + 16 * H + 5 * 60_000);
    assert.equal(posted.length, 3);
    assert.match(posted[2]!.title!, /^Back to normal: RBL zen\.spamhaus\.org on mx1/);
    await checkAlerts(services, deliver, T0 + 16 * H + 10 * 60_000);
    assert.equal(posted.length, 3, 'back to normal is said once');
  });

  it('raises a silence alert when a busy server logs nothing for two hours', async () => {
    const services = makeServices({ config: { lang: 'de' } });
    for (let d = 1; d <= 7; d++) for (let h = 0; h < 24; h++) await addCounts(services.store, 'mx2', 'greylisted', T0 - d * 24 * H + h * H, 60);
    for (let h = 0; h < 8; h++) await addCounts(services.store, 'mx2', 'greylisted', T0 + h * H, 60);
    const posted: Reply[] = [];
    const deliver = async (reply: Reply) => void posted.push(reply);
    await checkAlerts(services, deliver, T0 + 9 * H + 30 * 60_000);
    assert.equal(posted.length, 0, 'one quiet hour is not yet silence');
    await checkAlerts(services, deliver, T0 + 10 * H + 5 * 60_000);
    assert.equal(posted.length, 1);
    assert.match(posted[0]!.summary!, /^mx2 hat 2 Stunden lang \(08:00–10:00\) keine Ablehnung protokolliert, üblich sind etwa 60 pro Stunde/);
    await checkAlerts(services, deliver, T0 + 10 * H + 10 * 60_000);
    assert.equal(posted.length, 1, 'once per cooldown');
  });
});
