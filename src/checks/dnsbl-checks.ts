/** IP_DNSBL, DOMAIN_BL and DNSBL_HEALTH: every configured list, queried in parallel. */
import type { CheckContext } from './context.js';
import { queryZone, type ZoneAnswer } from './dnsbl.js';
import type { ZoneSpec } from './dnsbl-zones.js';
import { result, type CheckResult, type CheckSeverity } from './types.js';

const TIER_SEVERITY: Record<ZoneSpec['tier'], CheckSeverity> = { major: 'CRIT', minor: 'WARN', info: 'INFO' };

function listingResult(code: 'IP_DNSBL' | 'DOMAIN_BL', zone: ZoneSpec, subject: string, answer: Extract<ZoneAnswer, { state: 'listed' }>, label?: string): CheckResult {
  const evidence = [`${zone.display} A ${answer.codes.join(', ')}`, ...answer.txt.map((t) => `TXT "${t}"`)].join('; ');
  const delist = zone.delist ? ` Delist at ${zone.delist}.` : '';
  const what = code === 'DOMAIN_BL' ? `links to ${subject} get mail rejected` : 'mail from it is likely refused';
  const collateral = zone.tier === 'info' ? ' This list is informational; few receivers use it.' : '';
  return result(
    code, TIER_SEVERITY[zone.tier], `${subject} is listed in ${zone.name}: ${answer.meanings.join('; ')}; ${what}.${collateral}`,
    evidence, `Find and stop the cause first (compromised account, open relay, infected host), then request removal.${delist}`, label ?? zone.name,
  );
}

function healthResult(zone: ZoneSpec, answer: Extract<ZoneAnswer, { state: 'refused' | 'broken' | 'unknown' }>, subject: string): CheckResult {
  const dqs = zone.zone.includes('spamhaus') && answer.state === 'refused'
    ? ' Use our own recursive resolver (checks.resolvers) or configure a Spamhaus DQS key (SPAMHAUS_DQS_KEY).' : '';
  const verdict = answer.state === 'refused'
    ? `${zone.name} refused our query: ${answer.why}; listing of ${subject} is unknown.`
    : answer.state === 'broken'
      ? `${zone.name} ${answer.why}; its answer for ${subject} is ignored (unknown).`
      : `${zone.name} did not answer (${answer.why}); listing of ${subject} is unknown.`;
  return result('DNSBL_HEALTH', 'UNKNOWN', verdict, `${zone.display}: ${answer.state}`,
    `Query the list through a resolver it accepts (not a public one like 8.8.8.8 or 1.1.1.1).${dqs}`, zone.name);
}

/** Checks one subject (IP or domain) against every zone of the matching kind. */
export async function dnsblChecks(ctx: CheckContext, subject: string, kind: 'ip' | 'domain', label?: string): Promise<CheckResult[]> {
  const zones = ctx.settings.zones.filter((z) => (kind === 'domain' ? z.kind === 'domain' : z.kind !== 'domain'));
  const code = kind === 'domain' ? 'DOMAIN_BL' : 'IP_DNSBL';
  const answers = await Promise.all(zones.map(async (zone) => ({ zone, answer: await queryZone(ctx.resolver, ctx.store, zone, subject) })));
  const results: CheckResult[] = [];
  const cleanNames: string[] = [];
  let asked = 0;
  let listed = false;
  for (const { zone, answer } of answers) {
    if (answer.state === 'skipped') continue;
    if (zone.kind !== 'allow') asked += 1;
    switch (answer.state) {
      case 'listed':
        if (zone.kind === 'allow') {
          results.push(result(code, 'INFO', `${subject} is on the ${zone.name} allow list (${answer.meanings.join('; ')}): a known good sender, a positive signal.`, `${zone.display} A ${answer.codes.join(', ')}`, '', label ? `${label} ${zone.name}` : zone.name));
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
      cleanNames.length ? `${subject} is not listed on ${cleanNames.length} of ${asked} lists${unknown ? ` (${unknown} could not be asked)` : ''}.` : `No list could be asked about ${subject}.`,
      cleanNames.length ? `not listed: ${cleanNames.join(', ')}` : '', '', label));
  }
  return results;
}
