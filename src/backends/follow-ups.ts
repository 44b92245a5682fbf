/**
 * Command strings the explainer may offer as buttons after an explanation:
 * "allow add <sender>" for a blocked sender, "quarantine list --recipient <r>"
 * for mail held as spam. Values come from mail, so they are checked here and
 * nothing is offered when they are not a plain address or domain — a button
 * never carries text that would parse as more than one argument.
 */
import { isDomain, isMailAddress } from './entries.js';

/** `allow add <sender>` (optionally for a customer domain's own list), or null when the sender is not an address. */
export function allowSenderCommand(sender: string, customerDomain?: string): string | null {
  const value = sender.trim().replace(/^<|>$/g, '');
  if (!isMailAddress(value)) return null;
  const domain = customerDomain?.trim().toLowerCase();
  if (domain !== undefined && !isDomain(domain)) return null;
  return `allow add ${value}${domain ? ` --domain ${domain}` : ''}`;
}

/** `quarantine list --recipient <r> --since 7d`, or null when the recipient is not an address. */
export function findInQuarantineCommand(recipient: string, since = '7d'): string | null {
  const value = recipient.trim().replace(/^<|>$/g, '');
  if (!isMailAddress(value) || !/^\d{1,4}[mhdw]$/.test(since)) return null;
  return `quarantine list --recipient ${value} --since ${since}`;
}
