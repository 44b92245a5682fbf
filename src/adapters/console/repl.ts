/**
 * The terminal console (`npm start` without chat credentials). A line that
 * starts with a command name runs it; anything else is taken as a pasted
 * bounce, collected until an empty line (that is not followed at once by more
 * pasted lines) or Ctrl-D, and explained.
 */
import { createInterface } from 'node:readline';
import { isLang, type Lang } from '../../core/lang.js';
import { tokenize } from '../../core/tokenize.js';
import type { AppServices } from '../../main.js';
import { localRequest } from './local-request.js';
import { renderText } from './render-text.js';

/** A blank line that arrives with more text within this window is part of a paste. */
const PASTE_SETTLE_MS = 40;

const BANNER: Record<Lang, string> = {
  en: 'postmaster console — paste a bounce and end it with an empty line (or Ctrl-D), or type a command ("help" lists them, "quit" leaves).',
  id: 'konsol postmaster — tempel bounce lalu akhiri dengan baris kosong (atau Ctrl-D), atau ketik perintah ("help" untuk daftar, "quit" untuk keluar).',
  de: 'postmaster-Konsole — Bounce einfügen und mit einer Leerzeile (oder Strg-D) abschließen, oder einen Befehl eingeben („help“ listet sie, „quit“ beendet).',
};

const PASTE_NEXT: Record<Lang, string> = {
  en: 'Paste the bounce now and end it with an empty line.',
  id: 'Tempel bounce sekarang dan akhiri dengan baris kosong.',
  de: 'Bounce jetzt einfügen und mit einer Leerzeile abschließen.',
};

/** `--lang de`, `--lang=de`, `de` after `--lang`, `--json`: a token that only qualifies the paste to come. */
function isOption(token: string, index: number, all: string[]): boolean {
  return token.startsWith('-') || (index > 0 && all[index - 1] === '--lang');
}

/**
 * One to three short words with no bounce punctuation (`chekc example.com`, `hello`): meant as a
 * command. Bounce text has codes, colons, addresses or more words.
 */
function looksLikeCommand(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length <= 3 && /^[a-z][a-z-]{1,19}$/i.test(words[0]!) && !/[:@<>;=]|\b\d{3}\b/.test(line);
}

export async function runConsole(
  services: AppServices,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream & { isTTY?: boolean }; env: NodeJS.ProcessEnv },
): Promise<number> {
  let lang: Lang = services.config.lang;
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const write = (s: string) => io.stdout.write(s);
  write(`${BANNER[lang]}\n> `);

  const rl = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  let pasted: string[] = [];
  /** Options typed before a paste (`explain --lang de`, then the bounce): they apply to it. */
  let pasteArgs: string[] = [];
  let settle: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();
  let quit = false;

  const run = (name: string, args: string[], textContent: string) => {
    queue = queue.then(async () => {
      const reply = await services.router.dispatch(name, localRequest('console', lang, args, textContent), services);
      write(renderText(reply, { color }));
      write('> ');
    });
  };

  const flushPaste = () => {
    settle = undefined;
    const textContent = pasted.join('\n').trim();
    const args = pasteArgs;
    pasted = [];
    pasteArgs = [];
    if (textContent) run('explain', args, [...args, textContent].join(' '));
  };

  rl.on('line', (line) => {
    if (settle) {
      clearTimeout(settle);
      settle = undefined;
    }
    if (pasted.length === 0) {
      const trimmed = line.trim();
      if (!trimmed) return;
      const [first = '', ...rest] = tokenize(trimmed);
      const word = first.toLowerCase();
      if (word === 'quit' || word === 'exit') {
        quit = true;
        rl.close();
        return;
      }
      if (word === 'lang' && rest[0] && isLang(rest[0])) {
        lang = rest[0];
        write(`${BANNER[lang]}\n> `);
        return;
      }
      const command = services.router.find(word);
      if (command?.rawText && rest.length > 0 && rest.every(isOption) && !rest.includes('--help')) {
        // `explain --lang de` alone: the bounce comes on the next lines.
        pasteArgs = rest;
        const hint = PASTE_NEXT[lang];
        queue = queue.then(() => void write(`${hint}\n`));
        return;
      }
      if (command) {
        run(word, rest, trimmed.slice(first.length).trim());
        return;
      }
      if (looksLikeCommand(trimmed)) {
        // "chekc example.com" is a typo, not a bounce: the router says there is no such command.
        run(word, rest, '');
        return;
      }
    }
    if (line.trim() === '' ) {
      settle = setTimeout(flushPaste, PASTE_SETTLE_MS);
      pasted.push(line);
      return;
    }
    pasted.push(line);
  });

  await new Promise<void>((resolve) => rl.once('close', resolve));
  if (settle) clearTimeout(settle);
  if (!quit) flushPaste();
  await queue;
  write('\n');
  return 0;
}
