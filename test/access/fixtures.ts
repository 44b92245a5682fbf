/** A small world for access tests: a maildir quarantine with mail for two customer domains, spamdyke lists, an SMTP sink. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../backends/harness.js';

export const MESSAGES = {
  a: { name: 'msg-a', from: 'offers@vendor.test', to: 'anna@a.test', subject: 'Quote for A' },
  b: { name: 'msg-b', from: 'offers@vendor.test', to: 'bert@b.test', subject: 'Quote for B' },
} as const;

export function world(smtpPort: number) {
  const root = tempDir('pm-access-');
  const quarantine = join(root, 'quarantine');
  mkdirSync(quarantine);
  for (const m of Object.values(MESSAGES)) {
    writeFileSync(join(quarantine, `${m.name}.eml`), `From: ${m.from}\r\nTo: ${m.to}\r\nSubject: ${m.subject}\r\n\r\nHello\r\n`);
    writeFileSync(join(quarantine, `${m.name}.json`), JSON.stringify({ from: m.from, to: [m.to], receivedAt: new Date(Date.now() - 600_000).toISOString() }));
  }
  const senders = join(root, 'whitelist_senders');
  const blocked = join(root, 'blacklist_senders');
  writeFileSync(senders, '# global allow list\n');
  writeFileSync(blocked, '');
  const backends = {
    quarantine: 'maildir',
    lists: 'spamdyke',
    timeoutMs: 3000,
    maildir: { dir: quarantine, relay: { host: '127.0.0.1', port: smtpPort } },
    spamdyke: { files: { allow: { sender: senders }, block: { sender: blocked } }, configDir: join(root, 'config-dir') },
  };
  return { root, quarantine, senders, blocked, backends, configDir: join(root, 'config-dir') };
}
