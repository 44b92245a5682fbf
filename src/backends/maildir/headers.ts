/** Just enough header reading for the local quarantine's list: one header value, unfolded and decoded. */

/** The first value of a header in a message head (latin1 text), unfolded; undefined when absent. */
export function headerValue(head: string, name: string): string | undefined {
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const wanted = name.toLowerCase();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) return line.slice(colon + 1).trim();
  }
  return undefined;
}

/** Decodes RFC 2047 encoded words (=?utf-8?B?…?= / =?iso-8859-1?Q?…?=); raw 8-bit text is read as UTF-8. */
export function decodeHeader(value: string): string {
  // The head was read as latin1; give raw 8-bit UTF-8 text its characters back first.
  const raw = /[\x80-\xff]/.test(value) ? utf8IfValid(value) : value;
  return raw.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=(\s+(?==\?))?/g, (whole, charset: string, encoding: string, data: string) => {
    try {
      const bytes = encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return new TextDecoder(charset.toLowerCase(), { fatal: false }).decode(bytes);
    } catch {
      return whole;
    }
  });
}

function utf8IfValid(latin1: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}
