/** DMARC_PRESENT, DMARC_POLICY, DMARC_RUA and DMARC_ALIGN. */
import getDmarcRecord from 'mailauth/lib/dmarc/get-dmarc-record.js';
import { getDomain } from 'tldts';
import type { CheckContext } from './context.js';
import { lookup, recordsOf, txtStrings, type MxRecord } from './lookup.js';
import type { SpfOutcome } from './spf-eval.js';
import { msg, renderMsg, type Msg } from './message.js';
import { result, type PendingResult } from './types.js';

export interface DmarcRecordInfo {
  location: string;
  record: string;
  tags: Map<string, string>;
  /** Found at the organisational domain (applies through sp=). */
  inherited: boolean;
}

export interface DmarcFacts {
  results: PendingResult[];
  dmarc?: DmarcRecordInfo;
}

const KNOWN_TAGS = new Set(['v', 'p', 'sp', 'np', 'pct', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'rf', 'ri', 't', 'psd']);

export function parseDmarcTags(record: string): { tags: Map<string, string>; problems: Msg[] } {
  const tags = new Map<string, string>();
  const problems: Msg[] = [];
  const parts = record.split(';').map((p) => p.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const eq = part.indexOf('=');
    if (eq < 1) {
      problems.push(msg('dmarc.notPair', { part }));
      return;
    }
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (tags.has(key)) problems.push(msg('dmarc.twice', { key }));
    if (!KNOWN_TAGS.has(key)) problems.push(msg('dmarc.unknownTag', { key }));
    if (i === 1 && key !== 'p') problems.push(msg('dmarc.pOrder'));
    tags.set(key, value);
  });
  return { tags, problems };
}

/** The names to look at: _dmarc.<domain>, then each parent up to the organisational domain (RFC 9989 walk, bounded). */
function walk(domain: string): string[] {
  const org = getDomain(domain) ?? domain;
  const labels = domain.split('.');
  const names: string[] = [];
  for (let i = 0; i < labels.length && names.length < 8; i++) {
    const name = labels.slice(i).join('.');
    names.push(name);
    if (name === org) break;
  }
  return names;
}

