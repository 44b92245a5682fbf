/**
 * RFC 3464 delivery-status fields, read from text: one group per recipient
 * (Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code …) plus the
 * per-message fields (Reporting-MTA …). Folded lines are joined.
 */

export interface DsnRecipient {
  finalRecipient?: string;
  originalRecipient?: string;
  action?: string;
  status?: string;
  remoteMta?: string;
  diagnosticType?: string;
  diagnostic?: string;
  /** Vendor fields some MTAs add to the group (PowerMTA's bounce category), as "name: value". */
  vendor?: string;
}

export interface DsnReport {
  reportingMta?: string;
  receivedFromMta?: string;
  recipients: DsnRecipient[];
}

const PER_RECIPIENT = new Set([
  'final-recipient', 'original-recipient', 'x-actual-recipient', 'action', 'status', 'remote-mta',
  'diagnostic-code', 'last-attempt-date', 'will-retry-until', 'final-log-id', 'x-powermta-bouncecategory',
]);
const PER_MESSAGE = new Set(['reporting-mta', 'received-from-mta', 'arrival-date', 'original-envelope-id', 'x-postfix-sender', 'x-postfix-queue-id', 'dsn-gateway']);

/** "rfc822; user@example.com" → user@example.com (type prefix and angle brackets removed). */
export function fieldValue(raw: string): string {
  const value = raw.includes(';') ? raw.slice(raw.indexOf(';') + 1) : raw;
  return value.trim().replace(/^<(.*)>$/, '$1').trim();
}

/**
 * A field line and the folded lines after it: `Name: value` from a line's start (after a line feed
 * only: ^ alone also stops after U+2028), white space within the line, a value of what `.` matches
 * up to the line's end (else it is no field). Searched over the whole text at once: most lines are
 * prose, and a loop of ours over each runs unoptimised in a batch (see commands/explain.ts).
 */
const FIELD_LINE = /^(?<![^\n])([A-Za-z][A-Za-z0-9-]*)[^\S\n]*:[^\S\n]?([^\n\r\u2028\u2029]*)(?![^\n])((?:\n[ \t]+\S[^\n]*)*)/gm;

/** True when the text holds at least one RFC 3464 per-recipient group. */
export function hasDsnFields(text: string): boolean {
  return /^(?:final-recipient|original-recipient)\s*:/im.test(text) && /^(?:action|status|diagnostic-code)\s*:/im.test(text);
}

export function parseDsnFields(text: string): DsnReport {
  const report: DsnReport = { recipients: [] };
  const fields: Array<{ key: string; value: string }> = [];
  for (const m of text.matchAll(FIELD_LINE)) {
    const key = m[1]!.toLowerCase();
    if (!PER_RECIPIENT.has(key) && !PER_MESSAGE.has(key)) continue;
    let value = m[2]!;
    // Folded lines continue the value, each trimmed and joined by a space.
    if (m[3]) for (const line of m[3].slice(1).split('\n')) value += ` ${line.trim()}`;
    fields.push({ key, value });
  }

  let current: DsnRecipient | null = null;
  let seen = new Set<string>();
  for (const { key, value } of fields) {
    if (PER_MESSAGE.has(key)) {
      if (key === 'reporting-mta') report.reportingMta ??= fieldValue(value);
      if (key === 'received-from-mta') report.receivedFromMta ??= fieldValue(value);
      continue;
    }
    // A field seen twice starts the next recipient's group (groups come in any field order).
    if (!current || seen.has(key)) {
      current = {};
      seen = new Set();
      report.recipients.push(current);
    }
    seen.add(key);
    switch (key) {
      case 'final-recipient': current.finalRecipient = fieldValue(value); break;
      case 'original-recipient': current.originalRecipient = fieldValue(value); break;
      case 'x-actual-recipient': current.originalRecipient ??= fieldValue(value); break;
      case 'action': current.action = value.trim().toLowerCase().split(/\s/)[0]; break;
      case 'status': current.status = value.trim().split(/\s/)[0]; break;
      case 'remote-mta': current.remoteMta = fieldValue(value); break;
      case 'x-powermta-bouncecategory': current.vendor = `${key}: ${value.trim()}`; break;
      case 'diagnostic-code': {
        const semi = value.indexOf(';');
        if (semi > 0 && semi < 20 && /^[A-Za-z0-9-]+$/.test(value.slice(0, semi).trim())) {
          current.diagnosticType = value.slice(0, semi).trim().toUpperCase();
          current.diagnostic = value.slice(semi + 1).trim();
        } else {
          current.diagnostic = value.trim();
        }
        break;
      }
    }
  }
  return report;
}
