/**
 * How much of one input the explainer reads. A 10 MB upload (the largest
 * limits.maxInputBytes allows) of 90,000 recipients or 40,000 mbox messages
 * would otherwise cost seconds and half a gigabyte for an answer no one reads
 * to the end. What lies beyond these limits is not read, and the answer says
 * so (the "truncated" note).
 */

/** Text read from one MIME part, or from a paste: a bounce's report is a few kilobytes. */
export const PART_BYTES = 512 * 1024;
/** Messages read from one mbox. */
export const MBOX_MESSAGES = 100;
/** Recipients (records) read from one input. */
export const RECIPIENTS = 500;