export async function dmarcChecks(ctx: CheckContext, domain: string): Promise<DmarcFacts> {
  const names = walk(domain);
  const outcomes = await Promise.all(names.map((n) => lookup<string[]>(ctx.resolver, `_dmarc.${n}`, 'TXT')));
  const results: PendingResult[] = [];
  let found: { name: string; records: string[]; all: string[] } | undefined;
  for (let i = 0; i < names.length; i++) {
    const outcome = outcomes[i]!;
    if (outcome.status === 'error') {
      return { results: [result('DMARC_PRESENT', 'UNKNOWN', msg('common.unreadable', { name: `_dmarc.${names[i]}`, error: outcome.reason }), `TXT _dmarc.${names[i]}: ${outcome.text}`, msg('common.retryLater'))] };
    }
    const all = txtStrings(outcome);
    const records = all.filter((t) => /^\s*v\s*=\s*DMARC1\b/i.test(t));
    if (records.length || all.length) {
      found = { name: names[i]!, records, all };
      if (records.length) break;
    }
  }
  if (!found || !found.records.length) {
    const stray = found?.all.find((t) => /^v=spf1/i.test(t));
    return {
      results: [result('DMARC_PRESENT', 'WARN',
        msg('dmarc.missing', { domain, parents: names.length > 1 ? msg('dmarc.orParents') : '' }),
        `${names.map((n) => `_dmarc.${n}`).join(', ')}: no v=DMARC1 record${stray ? `; an SPF record sits at _dmarc.${found!.name} by mistake` : ''}`,
        msg('dmarc.missingFix', { domain }))],
    };
  }
  if (found.records.length > 1) {
    return {
      results: [result('DMARC_PRESENT', 'WARN', msg('dmarc.multiple', { n: found.records.length, name: found.name }),
        found.records.join(' | '), msg('dmarc.multipleFix'))],
    };
  }
  const record = found.records[0]!;
  const { tags, problems } = parseDmarcTags(record.trim());
  const inherited = found.name !== domain;
  const location = `_dmarc.${found.name}`;
  if (/^\s/.test(record)) problems.push(msg('dmarc.leadingSpace'));
  if (found.all.some((t) => /^v=spf1/i.test(t))) problems.push(msg('dmarc.spfAtDmarc'));
  // mailauth is what many receivers run: its reading of the record is shown beside ours.
  const referee = await getDmarcRecord(domain, ctx.resolver as never).catch(() => false as const);
  const refereeText = referee ? `mailauth reads p=${String(referee.p ?? 'none')}${referee.isOrgRecord ? ' (organisational record)' : ''}` : 'mailauth finds no usable record';
  results.push(problems.length
    ? result('DMARC_PRESENT', 'WARN', msg('dmarc.problems', { location, problems }), `${record}; ${refereeText}`, msg('dmarc.problemsFix'))
    : result('DMARC_PRESENT', 'OK', msg('dmarc.found', { location, inherited: inherited ? msg('dmarc.inheritedFrom', { name: found.name }) : '' }), `${record}; ${refereeText}`));

  // DMARC_POLICY
  const p = tags.get('p')?.toLowerCase();
  const sp = tags.get('sp')?.toLowerCase();
  const effective = inherited ? (sp ?? p) : p;
  const pct = tags.has('pct') ? Number(tags.get('pct')) : 100;
  const notes: Msg[] = [];
  if (tags.has('pct') && pct < 100) notes.push(msg('dmarc.pct', { pct: tags.get('pct') ?? '' }));
  if (!inherited && sp === 'none' && p && p !== 'none') notes.push(msg('dmarc.spNone', { p }));
  // Evidence stays English (raw data); the verdict is rendered in the asked language.
  const noteText = notes.map((n) => renderMsg(n, 'en'));
  if (!p) {
    results.push(result('DMARC_POLICY', 'WARN', msg('dmarc.noP'), record, msg('dmarc.noPFix')));
  } else if (!['none', 'quarantine', 'reject'].includes(p)) {
    results.push(result('DMARC_POLICY', 'WARN', msg('dmarc.badP', { p }), record, msg('dmarc.badPFix')));
  } else if (effective === 'none') {
    results.push(result('DMARC_POLICY', 'WARN', msg('dmarc.monitoring', { tag: inherited && sp ? 'sp' : 'p' }), [record, ...noteText].join('; '),
      msg('dmarc.monitoringFix')));
  } else if (notes.length) {
    results.push(result('DMARC_POLICY', 'WARN', msg('dmarc.weakened', { policy: effective ?? '', note: notes[0]! }), [record, ...noteText].join('; '), msg('dmarc.weakenedFix')));
  } else {
    results.push(result('DMARC_POLICY', effective === 'quarantine' ? 'INFO' : 'OK',
      effective === 'quarantine' ? msg('dmarc.quarantine') : msg('dmarc.reject'), record,
      effective === 'quarantine' ? msg('dmarc.quarantineFix') : undefined));
  }

  results.push(await ruaCheck(ctx, found.name, tags.get('rua')));
  return { results, dmarc: { location, record, tags, inherited } };
}

