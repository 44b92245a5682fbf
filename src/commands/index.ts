/**
 * Every command the router knows, for every face. Add a command by adding its
 * module here; nothing else needs to change.
 */
import type { Command } from '../core/command.js';
import { catalogCommand } from './catalog.js';
import { helpCommand } from './help.js';

export function createCommands(): Command[] {
  return [
    helpCommand,
    catalogCommand,
  ];
}
