/**
 * Auto-detection: the first line that carries a format's signature decides
 * the format of the whole file (a file holds one MTA's log).
 */
import type { LogClock } from './clock.js';
import { parseEximLine } from './exim.js';
import { parsePostfixLine } from './postfix.js';
import { parseSpamdykeLine } from './spamdyke.js';
import type { LineResult, LogFormat } from './types.js';

const EXIM_STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: [+-]\d{4})? (?:\[\d+\] )?(?:[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} )?(?:<=|=>|->|\*>|==|\*\*|H=|SMTP |Completed|Start queue|no host name|TLS error|rejected|\S+ ?rejected)/;

export function detectFormat(line: string): LogFormat | null {
  if (/ spamdyke\[\d+\]: [A-Z_]+ from: /.test(line)) return 'spamdyke';
  if (/ postfix(?:-[\w-]+)?\/[\w/-]+\[\d+\]: /.test(line)) return 'postfix';
  if (EXIM_STAMP.test(line) || / exim\d*\[\d+\]: /.test(line)) return 'exim';
  return null;
}

export type LineParser = (line: string) => LineResult;

export function parserFor(format: LogFormat, clock: LogClock): LineParser {
  switch (format) {
    case 'postfix': return (line) => parsePostfixLine(line, clock);
    case 'exim': return (line) => parseEximLine(line, clock);
    case 'spamdyke': return (line) => parseSpamdykeLine(line, clock);
  }
}
