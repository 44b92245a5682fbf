/** ARF (RFC 5965) abuse/feedback reports: one record per reported recipient. */
import type { BounceRecord } from '../types.js';
import { firstAddress } from './text-scan.js';

function field(report: string, name: string): string | undefined {
  const m = new RegExp(`^${name}\\s*:\\s*(.+)$`, 'im').exec(report);
  return m?.[1]?.trim();
}

export function parseFeedbackReport(report: string, humanText: string, originalHeaders: string): BounceRecord[] {
  const feedbackType = field(report, 'Feedback-Type')?.toLowerCase();
  const rcpts = [...report.matchAll(/^Original-Rcpt-To\s*:\s*(.+)$/gim)].map((m) => firstAddress(m[1]));
  const fallback = firstAddress(/^To\s*:\s*(.+)$/im.exec(originalHeaders)?.[1]);
  const recipients = rcpts.filter((r): r is string => Boolean(r));
  if (recipients.length === 0 && fallback) recipients.push(fallback);
  const diagnostic = humanText.trim().split('\n').filter((l) => l.trim()).slice(0, 3).join(' ').replace(/\s+/g, ' ');
  const sourceIp = field(report, 'Source-IP');
  const base: BounceRecord = {
    origin: 'arf',
    presetReason: 'feedback',
    ...(feedbackType ? { feedbackType } : {}),
    diagnostic,
    ...(sourceIp ? { context: `source-ip ${sourceIp}` } : {}),
  };
  if (recipients.length === 0) return [base];
  return recipients.map((recipient) => ({ ...base, recipient }));
}
