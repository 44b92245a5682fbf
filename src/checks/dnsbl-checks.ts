/** IP_DNSBL, DOMAIN_BL and DNSBL_HEALTH: every configured list, queried in parallel. */
import type { CheckContext } from './context.js';
import { queryZone, type ZoneAnswer } from './dnsbl.js';
import type { ZoneSpec } from './dnsbl-zones.js';
import { msg } from './message.js';
import { result, type CheckSeverity, type PendingResult } from './types.js';

const TIER_SEVERITY: Record<ZoneSpec['tier'], CheckSeverity> = { major: 'CRIT', minor: 'WARN', info: 'INFO' };

function listingResult(code: 'IP_DNSBL' | 'DOMAIN_BL', zone: ZoneSpec, subject: string, answer: Extract<ZoneAnswer, { state: 'listed' }>, label?: string): PendingResult {
  const evidence = [`${zone.display} A ${answer.codes.join(', ')}`, ...answer.txt.map((t) => `TXT "${t}"`)].join('; ');
  const delist = zone.delist ? msg('bl.delistAt', { url: zone.delist }) : '';
  const what = code === 'DOMAIN_BL' ? msg('bl.whatDomain', { subject }) : msg('bl.whatIp');
  const collateral = zone.tier === 'info' ? msg('bl.informational') : '';
  return result(
    code, TIER_SEVERITY[zone.tier], msg('bl.listed', { subject, zone: zone.name, meanings: answer.meanings.join('; '), what, collateral }),
    evidence, msg('bl.listedFix', { delist }), label ?? zone.name,
  );
}

function healthResult(zone: ZoneSpec, answer: Extract<ZoneAnswer, { state: 'refused' | 'broken' | 'unknown' }>, subject: string): PendingResult {
  const dqs = zone.zone.includes('spamhaus') && answer.state === 'refused' ? msg('bl.dqsHint') : '';
  const verdict = answer.state === 'refused'
    ? msg('bl.refused', { zone: zone.name, why: answer.why, subject })
    : answer.state === 'broken'
      ? answer.outside.length
        ? msg('bl.outside', { zone: zone.name, addresses: answer.outside.join(', '), subject })
        : msg('bl.wildcard', { zone: zone.name, subject })
      : msg('bl.noAnswer', { zone: zone.name, why: answer.reason, subject });
  return result('DNSBL_HEALTH', 'UNKNOWN', verdict, `${zone.display}: ${answer.state}`, msg('bl.healthFix', { dqs }), zone.name);
}

/** Checks one subject (IP or domain) against every zone of the matching kind. */
export async function dnsblChecks(ctx: CheckContext, subject: string, kind: 'ip' | 'domain', label?: string): Promise<PendingResult[]> {
  const zones = ctx.settings.zones.filter((z) => (kind === 'domain' ? z.kind === 'domain' : z.kind !== 'domain'));
  const code = kind === 'domain' ? 'DOMAIN_BL' : 'IP_DNSBL';
  const answers = await Promise.all(zones.map(async (zone) => ({ zone, answer: await queryZone(ctx.resolver, ctx.store, zone, subject) })));
  const results: PendingResult[] = [];
  const cleanNames: string[] = [];
  let asked = 0;
  let listed = false;
  for (const { zone, answer } of answers) {
    if (answer.state === 'skipped') continue;
    if (zone.kind !== 'allow') asked += 1;
    switch (answer.state) {
      case 'listed':
        if (zone.kind === 'allow') {
          results.push(result(code, 'INFO', msg('bl.allowListed', { subject, zone: zone.name, meanings: answer.meanings.join('; ') }), `${zone.display} A ${answer.codes.join(', ')}`, undefined, label ? `${label} ${zone.name}` : zone.name));
        } else {
          listed = true;
          results.push(listingResult(code, zone, subject, answer, label ? `${label} ${zone.name}` : undefined));
        }
        break;
      case 'clean':
        if (zone.kind !== 'allow') cleanNames.push(zone.display);
        break;
      default:
        results.push(healthResult(zone, answer, subject));
    }
  }
  if (!listed) {
    const unknown = results.filter((r) => r.code === 'DNSBL_HEALTH').length;
    results.push(result(code, cleanNames.length ? 'OK' : 'UNKNOWN',
      cleanNames.length
        ? msg('bl.clean', { subject, n: cleanNames.length, asked, unknown: unknown ? msg('bl.notAsked', { n: unknown }) : '' })
        : msg('bl.noneAsked', { subject }),
      cleanNames.length ? `not listed: ${cleanNames.join(', ')}` : '', undefined, label));
  }
  return results;
}
