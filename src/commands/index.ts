/**
 * Every command the router knows, for every face. Add a command by adding its
 * module here; nothing else needs to change.
 */
import type { Command } from '../core/command.js';
import { catalogCommand } from './catalog.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { helpCommand } from './help.js';
import { ingestCommand } from './ingest.js';
import { digestCommand } from './digest.js';
import { quarantineCommand } from './quarantine.js';
import { allowCommand, blockCommand } from './allow-block.js';
import { auditCommand } from './audit.js';

export function createCommands(): Command[] {
  return [
    helpCommand,
    explainCommand,
    catalogCommand,
    checkCommand,
    ingestCommand,
    digestCommand,
    quarantineCommand,
    allowCommand,
    blockCommand,
    auditCommand,
  ];
}
