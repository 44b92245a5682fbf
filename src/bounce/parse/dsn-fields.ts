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

/** The line's leading [A-Za-z][A-Za-z0-9-]* run, lower case ('' when it starts otherwise). */
function fieldName(line: string): string {
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!letter(line.charCodeAt(0))) return '';
  let end = 1;
  for (; end < line.length && end < 40; end++) {
    const c = line.charCodeAt(end);
    if (!letter(c) && !(c >= 48 && c <= 57) && c !== 45) break;
  }
  return line.slice(0, end).toLowerCase();
}

/** True when the text holds at least one RFC 3464 per-recipient group. */
export function hasDsnFields(text: string): boolean {
  return /^(?:final-recipient|original-recipient)\s*:/im.test(text) && /^(?:action|status|diagnostic-code)\s*:/im.test(text);
}

export function parseDsnFields(text: string): DsnReport {
  const report: DsnReport = { recipients: [] };
  const fields: Array<{ key: string; value: string }> = [];
  let folding = false;
  for (const line of text.split('\n')) {
    if (folding && /^[ \t]+\S/.test(line)) {
      fields[fields.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    // Most lines are prose: their leading word is no field name, and the expression below need not run.
    const name = fieldName(line);
    if (!PER_RECIPIENT.has(name) && !PER_MESSAGE.has(name)) {
      folding = false;
      continue;
    }
    // The name is the line's whole leading run, so it is the field's key when a colon follows it.
    const m = /^[A-Za-z][A-Za-z0-9-]*\s*:\s?(.*)$/.exec(line);
    folding = m !== null;
    if (m) fields.push({ key: name, value: m[1]! });
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
