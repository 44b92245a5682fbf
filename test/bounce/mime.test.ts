/**
 * The explainer reads messages with its own fast MIME reader; mailparser is the
 * reference. On every corpus message both must agree on what matters: the
 * subject, the sender, the delivery-status recipients and their status codes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDsnFields } from '../../src/bounce/parse/dsn-fields.js';
import { bytesToLf } from '../../src/bounce/parse/input.js';
import { readMessage, readMessageWithMailparser } from '../../src/bounce/parse/message.js';
import { decodeQuotedPrintable, decodeWords, readMime } from '../../src/bounce/parse/mime.js';
import { CORPUS as SISIMAI, corpusSkip } from '../helpers/fixtures.js';

const CORPUS = join(SISIMAI, 'maildir');

describe('MIME reader', () => {
  it('decodes encoded words, quoted-printable and charsets', () => {
    assert.equal(decodeWords('=?UTF-8?B?0JLQsNGI0LU=?= =?UTF-8?B?INC/0LjRgdGM0LzQvg==?='), 'Ваше письмо');
    assert.equal(decodeWords('=?ISO-8859-1?Q?Zustellung_fehlgeschlagen:_M=FCller?='), 'Zustellung fehlgeschlagen: Müller');
    assert.equal(decodeQuotedPrintable(Buffer.from('caf=C3=A9 soft=\nbreak')).toString('utf8'), 'café softbreak');
    const part = readMime(Buffer.from('Content-Type: text/plain; charset=iso-2022-jp\n\n\x1b$B%F%9%H\x1b(B\n', 'latin1'));
    assert.equal(new TextDecoder('iso-2022-jp').decode(part.body).trim(), 'テスト');
  });

  it('walks nested multiparts and stops at a depth limit', () => {
    let message = 'Content-Type: text/plain\n\ninnermost\n';
    for (let i = 0; i < 20; i++) message = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${message}\n--b${i}--\n`;
    const root = readMime(Buffer.from(message));
    let depth = 0;
    for (let node = root; node.parts.length; node = node.parts[0]!) depth++;
    assert.ok(depth <= 9, `descended ${depth} levels`);
  });

  it('agrees with mailparser on every corpus message', { skip: corpusSkip() }, async () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const dir of readdirSync(CORPUS)) {
      for (const name of readdirSync(join(CORPUS, dir)).filter((n) => n.endsWith('.eml'))) {
        const bytes = bytesToLf(readFileSync(join(CORPUS, dir, name)));
        const [ours, reference] = await Promise.all([readMessage(bytes), readMessageWithMailparser(bytes)]);
        const dsn = (m: typeof ours) => parseDsnFields([m.body, ...m.deliveryStatus].join('\n')).recipients.map((r) => `${r.finalRecipient}/${r.status}`).join(',');
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
        if (norm(ours.subject) !== norm(reference.subject)) disagreements.push(`${dir}/${name}: subject "${ours.subject}" vs "${reference.subject}"`);
        if (reference.from && ours.from.toLowerCase() !== reference.from.toLowerCase()) disagreements.push(`${dir}/${name}: from "${ours.from}" vs "${reference.from}"`);
        if (dsn(reference) && dsn(ours) !== dsn(reference)) disagreements.push(`${dir}/${name}: DSN ${dsn(ours)} vs ${dsn(reference)}`);
        compared++;
      }
    }
    assert.ok(compared > 600);
    // A handful of broken messages are read differently on purpose (we fall back to the raw body); list and bound them.
    assert.ok(disagreements.length <= 0, `${disagreements.length} disagreements:\n${disagreements.join('\n')}`);
  });
});
