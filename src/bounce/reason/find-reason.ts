/**
 * Decides the reason of one record the way Sisimai 5 does (reason.Find and
 * anotherone in go-sisimai), so that our answers can be measured against it:
 * the reasons are probed in a fixed order, each by its status code, its
 * wording and the SMTP command, with fall-backs on the status class, the
 * Action field and the command. The wording comes from the catalogue
 * (the generic entries' phrases, found by the classifier); the order and the rules are here.
 */
import type { Reason } from '../../catalog/types.js';
import type { BounceRecord } from '../types.js';
import { statusReason } from './status-reasons.js';
import { normalizeForMatch } from '../normalize.js';

/** Reasons a later probe may overrule. */
const RETRIED = new Set<Reason>(['undefined', 'onhold', 'systemerror', 'securityerror', 'expired', 'networkerror', 'hostunknown', 'userunknown']);

const PROBE_ORDER: Reason[] = [
  'mailboxfull', 'mesgtoobig', 'exceedlimit', 'suspend', 'hasmoved', 'norelaying', 'authfailure',
  'userunknown', 'filtered', 'requireptr', 'notcompliantrfc', 'badreputation', 'contenterror',
  'rejected', 'hostunknown', 'spamdetected', 'speeding', 'toomanyconn', 'blocked',
];

const WORDING_ORDER: Reason[] = [
  'mailboxfull', 'authfailure', 'badreputation', 'speeding', 'spamdetected', 'virusdetected',
  'policyviolation', 'norelaying', 'systemerror', 'networkerror', 'suspend', 'contenterror',
  'systemfull', 'notaccept', 'expired', 'failedstarttls', 'securityerror', 'mailererror',
];

const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT']);
const REJECTED_IS_NOT = ['5.1.0 address rejected', 'recipient address rejected', 'sender ip address rejected'];

export interface Fact {
  status: string;
  diagnostic: string;
  diagnosticType: string;
  command: string;
  replyCode: string;
  action: string;
  preset?: Reason;
  /** A paste without its SMTP command: the command is unknown, not "after DATA". */
  pasted?: boolean;
}

/** `diagnostic`: the record's diagnostic already normalised (normalizeForMatch), when the caller has it. */
export function factOf(record: BounceRecord, diagnostic = normalizeForMatch(record.diagnostic ?? '')): Fact {
  return {
    status: record.status ?? '',
    diagnostic,
    diagnosticType: record.diagnosticType ?? '',
    command: record.command ?? '',
    replyCode: record.replyCode ?? '',
    action: record.action ?? '',
    ...(record.presetReason ? { preset: record.presetReason } : {}),
    ...(record.pasted && !record.command ? { pasted: true } : {}),
  };
}

function explicit(reason: string | undefined): boolean {
  return Boolean(reason) && reason !== 'undefined' && reason !== 'onhold';
}

export class ReasonFinder {
  /** The reasons whose wording (the catalogue's generic entries) the diagnostic uses, for the record being decided. */
  private wording = new Set<Reason>();

  private says(reason: Reason, text: string): boolean {
    if (reason === 'rejected' && REJECTED_IS_NOT.some((p) => text.includes(p))) return false;
    return this.wording.has(reason);
  }

  /** One reason's probe (ProbesInto): status code, wording and command together. */
  private probe(reason: Reason, f: Fact): boolean {
    if (f.preset === reason) return true;
    const byStatus = statusReason(f.status);
    const text = f.diagnostic;
    switch (reason) {
      case 'userunknown':
        if (byStatus === 'userunknown') {
          return !(['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept'] as Reason[]).some((r) => this.says(r, text));
        }
        // Sisimai believes user-unknown wording only for RCPT; a pasted line rarely says its command,
        // and "no such user" there means the address, whatever the status code says (5.7.1).
        return (f.command === 'RCPT' || Boolean(f.pasted)) && this.says('userunknown', text);
      case 'filtered':
        if (byStatus === 'filtered') return this.says('userunknown', text) || this.says('filtered', text);
        if (BEFORE_DATA.has(f.command)) return false;
        if (f.pasted) return this.says('filtered', text);
        return this.says('filtered', text) || this.says('userunknown', text);
      case 'rejected': {
        if (byStatus === 'rejected') return true;
        const temp = byStatus ?? 'undefined';
        if (f.command === 'MAIL') return this.says('rejected', text);
        if (f.command === 'DATA' && temp !== 'userunknown') return this.says('rejected', text);
        if (!explicit(temp) || temp === 'securityerror' || temp === 'systemerror') return this.says('rejected', text);
        return false;
      }
      case 'hostunknown':
        if (byStatus === 'hostunknown') return !this.says('networkerror', text);
        return this.says('hostunknown', text);
      case 'mesgtoobig':
        if (byStatus === 'mesgtoobig') return true;
        if (byStatus === 'exceedlimit' || f.status === '5.2.3') return false;
        return this.says('mesgtoobig', text);
      case 'norelaying':
        if (['CONN', 'EHLO', 'HELO'].includes(f.command)) return false;
        return this.says('norelaying', text);
      case 'suspend':
        return f.replyCode === '525' || this.says('suspend', text);
      case 'hasmoved':
        return this.says('hasmoved', text);
      case 'spamdetected':
        if (!f.status) return false;
        if (byStatus === 'spamdetected') return true;
        if (BEFORE_DATA.has(f.command)) return false;
        return this.says('spamdetected', text);
      case 'syntaxerror': {
        const code = Number(f.replyCode);
        return (code > 400 && code < 408) || (code > 500 && code < 508);
      }
      default:
        return byStatus === reason || this.says(reason, text);
    }
  }

  /** The fall-back (anotherone): wording first, then the status class, type, Action and command. */
  private another(f: Fact): Reason | '' {
    if (explicit(f.preset)) return f.preset!;
    const byStatus = statusReason(f.status) ?? '';
    if (byStatus && !RETRIED.has(byStatus) && f.diagnosticType === 'SMTP') return byStatus;
    for (const reason of WORDING_ORDER) if (this.says(reason, f.diagnostic)) return reason;
    if (byStatus) return byStatus;
    const subject = f.status.slice(0, 3);
    if (subject === '5.6' || subject === '4.6') return 'contenterror';
    if (subject === '5.7' || subject === '4.7') return 'securityerror';
    if (f.diagnosticType.startsWith('X-UNIX')) return 'mailererror';
    if (this.probe('syntaxerror', f)) return 'syntaxerror';
    if (f.action === 'delayed' || f.action === 'expired') return 'expired';
    if (f.command === 'EHLO' || f.command === 'HELO') return 'blocked';
    return '';
  }

  /** `wording`: the reasons whose generic phrases occur in the record's diagnostic; `diagnostic`: it normalised, if known. */
  find(record: BounceRecord, wording: Set<Reason>, diagnostic?: string): Reason {
    this.wording = wording;
    const f = factOf(record, diagnostic);
    if (f.preset && !RETRIED.has(f.preset)) return f.preset;
    if (f.status.startsWith('2.')) return 'delivered';
    let reason: Reason | '' = '';
    if (f.diagnosticType === 'SMTP' || f.diagnosticType === '') {
      for (const candidate of PROBE_ORDER) {
        if (this.probe(candidate, f)) {
          reason = candidate;
          break;
        }
      }
    }
    if (!reason) {
      reason = this.another(f);
      if (reason === 'undefined') reason = '';
      if (!reason && f.action === 'delayed') reason = 'expired';
      if (reason) return reason;
      if (this.says('vacation', f.diagnostic)) return 'vacation';
      return f.diagnostic ? 'onhold' : 'undefined';
    }
    return reason;
  }
}
