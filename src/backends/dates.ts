/** Date helpers for backend query strings and answers. */

/** `yyyy-MM-dd HH:mm` in UTC, as the SpamExperts REST API takes it. */
export function minuteStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** A backend's time (epoch seconds, epoch ms, or a date string taken as UTC) as ISO 8601; '' when unreadable. */
export function toIso(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  if (typeof value === 'string' && value.trim()) {
    const text = value.trim();
    if (/^\d+$/.test(text)) return toIso(Number(text));
    const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
    const ms = Date.parse(withZone);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  return '';
}
