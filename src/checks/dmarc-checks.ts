/** DMARC_PRESENT, DMARC_POLICY, DMARC_RUA and DMARC_ALIGN. */
import getDmarcRecord from 'mailauth/lib/dmarc/get-dmarc-record.js';
import { getDomain } from 'tldts';
import type { CheckContext } from './context.js';
import { lookup, recordsOf, txtStrings, type MxRecord } from './lookup.js';
import type { SpfOutcome } from './spf-tree.js';
import { result, type CheckResult } from './types.js';

export interface DmarcRecordInfo {
  location: string;
  record: string;
  tags: Map<string, string>;
  /** Found at the organisational domain (applies through sp=). */
  inherited: boolean;
}

export interface DmarcFacts {
  results: CheckResult[];
  dmarc?: DmarcRecordInfo;
}

const KNOWN_TAGS = new Set(['v', 'p', 'sp', 'np', 'pct', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'rf', 'ri', 't', 'psd']);

export function parseDmarcTags(record: string): { tags: Map<string, string>; problems: string[] } {
  const tags = new Map<string, string>();
  const problems: string[] = [];
  const parts = record.split(';').map((p) => p.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const eq = part.indexOf('=');
    if (eq < 1) {
      problems.push(`"${part}" is not a tag=value pair`);
      return;
    }
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (tags.has(key)) problems.push(`tag "${key}" appears twice`);
    if (!KNOWN_TAGS.has(key)) problems.push(`unknown tag "${key}" (ignored by receivers)`);
    if (i === 1 && key !== 'p') problems.push('"p=" should come right after "v=DMARC1"');
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
  const results: CheckResult[] = [];
  let found: { name: string; records: string[]; all: string[] } | undefined;
  for (let i = 0; i < names.length; i++) {
    const outcome = outcomes[i]!;
    if (outcome.status === 'error') {
      return { results: [result('DMARC_PRESENT', 'UNKNOWN', `Could not read _dmarc.${names[i]}: ${outcome.text}.`, `TXT _dmarc.${names[i]}: ${outcome.text}`, 'Run the check again later.')] };
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
        `No DMARC record at _dmarc.${domain}${names.length > 1 ? ' or its parents' : ''}: Gmail/Yahoo bulk-sender rules need at least p=none.`,
        `${names.map((n) => `_dmarc.${n}`).join(', ')}: no v=DMARC1 record${stray ? `; an SPF record sits at _dmarc.${found!.name} by mistake` : ''}`,
        `Publish TXT _dmarc.${domain} "v=DMARC1; p=none; rua=mailto:dmarc@${domain}", then move to quarantine/reject once reports look clean.`)],
    };
  }
  if (found.records.length > 1) {
    return {
      results: [result('DMARC_PRESENT', 'WARN', `${found.records.length} DMARC records at _dmarc.${found.name}: receivers apply no policy at all.`,
        found.records.join(' | '), 'Keep exactly one v=DMARC1 record.')],
    };
  }
  const record = found.records[0]!;
  const { tags, problems } = parseDmarcTags(record.trim());
  const inherited = found.name !== domain;
  const location = `_dmarc.${found.name}`;
  if (/^\s/.test(record)) problems.push('whitespace before "v=DMARC1"');
  if (found.all.some((t) => /^v=spf1/i.test(t))) problems.push('an SPF record is also published at _dmarc (it belongs at the domain)');
  // mailauth is what many receivers run: its reading of the record is shown beside ours.
  const referee = await getDmarcRecord(domain, ctx.resolver as never).catch(() => false as const);
  const refereeText = referee ? `mailauth reads p=${String(referee.p ?? 'none')}${referee.isOrgRecord ? ' (organisational record)' : ''}` : 'mailauth finds no usable record';
  results.push(problems.length
    ? result('DMARC_PRESENT', 'WARN', `DMARC record at ${location} has problems: ${problems.join('; ')}.`, `${record}; ${refereeText}`, 'Rewrite the record as "v=DMARC1; p=…; rua=mailto:…" with known tags only.')
    : result('DMARC_PRESENT', 'OK', `DMARC record found at ${location}${inherited ? ` (inherited from ${found.name})` : ''}.`, `${record}; ${refereeText}`));

  // DMARC_POLICY
  const p = tags.get('p')?.toLowerCase();
  const sp = tags.get('sp')?.toLowerCase();
  const effective = inherited ? (sp ?? p) : p;
  const pct = tags.has('pct') ? Number(tags.get('pct')) : 100;
  const notes: string[] = [];
  if (tags.has('pct') && pct < 100) notes.push(`pct=${tags.get('pct')}: only part of the mail gets the policy (pct is removed in RFC 9989)`);
  if (!inherited && sp === 'none' && p && p !== 'none') notes.push(`sp=none leaves subdomains unprotected although p=${p}`);
  if (!p) {
    results.push(result('DMARC_POLICY', 'WARN', 'DMARC record has no p= tag: receivers treat it as p=none (or ignore it).', record, 'Add "p=none" (monitoring) or "p=quarantine" / "p=reject".'));
  } else if (!['none', 'quarantine', 'reject'].includes(p)) {
    results.push(result('DMARC_POLICY', 'WARN', `DMARC p=${p} is not a valid policy; receivers ignore the record.`, record, 'Use p=none, p=quarantine or p=reject.'));
  } else if (effective === 'none') {
    results.push(result('DMARC_POLICY', 'WARN', `DMARC ${inherited && sp ? 'sp' : 'p'}=none: monitoring only; spoofed mail is delivered.`, [record, ...notes].join('; '),
      'Once the reports show all legitimate mail passing, move to p=quarantine, then p=reject.'));
  } else if (notes.length) {
    results.push(result('DMARC_POLICY', 'WARN', `DMARC p=${effective}, but ${notes[0]}.`, [record, ...notes].join('; '), 'Remove pct= and set sp= to the same strength as p=.'));
  } else {
    results.push(result('DMARC_POLICY', effective === 'quarantine' ? 'INFO' : 'OK',
      effective === 'quarantine' ? 'DMARC p=quarantine: spoofed mail goes to spam; p=reject would refuse it outright.' : 'DMARC p=reject: spoofed mail is refused.', record,
      effective === 'quarantine' ? 'Consider p=reject once reports are clean.' : ''));
  }

  results.push(await ruaCheck(ctx, found.name, tags.get('rua')));
  return { results, dmarc: { location, record, tags, inherited } };
}

