/** Builds the configured quarantine and list backends (or none) from the config. */
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { MaildirQuarantine } from './maildir/quarantine.js';
import { PmgClient } from './proxmox/pmg-client.js';
import { ProxmoxLists } from './proxmox/lists.js';
import { ProxmoxQuarantine } from './proxmox/quarantine.js';
import { resolveLayout } from './spamdyke/conf.js';
import { SpamdykeLists } from './spamdyke/spamdyke-lists.js';
import { SpamExpertsLists } from './spamexperts/panel-lists.js';
import { SpamExpertsQuarantine } from './spamexperts/quarantine.js';
import type { Backends } from './types.js';

export function createBackends(config: Config): Backends {
  const b = config.backends;
  const timeoutMs = b.timeoutMs;
  // The schema guarantees these settings exist for the backends that are chosen.
  const se = b.spamexperts;
  const pmg = b.proxmox;
  let pmgClient: PmgClient | undefined;
  const pmgShared = () => (pmgClient ??= new PmgClient({ url: pmg!.url!, username: pmg!.username!, password: pmg!.password!, timeoutMs }));

  let quarantine: Backends['quarantine'] = null;
  switch (b.quarantine) {
    case 'spamexperts':
      quarantine = new SpamExpertsQuarantine({ url: se!.url!, username: se!.username!, password: se!.password!, timeoutMs });
      break;
    case 'proxmox':
      quarantine = new ProxmoxQuarantine(pmgShared());
      break;
    case 'maildir':
      quarantine = new MaildirQuarantine({ dir: resolve(b.maildir!.dir!), relay: b.maildir!.relay, timeoutMs });
      break;
    case 'none':
      break;
  }

  let lists: Backends['lists'] = null;
  switch (b.lists) {
    case 'spamexperts':
      lists = new SpamExpertsLists({
        url: se!.panelUrl ?? se!.url!,
        username: se!.panelUsername ?? se!.username!,
        password: se!.panelPassword ?? se!.password!,
        timeoutMs,
      });
      break;
    case 'proxmox':
      lists = new ProxmoxLists(pmgShared(), pmg!.legacyListNames);
      break;
    case 'spamdyke': {
      const s = b.spamdyke!;
      lists = new SpamdykeLists({ layout: resolveLayout(s), backupDir: s.backupDir, lockTimeoutMs: s.lockTimeoutMs });
      break;
    }
    case 'none':
      break;
  }
  return { quarantine, lists };
}
