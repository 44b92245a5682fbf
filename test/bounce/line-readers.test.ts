/**
 * The readers that search a whole text for lines (delivery-status fields, the returned original's
 * marker) keep the rules of a line-by-line reading: fields and markers start a line, folded lines
 * continue a field, and nothing runs on across a line end or starts after a U+2028.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDsnFields } from '../../src/bounce/parse/dsn-fields.js';
import { splitOriginal } from '../../src/bounce/parse/text-scan.js';

describe('delivery-status fields', () => {
  it('reads each group, joining folded lines with one space', () => {
    const report = parseDsnFields(
      [
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; bob@example.org',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected:',
        '    User unknown',
        '\tin virtual mailbox table',
        'Final-Recipient : rfc822;carol@example.org',
        'Status:4.2.2',
      ].join('\n'),
    );
    assert.equal(report.reportingMta, 'mx.example.net');
    assert.deepEqual(report.recipients, [
      { finalRecipient: 'bob@example.org', action: 'failed', status: '5.1.1', diagnosticType: 'SMTP', diagnostic: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table' },
      { finalRecipient: 'carol@example.org', status: '4.2.2' },
    ]);
  });

  it('takes no field from an indented line, prose, another header, or the middle of a line', () => {
    const report = parseDsnFields(
      [
        'Subject: delivery failed',
        '  Status: 4.0.0', // folded into Subject, which is no delivery-status field
        'Final-Recipient: rfc822; bob@example.org',
        ' Action: delayed', // folded into Final-Recipient
        'Status of your message: unknown', // prose: the name is not one word before the colon
        ' Action: relayed', // folded into that prose, so nothing
        'Note\u2028Action: relayed', // after U+2028 is not a line start
        'Action: failed\u2028later', // a value that U+2028 cuts is no field
        'Status: 5.1.1',
      ].join('\n'),
    );
    assert.deepEqual(report.recipients, [{ finalRecipient: 'bob@example.org Action: delayed', status: '5.1.1' }]);
  });
});

describe('the returned original', () => {
  it('starts at the first marker line; the report is what comes before it', () => {
    const body = ['Delivery failed for bob@example.org.', '', '------ This is a copy of the message, including all the headers. ------', 'Subject: hi', '', 'text'].join('\n');
    assert.deepEqual(splitOriginal(body), { report: 'Delivery failed for bob@example.org.\n', original: 'Subject: hi\n\ntext' });
    assert.deepEqual(splitOriginal('Original message follows'), { report: '', original: '' });
    assert.deepEqual(splitOriginal('No original here.\nJust words.'), { report: 'No original here.\nJust words.', original: '' });
  });

  it('takes a marker only as a whole line: not across a line end, not after a U+2028', () => {
    assert.deepEqual(splitOriginal('--\noriginal message follows\nx'), { report: '--', original: 'x' });
    assert.deepEqual(splitOriginal('see\u2028original message follows\nx'), { report: 'see\u2028original message follows\nx', original: '' });
    assert.deepEqual(splitOriginal('Returned mail\u2028\noriginal message:\nSubject: hi'), { report: 'Returned mail\u2028', original: 'Subject: hi' });
  });
});