async function ruaCheck(ctx: CheckContext, domain: string, rua: string | undefined): Promise<CheckResult> {
  if (!rua) {
    return result('DMARC_RUA', 'WARN', 'DMARC has no rua=: you receive no aggregate reports, so you cannot see who sends as you.', `_dmarc.${domain}: no rua`,
      `Add "rua=mailto:dmarc-reports@${domain}" (or a report service's address).`);
  }
  const uris = rua.split(',').map((u) => u.trim()).filter(Boolean);
  const problems: string[] = [];
  const evidence: string[] = [];
  let unknown = false;
  const orgOf = (d: string) => getDomain(d) ?? d;
  await Promise.all(uris.map(async (uri) => {
    const m = /^mailto:([^@\s]+)@([^!\s]+)(!\d+[kmgt]?)?$/i.exec(uri);
    if (!m) {
      problems.push(`"${uri}" is not a mailto: URI`);
      return;
    }
    const target = m[2]!.toLowerCase();
    if (m[3]) problems.push(`"${uri}" uses a size limit (!…), obsolete in RFC 9989`);
    const [mx, auth] = await Promise.all([
      lookup<MxRecord>(ctx.resolver, target, 'MX'),
      orgOf(target) !== orgOf(domain) ? lookup<string[]>(ctx.resolver, `${domain}._report._dmarc.${target}`, 'TXT') : Promise.resolve(undefined),
    ]);
    if (mx.status === 'error') unknown = true;
    else if (!recordsOf(mx).length) problems.push(`${target} has no MX, so reports to ${uri} cannot be delivered`);
    if (auth) {
      if (auth.status === 'error') unknown = true;
      else {
        let ok = txtStrings(auth).some((t) => /^v=DMARC1/i.test(t));
        if (!ok) {
          const wild = await lookup<string[]>(ctx.resolver, `*._report._dmarc.${target}`, 'TXT');
          ok = txtStrings(wild).some((t) => /^v=DMARC1/i.test(t));
        }
        evidence.push(`${domain}._report._dmarc.${target}: ${ok ? 'v=DMARC1' : 'absent'}`);
        if (!ok) problems.push(`${target} has no authorisation record (${domain}._report._dmarc.${target}); reports to it are discarded`);
      }
    }
  }));
  const text = [`rua=${rua}`, ...evidence].join('; ');
  if (problems.length) return result('DMARC_RUA', 'WARN', `${problems[0]}.`, `${text}; ${problems.join('; ')}`, 'Fix the report address, or ask the report receiver to publish the authorisation record.');
  if (unknown) return result('DMARC_RUA', 'UNKNOWN', 'Could not verify the rua= destination (DNS did not answer).', text, 'Run the check again later.');
  return result('DMARC_RUA', 'OK', `Aggregate reports go to ${uris.join(', ')}.`, text);
}

