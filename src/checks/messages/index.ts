/** Every check sentence, by key, in every language (one file per check module). */
import type { Localized } from '../../core/lang.js';
import { DKIM_MESSAGES } from './dkim.js';
import { DMARC_MESSAGES } from './dmarc.js';
import { DNS_ERROR_MESSAGES } from './dns-errors.js';
import { DNSBL_MESSAGES } from './dnsbl.js';
import { IP_MESSAGES } from './ip.js';
import { MX_MESSAGES } from './mx.js';
import { POLICY_MESSAGES } from './policy.js';
import { RUN_MESSAGES } from './run.js';
import { SMTP_MESSAGES } from './smtp.js';
import { SPF_MESSAGES } from './spf.js';
import { USAGE_MESSAGES } from './usage.js';

export const CHECK_MESSAGES = {
  ...RUN_MESSAGES, ...DNS_ERROR_MESSAGES, ...MX_MESSAGES, ...SPF_MESSAGES, ...DMARC_MESSAGES, ...DKIM_MESSAGES,
  ...IP_MESSAGES, ...DNSBL_MESSAGES, ...POLICY_MESSAGES, ...SMTP_MESSAGES, ...USAGE_MESSAGES,
} satisfies Record<string, Localized>;

export type CheckMessageKey = keyof typeof CHECK_MESSAGES;
