/**
 * The neutral Reply: what a command answers, before any platform formats it.
 *
 * Every string in a Reply is plain text. Renderers escape it for their target
 * (Slack mrkdwn, Adaptive Card markdown, ANSI terminal), so text that came from
 * mail or from users can never ping a channel or change the layout. Styling is
 * expressed structurally (Inline spans, part kinds), never as markup in strings.
 */
import type { Lang } from './lang.js';

export type Severity = 'ok' | 'info' | 'warn' | 'error';

/** A run of inline text; a bare string is plain text. */
export type Inline = string | { text: string; style?: 'bold' | 'italic' | 'code'; href?: string };

export type Part =
  | { kind: 'text'; content: Inline[] }
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; fields: Array<{ label: string; value: string }> }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  /** A list of findings, each with its own severity (check results, audit rows). */
  | { kind: 'items'; items: Array<{ severity: Severity | 'unknown'; title: string; detail?: string }> }
  | { kind: 'code'; text: string; language?: string }
  | { kind: 'image'; alt: string; url?: string; png?: Uint8Array; title?: string }
  | { kind: 'context'; content: Inline[] }
  | { kind: 'divider' };

export interface Confirm {
  title: string;
  text: string;
  confirmLabel: string;
  denyLabel: string;
}

/**
 * A button. `command` is what the router runs when it is pressed, exactly as a
 * person would type it (e.g. "check 203.0.113.5"). A state-changing action
 * carries a single-use `token` that the command checks; `confirm` asks the
 * platform to show a dialog first.
 */
export interface Action {
  id: string;
  label: string;
  command: string;
  style?: 'primary' | 'danger';
  confirm?: Confirm;
}

export interface Reply {
  severity: Severity;
  title?: string;
  parts: Part[];
  actions?: Action[];
  /** Language the reply was written in. */
  lang?: Lang;
  /** Machine-readable result; the CLI prints it for --json. */
  data?: unknown;
  /** `data` is an array printed as JSON Lines (one object per input) rather than one document. */
  jsonLines?: boolean;
  /**
   * JSON Lines still being produced, instead of `data`: the CLI prints each row as it comes, then
   * the outcome the iteration returns. Only a CLI run gets one (`explain --json` of a batch of
   * files): held until the last, a batch's answers cost the collector more the longer the batch.
   */
  rows?: AsyncGenerator<unknown, RowsOutcome, undefined>;
  /** Set by the router when the request asked for --json. */
  asJson?: boolean;
  /** Process exit status for the CLI: 0 done, 1 refused/failed, 2 bad input. */
  exitCode?: 0 | 1 | 2;
  /** Sentences about inputs that could not be handled while others were; the CLI prints them on stderr. */
  errors?: string[];
  /** Short plain-text summary for notifications and platform fallbacks. */
  summary?: string;
}

/** How streamed rows ended: sentences about inputs without a row (printed on stderr) and the exit status. */
export interface RowsOutcome {
  errors: string[];
  exitCode: 0 | 1 | 2;
}

/** Small helpers so commands read as prose. */
export const text = (...content: Inline[]): Part => ({ kind: 'text', content });
export const context = (...content: Inline[]): Part => ({ kind: 'context', content });
export const bold = (value: string): Inline => ({ text: value, style: 'bold' });
export const code = (value: string): Inline => ({ text: value, style: 'code' });
export const link = (value: string, href: string): Inline => ({ text: value, href });

/** One-sentence error reply for bad input (exit 2) or a refusal (exit 1). */
export function errorReply(message: string, exitCode: 1 | 2 = 2, title?: string): Reply {
  return {
    severity: 'error',
    ...(title ? { title } : {}),
    parts: [text(message)],
    exitCode,
    summary: message,
  };
}

/** Plain text of inline runs, for fallbacks and summaries. */
export function plain(content: Inline[]): string {
  return content.map((run) => (typeof run === 'string' ? run : run.text)).join('');
}
