/**
 * The built-in DNS lists (notes/dnschecks.md §4), tiered: a listing on a
 * major list is CRIT, minor WARN, info INFO. Config can disable zones, add
 * zones or replace one by zone name. SORBS is gone (shut down June 2024).
 */
export type ZoneKind = 'ip' | 'domain' | 'allow';
export type ZoneTier = 'major' | 'minor' | 'info';

export interface ZoneSpec {
  /** What is queried (may contain a DQS key: never print it). */
  zone: string;
  /** What is shown: the zone without any key. */
  display: string;
  name: string;
  kind: ZoneKind;
  tier: ZoneTier;
  ipv6: boolean;
  codes: Record<string, string>;
  bitmask: boolean;
  errorCodes: string[];
  delist?: string;
}

const SPAMHAUS_ERRORS = ['127.255.255.252', '127.255.255.254', '127.255.255.255'];
export const SPAMHAUS_ERROR_WORDS: Record<string, string> = {
  '127.255.255.252': 'typo in the DNSBL name',
  '127.255.255.254': 'query came through a public/open resolver',
  '127.255.255.255': 'excessive number of queries',
};

type ZoneInput = Omit<ZoneSpec, 'display' | 'ipv6' | 'codes' | 'bitmask' | 'errorCodes'> & Partial<ZoneSpec>;

function zone(spec: ZoneInput): ZoneSpec {
  return { ipv6: false, codes: {}, bitmask: false, errorCodes: [], display: spec.zone, ...spec };
}

export function defaultZones(): ZoneSpec[] {
  return [
    zone({
      zone: 'zen.spamhaus.org', name: 'Spamhaus ZEN', kind: 'ip', tier: 'major', ipv6: true,
      codes: {
        '127.0.0.2': 'SBL: spam source or spam operation',
        '127.0.0.3': 'CSS: snowshoe spam source',
        '127.0.0.4': 'XBL: infected host or exploit (CBL)',
        '127.0.0.5': 'XBL: infected host or exploit',
        '127.0.0.6': 'XBL: infected host or exploit',
        '127.0.0.7': 'XBL: infected host or exploit',
        '127.0.0.9': 'DROP/EDROP: hijacked or criminal network',
        '127.0.0.10': 'PBL (ISP maintained): end-user range that should not send directly',
        '127.0.0.11': 'PBL (Spamhaus maintained): end-user range that should not send directly',
      },
      errorCodes: SPAMHAUS_ERRORS, delist: 'https://check.spamhaus.org/',
    }),
    zone({ zone: 'b.barracudacentral.org', name: 'Barracuda BRBL', kind: 'ip', tier: 'major', codes: { '127.0.0.2': 'poor reputation (spam seen)' }, delist: 'https://www.barracudacentral.org/rbl/removal-request' }),
    zone({ zone: 'bl.spamcop.net', name: 'SpamCop', kind: 'ip', tier: 'major', codes: { '127.0.0.2': 'spam reported by SpamCop users' }, delist: 'https://www.spamcop.net/bl.shtml' }),
    zone({ zone: 'bl.mailspike.net', name: 'Mailspike BL', kind: 'ip', tier: 'major', ipv6: true, codes: { '127.0.0.2': 'spam source' }, delist: 'https://mailspike.org/' }),
    zone({ zone: 'psbl.surriel.com', name: 'PSBL', kind: 'ip', tier: 'major', codes: { '127.0.0.2': 'sent mail to spam traps' }, delist: 'https://psbl.org/' }),
    zone({ zone: 'dnsbl-1.uceprotect.net', name: 'UCEPROTECT level 1', kind: 'ip', tier: 'minor', codes: { '127.0.0.2': 'this IP hit spam traps' }, delist: 'https://www.uceprotect.net/en/rblcheck.php' }),
    zone({ zone: 'all.s5h.net', name: 's5h.net', kind: 'ip', tier: 'minor', codes: { '127.0.0.2': 'spam source' }, delist: 'https://www.s5h.net/rbl/' }),
    zone({ zone: 'dyna.spamrats.com', name: 'SpamRATS Dyna', kind: 'ip', tier: 'minor', codes: { '127.0.0.36': 'generic/dynamic reverse DNS (looks like end-user space)' }, delist: 'https://www.spamrats.com/removal.php' }),
    zone({ zone: 'noptr.spamrats.com', name: 'SpamRATS NoPtr', kind: 'ip', tier: 'minor', codes: { '127.0.0.37': 'no reverse DNS (PTR)' }, delist: 'https://www.spamrats.com/removal.php' }),
    zone({ zone: 'spam.spamrats.com', name: 'SpamRATS Spam', kind: 'ip', tier: 'minor', codes: { '127.0.0.38': 'spam or brute-force attempts seen' }, delist: 'https://www.spamrats.com/removal.php' }),
    zone({ zone: 'dnsbl-2.uceprotect.net', name: 'UCEPROTECT level 2 (whole allocation)', kind: 'ip', tier: 'info', codes: { '127.0.0.2': 'the surrounding allocation is listed (collateral)' } }),
    zone({ zone: 'dnsbl-3.uceprotect.net', name: 'UCEPROTECT level 3 (whole ASN)', kind: 'ip', tier: 'info', codes: { '127.0.0.2': 'the whole AS is listed (collateral)' } }),
    zone({ zone: 'ips.backscatterer.org', name: 'Backscatterer', kind: 'ip', tier: 'info', codes: { '127.0.0.2': 'sends backscatter (bounces to forged senders)' } }),
    zone({ zone: 'list.dnswl.org', name: 'DNSWL', kind: 'allow', tier: 'info', ipv6: true, errorCodes: ['127.0.0.255'] }),
    zone({
      zone: 'dbl.spamhaus.org', name: 'Spamhaus DBL', kind: 'domain', tier: 'major',
      codes: {
        '127.0.1.2': 'spam domain', '127.0.1.4': 'phishing domain', '127.0.1.5': 'malware domain', '127.0.1.6': 'botnet C&C domain',
        '127.0.1.102': 'abused legitimate domain (spam)', '127.0.1.103': 'abused legitimate domain (redirector)',
        '127.0.1.104': 'abused legitimate domain (phishing)', '127.0.1.105': 'abused legitimate domain (malware)',
        '127.0.1.106': 'abused legitimate domain (botnet C&C)',
      },
      errorCodes: [...SPAMHAUS_ERRORS, '127.0.1.255'], delist: 'https://check.spamhaus.org/',
    }),
    zone({
      zone: 'multi.surbl.org', name: 'SURBL', kind: 'domain', tier: 'major', bitmask: true,
      codes: { '4': 'DM (disposable/abused)', '8': 'PH (phishing)', '16': 'MW (malware)', '32': 'CT (click tracker)', '64': 'ABUSE (spam)', '128': 'CR (cracked site)' },
      errorCodes: ['127.0.0.1'], delist: 'https://surbl.org/surbl-analysis',
    }),
    zone({
      zone: 'multi.uribl.com', name: 'URIBL', kind: 'domain', tier: 'major', bitmask: true,
      codes: { '2': 'black (spam domain)', '4': 'grey (bulk mail domain)', '8': 'red (newly seen in spam)' },
      errorCodes: ['127.0.0.1'], delist: 'https://admin.uribl.com/',
    }),
  ];
}

