import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { checkCli, goodZone, patch } from './fixtures.js';

interface JsonResult { code: string; severity: string; verdict: string; evidence: string; fix: string; subject?: string }

let server: DnsServer;
before(async () => {
  server = await startDnsServer(patch(goodZone(), {
    '_mta-sts.good.test': undefined,
    // One nameserver, an MX without an address, no SPF, no DMARC.
    'bad.test': {
      NS: ['ns1.bad.test'],
      SOA: { primary: 'ns1.bad.test', admin: 'hostmaster.bad.test', serial: 1, refresh: 3600, retry: 600, expiration: 86400, minimum: 300 },
      MX: [{ exchange: 'mx.bad.test', priority: 10 }],
      TXT: ['google-site-verification=abc'],
    },
    // Never answers: every query times out.
    'slow.test': { $silent: true },
  }));
});
after(async () => server.close());


/** The local server answers at once; generous timeouts keep a busy machine from turning answers into UNKNOWN. */
const ANSWERING = { queryTimeout: '3s', totalBudget: '10s' };
/** For slow.test, which never answers: the timeouts are what is tested, so they stay short. */
const SILENT = { queryTimeout: '300ms', totalBudget: '700ms' };

async function results(args: string[], timeouts = ANSWERING): Promise<JsonResult[]> {
  const { stdout, stderr } = await checkCli(server, [...args, '--json'], timeouts);
  assert.equal(stderr, '');
  const data = JSON.parse(stdout) as { results: JsonResult[] };
  assert.deepEqual(Object.keys(data), ['target', 'kind', 'elapsedMs', 'results']);
  return data.results;
}

function one(list: JsonResult[], code: string): JsonResult {
  const hits = list.filter((r) => r.code === code);
  assert.equal(hits.length, 1, `${code}: ${JSON.stringify(list, null, 1)}`);
  return hits[0]!;
}

