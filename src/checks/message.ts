/**
 * Check sentences as a message key plus values. Checks build results with
 * these; the run renders them into the request's language at the end, so the
 * checks themselves never need to know the language.
 */
import { fill, t, type Lang } from '../core/lang.js';
import { CHECK_MESSAGES, type CheckMessageKey } from './messages/index.js';
import type { CheckResult, PendingResult } from './types.js';

/** A value is plain data (inserted verbatim), a nested message, or a list of messages joined with "; ". */
export type MsgValue = string | number | Msg | Msg[];

export interface Msg {
  key: CheckMessageKey;
  values: Record<string, MsgValue>;
}

export function msg(key: CheckMessageKey, values: Record<string, MsgValue> = {}): Msg {
  return { key, values };
}

function renderValue(value: MsgValue, lang: Lang): string | number {
  if (Array.isArray(value)) return value.map((v) => renderMsg(v, lang)).join('; ');
  return typeof value === 'object' ? renderMsg(value, lang) : value;
}

/** One sentence, rendered now (usage errors, which are thrown rather than collected). */
export function say(lang: Lang, key: CheckMessageKey, values: Record<string, MsgValue> = {}): string {
  return renderMsg(msg(key, values), lang);
}

export function renderMsg(message: Msg, lang: Lang): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values)) values[name] = renderValue(value, lang);
  return fill(t(CHECK_MESSAGES[message.key], lang), values);
}

/** The result as users and `--json` see it: sentences in one language, `fix` empty when nothing needs doing. */
export function renderResult(r: PendingResult, lang: Lang): CheckResult {
  // Key order is the --json contract: code, severity, verdict, evidence, fix (then subject).
  return {
    code: r.code,
    severity: r.severity,
    verdict: renderMsg(r.verdict, lang),
    evidence: r.evidence,
    fix: r.fix ? renderMsg(r.fix, lang) : '',
    ...(r.subject ? { subject: r.subject } : {}),
  };
}