/** Spamhaus via the Data Query Service: the key goes in front of the dq.spamhaus.net zones, plus ZRD. */
function withDqs(zones: ZoneSpec[], key: string): ZoneSpec[] {
  const out = zones.map((z) => {
    if (z.zone === 'zen.spamhaus.org') return { ...z, zone: `${key}.zen.dq.spamhaus.net`, display: 'zen.dq.spamhaus.net', name: 'Spamhaus ZEN (DQS)' };
    if (z.zone === 'dbl.spamhaus.org') return { ...z, zone: `${key}.dbl.dq.spamhaus.net`, display: 'dbl.dq.spamhaus.net', name: 'Spamhaus DBL (DQS)' };
    return z;
  });
  const hours: Record<string, string> = {};
  for (let h = 2; h <= 24; h++) hours[`127.0.2.${h}`] = `newly observed domain (first seen ${h} hours ago)`;
  out.push(zone({
    zone: `${key}.zrd.dq.spamhaus.net`, display: 'zrd.dq.spamhaus.net', name: 'Spamhaus ZRD (DQS)', kind: 'domain', tier: 'minor',
    codes: hours, errorCodes: SPAMHAUS_ERRORS,
  }));
  return out;
}

export interface ZoneConfig {
  disable: string[];
  zones: Array<Omit<ZoneSpec, 'display' | 'name'> & { name?: string | undefined; delist?: string | undefined }>;
  dqsKey?: string | undefined;
}

/** The zones a check uses: defaults, minus disabled, with configured ones added or replacing. */
export function resolveZones(config: ZoneConfig): ZoneSpec[] {
  const disabled = new Set(config.disable.map((z) => z.toLowerCase()));
  const configured = new Map(config.zones.map((z) => [z.zone.toLowerCase(), z]));
  let zones = defaultZones()
    .filter((z) => !disabled.has(z.zone) && !configured.has(z.zone))
    .concat(config.zones.filter((z) => !disabled.has(z.zone.toLowerCase())).map((z) => {
      const { delist, name, ...rest } = z;
      return zone({ ...rest, zone: z.zone.toLowerCase(), name: name ?? z.zone, ...(delist ? { delist } : {}) });
    }));
  if (config.dqsKey) zones = withDqs(zones, config.dqsKey);
  return zones;
}