describe('check results in the asked language', () => {
  it('German: verdicts and fixes of a broken domain', async () => {
    const de = await results(['check', 'bad.test', '--lang', 'de']);
    assert.deepEqual(one(de, 'NS_COUNT'), {
      code: 'NS_COUNT', severity: 'WARN',
      verdict: 'Nur 1 Nameserver (ns1.bad.test); ein einziger Ausfall legt die Mail für bad.test lahm.',
      evidence: 'NS: ns1.bad.test',
      fix: 'Richten Sie einen zweiten Nameserver in einem anderen Netz ein (RFC 1034 verlangt mindestens zwei).',
    });
    const spf = one(de, 'SPF_PRESENT');
    assert.equal(spf.verdict, 'bad.test hat keinen SPF-Eintrag: Mail von dieser Domain besteht SPF nicht (none); Gmail und Yahoo weisen nicht authentifizierte Mail ab.');
    assert.equal(spf.fix, 'Veröffentlichen Sie genau einen TXT-Eintrag, z. B. "v=spf1 mx include:<SPF Ihres Relays> -all"; für eine Domain, die keine Mail versendet: "v=spf1 -all".');
    assert.equal(spf.evidence, 'TXT bad.test: "google-site-verification=abc"', 'evidence stays raw data');
    const hygiene = one(de, 'MX_HYGIENE');
    assert.equal(hygiene.severity, 'CRIT');
    assert.equal(hygiene.verdict, 'Kein MX-Host von bad.test ist erreichbar: MX mx.bad.test hat keinen A/AAAA-Eintrag: Absender können ihn nicht erreichen.');
    assert.equal(hygiene.fix, 'legen Sie einen A-Eintrag für mx.bad.test an oder entfernen Sie ihn aus den MX-Einträgen');
    assert.match(one(de, 'DMARC_PRESENT').verdict, /^Kein DMARC-Eintrag unter _dmarc\.bad\.test.*: Die Bulk-Sender-Regeln von Gmail\/Yahoo verlangen mindestens p=none\.$/);
  });

  it('Indonesian: verdicts and fixes of a domain and of an IP without PTR', async () => {
    const id = await results(['check', 'bad.test', '--lang', 'id']);
    const spf = one(id, 'SPF_PRESENT');
    assert.equal(spf.verdict, 'bad.test tidak punya record SPF: email dari domain ini gagal SPF (none); Gmail dan Yahoo menolak email yang tidak terautentikasi.');
    assert.equal(spf.fix, 'Pasang satu record TXT, mis. "v=spf1 mx include:<SPF relay Anda> -all"; untuk domain yang tidak mengirim email: "v=spf1 -all".');
    assert.equal(one(id, 'NS_COUNT').verdict, 'Hanya 1 nameserver (ns1.bad.test); satu gangguan saja membuat email untuk bad.test terhenti.');

    const ip = await results(['check', '81.2.69.160', '--lang', 'id']);
    const ptr = one(ip, 'IP_PTR');
    assert.equal(ptr.severity, 'CRIT');
    assert.equal(ptr.verdict, '81.2.69.160 tidak punya PTR (reverse DNS): Gmail menolak dengan 550-5.7.25, begitu juga banyak penyedia lain.');
    assert.equal(ptr.fix, 'Minta pemilik IP (ISP atau penyedia hosting) memasang PTR untuk 81.2.69.160 ke nama server mail, mis. mail.<domainanda>, dengan record A yang mengarah balik ke 81.2.69.160.');
    assert.equal(one(ip, 'IP_SCOPE').verdict, '81.2.69.160 adalah alamat publik.');
  });

  it('--ip in German: the SPF verdict and DMARC alignment', async () => {
    const de = await results(['check', 'good.test', '--ip', '81.2.69.160', '--lang', 'de']);
    const match = one(de, 'SPF_MATCH');
    assert.equal(match.severity, 'CRIT');
    assert.match(match.verdict, /^81\.2\.69\.160 → fail: vom SPF-Eintrag von good\.test nicht autorisiert \(entschieden durch .+\)\.$/);
    assert.equal(match.fix, 'Ist 81.2.69.160 ein legitimer Absender, ergänzen Sie ip4:81.2.69.160 (oder das Include des versendenden Dienstes) im SPF-Eintrag.');
    const align = one(de, 'DMARC_ALIGN');
    assert.equal(align.verdict, 'SPF besteht von 81.2.69.160 aus nicht; mit p=reject wird diese Mail abgewiesen, sofern DKIM (d=good.test) nicht aligned ist.');
  });

  it('only the language changes: same codes, severities, evidence and subjects; every sentence translated', async () => {
    const [en, id, de] = await Promise.all(['en', 'id', 'de'].map((lang) => results(['check', 'bad.test', '--lang', lang])));
    const shape = (list: JsonResult[]) => list.map((r) => [r.code, r.severity, r.evidence, r.subject ?? '', r.fix === '']);
    assert.deepEqual(shape(id!), shape(en!));
    assert.deepEqual(shape(de!), shape(en!));
    assert.ok(en!.length > 10);
    for (const [i, r] of en!.entries()) {
      assert.notEqual(id![i]!.verdict, r.verdict, `${r.code} verdict left in English (id)`);
      assert.notEqual(de![i]!.verdict, r.verdict, `${r.code} verdict left in English (de)`);
      if (r.fix) {
        assert.notEqual(id![i]!.fix, r.fix, `${r.code} fix left in English (id)`);
        assert.notEqual(de![i]!.fix, r.fix, `${r.code} fix left in English (de)`);
      }
    }
  });

  it('DNS failures are described in the asked language; the evidence keeps the raw words', async () => {
    const de = await results(['check', 'slow.test', '--lang', 'de'], SILENT);
    const resolve = one(de, 'DNS_RESOLVE');
    assert.equal(resolve.severity, 'UNKNOWN');
    assert.equal(resolve.verdict, 'Die Nameserver von slow.test haben nicht geantwortet (Zeitüberschreitung); das ist nicht dasselbe wie „fehlt“.');
    assert.equal(resolve.evidence, 'NS slow.test: timed out');
    const id = await results(['check', 'slow.test', '--lang', 'id'], SILENT);
    assert.equal(one(id, 'DNS_RESOLVE').verdict, 'Nameserver slow.test tidak memberi jawaban (waktu habis); ini tidak sama dengan "tidak ada".');
  });

  it('usage errors are one sentence in the asked language (exit 2)', async () => {
    const cases: Array<[string[], string]> = [
      [['check', 'not a domain', '--lang', 'de'], '"not a domain" ist weder eine Domain noch eine IP-Adresse; geben Sie eines von beiden an, z. B. example.com, user@example.com, https://example.com/ oder 203.0.113.5.'],
      [['check', 'good.test', '--ip', 'x', '--lang', 'id'], '--ip memerlukan alamat IPv4 atau IPv6 (mis. --ip 203.0.113.5), bukan "x".'],
      [['check', 'good.test', '--resolver', 'dns.example', '--lang', 'de'], '"dns.example" ist keine Resolver-Adresse; verwenden Sie eine IP mit optionalem Port, z. B. 127.0.0.1:5353 oder [::1]:53.'],
      [['check', 'good.test', '--dkim', 'a b', '--lang', 'id'], '--dkim memerlukan nama selector seperti "selector1" atau "google", bukan "a b".'],
    ];
    for (const [args, sentence] of cases) {
      const { code, stdout, stderr } = await checkCli(server, args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.ok(stderr.includes(sentence), `${args.join(' ')}: ${stderr}`);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
    }
  });

  it('the chat text shows localized fixes and no longer says the verdicts are English', async () => {
    const { stdout } = await checkCli(server, ['check', 'bad.test', '--lang', 'de'], ANSWERING);
    assert.match(stdout, /Abhilfe: Veröffentlichen Sie genau einen TXT-Eintrag/);
    assert.doesNotMatch(stdout, /Englisch|English/);
    const id = await checkCli(server, ['check', 'bad.test', '--lang', 'id'], ANSWERING);
    assert.match(id.stdout, /Perbaikan: Pasang satu record TXT/);
    assert.doesNotMatch(id.stdout, /bahasa Inggris/);
  });
});
