/**
 * ipaddr.js, loaded with require(). Imported as an ES module, this CommonJS
 * file cost every process ~50 ms before it ran a line (Node analyses a CJS
 * file's exports when ESM imports it); require() loads it in ~3 ms.
 */
import { createRequire } from 'node:module';
import type * as Ipaddr from 'ipaddr.js';

export const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof Ipaddr;

// The library's address types under the same name, as `ipaddr.IPv6` reads with a default import.
export declare namespace ipaddr {
  type IPv4 = Ipaddr.IPv4;
  type IPv6 = Ipaddr.IPv6;
}
