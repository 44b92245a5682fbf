/**
 * Turns what a person typed in a chat (a DM, an @mention, a slash command's
 * text, a button's command) into a command name, arguments and raw text — the
 * same rule as the console: a first word that names a command runs it,
 * anything else is a bounce to explain.
 */
import { tokenize } from '../../core/tokenize.js';
import type { Router } from '../../core/router.js';

export interface ParsedCommand {
  name: string;
  args: string[];
  /** The raw text after the command name (a pasted bounce keeps its line breaks). */
  text: string;
}

/**
 * Arguments for a command. A command that reads raw text (explain) gets only
 * the leading options as arguments (`--lang de --json`), so a pasted bounce
 * holding "--- failed ---" is never taken for an option; the rest stays text.
 */
export function commandInput(router: Router, name: string, rest: string): ParsedCommand {
  const command = router.find(name);
  const canonical = command?.name ?? name;
  if (!command?.rawText) return { name: canonical, args: tokenize(rest), text: rest.trim() };
  const args: string[] = [];
  let remaining = rest.replace(/^[ \t]+/, '');
  for (;;) {
    const option = /^(--?[a-z][\w-]*)(?:=(\S+))?(?=[ \t\n]|$)[ \t]*/i.exec(remaining);
    if (!option) break;
    const flag = option[1]!;
    args.push(option[2] === undefined ? flag : `${flag}=${option[2]}`);
    remaining = remaining.slice(option[0].length);
    const spec = command.options?.[flag.replace(/^-+/, '')];
    const takesValue = flag === '--lang' || spec?.type === 'string';
    if (takesValue && option[2] === undefined) {
      const value = /^(\S+)[ \t]*/.exec(remaining);
      if (!value) break;
      args.push(value[1]!);
      remaining = remaining.slice(value[0].length);
    }
  }
  return { name: canonical, args, text: remaining.trim() };
}

/** The command a line starts with; null when its first word names no command. */
export function parseCommandLine(router: Router, line: string): ParsedCommand | null {
  const trimmed = line.trim();
  const firstWord = /^\S+/.exec(trimmed)?.[0] ?? '';
  if (!firstWord || !router.find(firstWord)) return null;
  return commandInput(router, firstWord, trimmed.slice(firstWord.length));
}

/** Free text: a command when it starts with one, otherwise the text is a bounce to explain. */
export function interpretText(router: Router, textContent: string): ParsedCommand {
  return parseCommandLine(router, textContent) ?? { name: 'explain', args: [], text: textContent.trim() };
}
