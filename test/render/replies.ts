/** Replies the renderer golden tests share: hostile, non-Latin and long. */
import type { Reply } from '../../src/core/reply.js';

export const HOSTILE: Reply = {
  severity: 'error',
  title: 'Rejected: <!channel> *urgent*',
  lang: 'en',
  parts: [
    { kind: 'text', content: ['Remote said: <!channel> <@U123> @here @everyone *bold* _italic_ ~strike~ `code` <https://evil.example|click me> [link](https://evil.example) # heading'] },
    { kind: 'text', content: ['> quoted line\n- list item\n1. numbered\nA & B < C > D\njohn_doe_smith@example.com'] },
    { kind: 'fields', fields: [{ label: 'Sender *x*', value: '<@U999> "Bob" <bob@example.com>' }, { label: 'Subject', value: '```break out``` @channel' }] },
    { kind: 'code', text: '550 5.7.1 <!here> ``` <script>alert(1)</script>\n  second line' },
    { kind: 'items', items: [{ severity: 'warn', title: 'PTR *missing*', detail: 'no <@U123> reverse entry' }, { severity: 'ok', title: 'SPF', detail: 'pass' }] },
    { kind: 'table', columns: ['host', 'result'], rows: [['mx.<evil>.example', '*listed*'], ['|pipe|', '[x](y)']] },
    { kind: 'context', content: [{ text: 'javascript link', href: 'javascript:alert(1)' }, ' and ', { text: 'safe link', href: 'https://example.com/a?b=1&c=<2>' }] },
    { kind: 'divider' },
    { kind: 'text', content: [{ text: 'What to do: ', style: 'bold' }, 'ask the sender to fix ', { text: 'PTR', style: 'code' }, '.'] },
  ],
  actions: [
    { id: 'check', label: 'Check 203.0.113.5 <!channel>', command: 'check 203.0.113.5' },
    { id: 'release', label: 'Release', command: 'quarantine release 1a2b --confirm tok', style: 'danger', confirm: { title: 'Release 1 message?', text: 'It goes to <@U123>.', confirmLabel: 'Release', denyLabel: 'Cancel' } },
  ],
};

export const NON_LATIN: Reply = {
  severity: 'warn',
  title: 'Kotak surat penuh — Postfach voll',
  lang: 'id',
  parts: [
    { kind: 'text', content: ['Kotak surat penerima sudah penuh; pengirim harus mencoba lagi nanti. Pesan akan dikirim ulang secara otomatis.'] },
    { kind: 'text', content: ['Das Postfach des Empfängers ist voll; Größenbeschränkung überschritten. Bitte später erneut versuchen — Grüße aus Köln, Übermaß an Nachrichten.'] },
    { kind: 'fields', fields: [{ label: 'Penerima', value: 'jürgen.müller@bücher.example' }, { label: 'Status', value: '4.2.2 (sementara)' }] },
    { kind: 'context', content: ['Ñandú · 東京 · Привет · مرحبا · 👍'] },
  ],
  actions: [{ id: 'lang', label: 'Deutsch', command: 'explain --ref 0123456789abcdef --lang de' }],
};

/** A long answer: 400 lines of log, 30 findings, 25 table rows. */
export function longReply(): Reply {
  return {
    severity: 'info',
    title: 'Digest',
    lang: 'en',
    parts: [
      { kind: 'code', text: Array.from({ length: 400 }, (_, i) => `Mar  9 11:${String(i % 60).padStart(2, '0')}:01 mx spamdyke[${1000 + i}]: DENIED_RBL_MATCH from: a${i}@spam.example to: info@example.com`).join('\n') },
      { kind: 'items', items: Array.from({ length: 30 }, (_, i) => ({ severity: 'warn' as const, title: `Spike ${i}`, detail: `reason blocked, ${i * 7} rejections` })) },
      { kind: 'table', columns: ['sender', 'count'], rows: Array.from({ length: 25 }, (_, i) => [`host${i}.example`, String(100 - i)]) },
    ],
  };
}