/** DMARC_ALIGN for `check <domain> --ip`: SPF for MAIL FROM @domain is aligned by construction; it matters whether it passes. */
export function dmarcAlign(domain: string, spfVerdict: SpfOutcome, dmarc: DmarcRecordInfo | undefined, ip: string): CheckResult {
  const policy = dmarc ? ((dmarc.inherited ? dmarc.tags.get('sp') : undefined) ?? dmarc.tags.get('p') ?? 'none').toLowerCase() : 'none';
  const aspf = dmarc?.tags.get('aspf')?.toLowerCase() === 's' ? 'strict' : 'relaxed';
  const evidence = `SPF for postmaster@${domain} from ${ip}: ${spfVerdict}; DMARC ${dmarc ? `p=${policy}, aspf=${aspf}` : 'none'}; DKIM not evaluated (needs a signed message)`;
  if (spfVerdict === 'temperror') return result('DMARC_ALIGN', 'UNKNOWN', 'DMARC alignment unknown: SPF could not be evaluated.', evidence, 'Run the check again later.', ip);
  if (spfVerdict === 'pass') return result('DMARC_ALIGN', 'OK', `SPF passes for ${domain} itself (aligned, ${aspf}): DMARC passes through SPF.`, evidence, '', ip);
  if (!dmarc) return result('DMARC_ALIGN', 'INFO', `SPF does not pass from ${ip} and ${domain} has no DMARC: receivers judge the mail on SPF/DKIM alone.`, evidence, 'Sign with DKIM (d=' + domain + ') or authorise the IP in SPF.', ip);
  if (policy === 'reject') return result('DMARC_ALIGN', 'CRIT', `SPF does not pass from ${ip}; with p=reject this mail is rejected unless DKIM (d=${domain}) aligns.`, evidence, `Authorise ${ip} in SPF, or make sure the mail is DKIM-signed with d=${domain}.`, ip);
  if (policy === 'quarantine') return result('DMARC_ALIGN', 'WARN', `SPF does not pass from ${ip}; with p=quarantine this mail goes to spam unless DKIM (d=${domain}) aligns.`, evidence, `Authorise ${ip} in SPF, or DKIM-sign with d=${domain}.`, ip);
  return result('DMARC_ALIGN', 'WARN', `SPF does not pass from ${ip}; p=none delivers it, but DMARC fails unless DKIM (d=${domain}) aligns.`, evidence, `Authorise ${ip} in SPF, or DKIM-sign with d=${domain}.`, ip);
}