async function ruaCheck(ctx: CheckContext, domain: string, rua: string | undefined): Promise<PendingResult> {
  if (!rua) {
    return result('DMARC_RUA', 'WARN', msg('dmarc.noRua'), `_dmarc.${domain}: no rua`,
      msg('dmarc.noRuaFix', { domain }));
  }
  const uris = rua.split(',').map((u) => u.trim()).filter(Boolean);
  const problems: Msg[] = [];
  const evidence: string[] = [];
  let unknown = false;
  const orgOf = (d: string) => getDomain(d) ?? d;
  await Promise.all(uris.map(async (uri) => {
    const m = /^mailto:([^@\s]+)@([^!\s]+)(!\d+[kmgt]?)?$/i.exec(uri);
    if (!m) {
      problems.push(msg('dmarc.ruaNotMailto', { uri }));
      return;
    }
    const target = m[2]!.toLowerCase();
    if (m[3]) problems.push(msg('dmarc.ruaSizeLimit', { uri }));
    const [mx, auth] = await Promise.all([
      lookup<MxRecord>(ctx.resolver, target, 'MX'),
      orgOf(target) !== orgOf(domain) ? lookup<string[]>(ctx.resolver, `${domain}._report._dmarc.${target}`, 'TXT') : Promise.resolve(undefined),
    ]);
    if (mx.status === 'error') unknown = true;
    else if (!recordsOf(mx).length) problems.push(msg('dmarc.ruaNoMx', { target, uri }));
    if (auth) {
      if (auth.status === 'error') unknown = true;
      else {
        let ok = txtStrings(auth).some((t) => /^v=DMARC1/i.test(t));
        if (!ok) {
          const wild = await lookup<string[]>(ctx.resolver, `*._report._dmarc.${target}`, 'TXT');
          ok = txtStrings(wild).some((t) => /^v=DMARC1/i.test(t));
        }
        evidence.push(`${domain}._report._dmarc.${target}: ${ok ? 'v=DMARC1' : 'absent'}`);
        if (!ok) problems.push(msg('dmarc.ruaNoAuth', { target, record: `${domain}._report._dmarc.${target}` }));
      }
    }
  }));
  const text = [`rua=${rua}`, ...evidence].join('; ');
  if (problems.length) return result('DMARC_RUA', 'WARN', msg('dmarc.ruaProblem', { problem: problems[0]! }), `${text}; ${problems.map((p) => renderMsg(p, 'en')).join('; ')}`, msg('dmarc.ruaProblemFix'));
  if (unknown) return result('DMARC_RUA', 'UNKNOWN', msg('dmarc.ruaUnknown'), text, msg('common.retryLater'));
  return result('DMARC_RUA', 'OK', msg('dmarc.ruaOk', { uris: uris.join(', ') }), text);
}

/** DMARC_ALIGN for `check <domain> --ip`: SPF for MAIL FROM @domain is aligned by construction; it matters whether it passes. */
export function dmarcAlign(domain: string, spfVerdict: SpfOutcome, dmarc: DmarcRecordInfo | undefined, ip: string, sender = `postmaster@${domain}`): PendingResult {
  const policy = dmarc ? ((dmarc.inherited ? dmarc.tags.get('sp') : undefined) ?? dmarc.tags.get('p') ?? 'none').toLowerCase() : 'none';
  const aspf = dmarc?.tags.get('aspf')?.toLowerCase() === 's' ? 'strict' : 'relaxed';
  const evidence = `SPF for ${sender} from ${ip}: ${spfVerdict}; DMARC ${dmarc ? `p=${policy}, aspf=${aspf}` : 'none'}; DKIM not evaluated (needs a signed message)`;
  if (spfVerdict === 'temperror') return result('DMARC_ALIGN', 'UNKNOWN', msg('align.unknown'), evidence, msg('common.retryLater'), ip);
  if (spfVerdict === 'pass') return result('DMARC_ALIGN', 'OK', msg('align.pass', { domain, mode: msg(aspf === 'strict' ? 'align.strict' : 'align.relaxed') }), evidence, undefined, ip);
  if (!dmarc) return result('DMARC_ALIGN', 'INFO', msg('align.noDmarc', { ip, domain }), evidence, msg('align.noDmarcFix', { domain }), ip);
  if (policy === 'reject') return result('DMARC_ALIGN', 'CRIT', msg('align.reject', { ip, domain }), evidence, msg('align.rejectFix', { ip, domain }), ip);
  if (policy === 'quarantine') return result('DMARC_ALIGN', 'WARN', msg('align.quarantine', { ip, domain }), evidence, msg('align.signFix', { ip, domain }), ip);
  return result('DMARC_ALIGN', 'WARN', msg('align.none', { ip, domain }), evidence, msg('align.signFix', { ip, domain }), ip);
}
