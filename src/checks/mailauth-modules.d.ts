// mailauth 4.13.3 ships no types for this deep module.
declare module 'mailauth/lib/dmarc/get-dmarc-record.js' {
  import type { DNSResolver } from 'mailauth';
  type DmarcRecord = Record<string, string | number | boolean> & { rr: string; isOrgRecord: boolean };
  export default function getDmarcRecord(domain: string, resolver?: DNSResolver): Promise<DmarcRecord | false>;
}
