/**
 * The backend ports. A quarantine backend finds, shows, releases and deletes
 * held mail; a list backend reads and edits allow/block lists. Adapters live
 * one per folder (spamexperts, proxmox, spamdyke, maildir); commands only see
 * these interfaces.
 */

/** A held message as every backend describes it. */
export interface QuarantinedMessage {
  /** Our short id (see message-id.ts): stable, typeable, derived from the backend's own identifier. */
  id: string;
  /** Which backend holds it (`spamexperts`, `proxmox`, `maildir`). */
  backend: string;
  /** The backend's own identifier, serialised (a JSON 5-tuple, `C1R2T3`, a file name). */
  ref: string;
  sender: string;
  recipients: string[];
  subject: string;
  /** When it was held, ISO 8601. */
  date: string;
  size?: number;
  score?: number;
  /** Why it was held, as the backend says it. */
  reason?: string;
}

export interface QuarantineQuery {
  /** Customer domain of the recipient. */
  domain?: string;
  recipient?: string;
  sinceMs: number;
  untilMs: number;
  limit: number;
}

export interface MessageDetail {
  message: QuarantinedMessage;
  /** A short plain-text look at the message (headers and start of the body). */
  preview?: string;
}

export interface QuarantineBackend {
  readonly name: string;
  search(query: QuarantineQuery): Promise<QuarantinedMessage[]>;
  show(message: QuarantinedMessage): Promise<MessageDetail>;
  /** Delivers the message to its recipients and removes it from quarantine. */
  release(message: QuarantinedMessage): Promise<ActionOutcome>;
  delete(message: QuarantinedMessage): Promise<ActionOutcome>;
}

export interface ActionOutcome {
  /** What the backend answered, one line, for the audit record. */
  detail: string;
}

export type ListKind = 'allow' | 'block';
/** What an entry matches: a sender address/domain, a recipient, a connecting IP, or an rDNS name. */
export type EntryType = 'sender' | 'recipient' | 'ip' | 'rdns';

export interface ListScope {
  /** A customer domain's own list; absent = the global list. */
  domain?: string;
  /** A single mailbox's own list (Proxmox keeps lists per mailbox). */
  recipient?: string;
}

export interface ListEntry {
  value: string;
  type: EntryType;
  /** Where it lives (a file path, "domain example.com"), for the reader. */
  source?: string;
}

/** An entry after the backend checked it in its own syntax. */
export interface ValidEntry {
  value: string;
  type: EntryType;
}

export interface ListBackend {
  readonly name: string;
  /** Checks an entry in this backend's syntax; throws a LocalizedUsageError saying what would work. */
  validate(raw: string, scope: ListScope, type?: EntryType): ValidEntry;
  /** Throws a LocalizedUsageError when the scope is not one this backend keeps lists for. */
  checkScope(scope: ListScope): void;
  list(kind: ListKind, scope: ListScope): Promise<ListEntry[]>;
  /** Refuses (BackendError 'duplicate') when the entry is already there. */
  add(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome>;
  /** Refuses (BackendError 'absent') when the entry was not there. */
  remove(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome>;
}

export interface Backends {
  quarantine: QuarantineBackend | null;
  lists: ListBackend | null;
}
