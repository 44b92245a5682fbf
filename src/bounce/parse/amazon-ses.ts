/**
 * Amazon SES notifications in JSON (directly, or wrapped in an SNS message):
 * Bounce → one record per bounced recipient, Complaint → feedback,
 * Delivery → delivered.
 */
import type { BounceRecord } from '../types.js';

interface SesRecipient { emailAddress?: string; status?: string; action?: string; diagnosticCode?: string }
interface SesNotification {
  notificationType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: SesRecipient[]; remoteMtaIp?: string; reportingMTA?: string };
  complaint?: { complainedRecipients?: SesRecipient[]; complaintFeedbackType?: string };
  delivery?: { recipients?: string[]; smtpResponse?: string; reportingMTA?: string; remoteMtaIp?: string };
  Message?: string;
}

function parseJson(text: string): SesNotification | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const value = JSON.parse(text.slice(start, end + 1)) as SesNotification;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

export function parseSesNotification(body: string): BounceRecord[] | null {
  // Every notification names its type; other bodies (HTML with braces, returned code) are not parsed as JSON at all.
  if (!body.includes('notificationType')) return null;
  let n = parseJson(body);
  if (n && typeof n.Message === 'string') n = parseJson(n.Message); // SNS envelope
  if (!n?.notificationType) return null;
  const host = (mta: string | undefined) => mta?.replace(/^dns;\s*/i, '').toLowerCase();
  switch (n.notificationType) {
    case 'Bounce':
      return (n.bounce?.bouncedRecipients ?? []).map((r): BounceRecord => {
        const diagnostic = r.diagnosticCode?.replace(/^smtp;\s*/i, '');
        const remote = host(n.bounce?.reportingMTA);
        return {
          origin: 'amazon-ses',
          ...(r.emailAddress ? { recipient: r.emailAddress.toLowerCase() } : {}),
          ...(r.status ? { status: r.status } : {}),
          ...(r.action ? { action: r.action } : {}),
          ...(diagnostic ? { diagnostic, diagnosticType: 'SMTP' } : {}),
          ...(remote ? { reportingHost: remote } : {}),
          context: `ses bounce ${n.bounce?.bounceType ?? ''} ${n.bounce?.bounceSubType ?? ''}`.trim(),
        };
      });
    case 'Complaint':
      return (n.complaint?.complainedRecipients ?? []).map((r) => ({
        origin: 'amazon-ses',
        presetReason: 'feedback',
        ...(r.emailAddress ? { recipient: r.emailAddress.toLowerCase() } : {}),
        ...(n!.complaint?.complaintFeedbackType ? { feedbackType: n!.complaint.complaintFeedbackType } : {}),
        diagnostic: 'complaint reported by the recipient',
      }));
    case 'Delivery':
      return (n.delivery?.recipients ?? []).map((recipient) => ({
        origin: 'amazon-ses',
        presetReason: 'delivered',
        recipient: recipient.toLowerCase(),
        status: '2.6.0',
        ...(n!.delivery?.smtpResponse ? { diagnostic: n!.delivery.smtpResponse } : {}),
      }));
    default:
      return null;
  }
}
