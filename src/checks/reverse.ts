/** Reverse-lookup names: in-addr.arpa / ip6.arpa, and DNSBL query names (IPv6 as 32 nibbles). */
import { ipaddr } from '../core/ipaddr.js';

/** Reversed labels of an IP: `5.113.0.203` or the 32 nibbles of an IPv6 address. */
export function reversedLabels(ip: string): string {
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString().split('.').reverse().join('.');
  const hex = (addr as ipaddr.IPv6).toNormalizedString().split(':').map((g) => g.padStart(4, '0')).join('');
  return hex.split('').reverse().join('.');
}

export function reverseName(ip: string): string {
  const addr = ipaddr.process(ip);
  return `${reversedLabels(ip)}.${addr.kind() === 'ipv4' ? 'in-addr.arpa' : 'ip6.arpa'}`;
}

export function isIpv6(ip: string): boolean {
  return ipaddr.process(ip).kind() === 'ipv6';
}
