/**
 * The configuration schema. One YAML file plus environment variables for
 * secrets (see env.ts), validated once at start. Every object is strict, so a
 * misspelt key stops the start with a sentence that names it.
 *
 * Each domain owns one section in sections/; add a section there and compose it here.
 */
import { z } from 'zod';
import { LANGS } from '../core/lang.js';
import { slackSection, teamsSection } from './sections/chat.js';
import { checksSection } from './sections/checks.js';
import { limitsSection, logSection, serverSection, storeSection } from './sections/core.js';
import { digestSection, ingestSection } from './sections/digest.js';
import { accessSection, backendsSection } from './sections/privileged.js';

export { PERMISSIONS } from './permissions.js';

export const configSchema = z
  .object({
    /** Default answer language. */
    lang: z.enum(LANGS).default('en'),
    /** Folder for the embedded store and other local state (relative to the working directory). */
    dataDir: z.string().min(1).default('data'),
    store: storeSection,
    limits: limitsSection,
    log: logSection,
    server: serverSection,
    checks: checksSection,
    slack: slackSection,
    teams: teamsSection,
    backends: backendsSection,
    access: accessSection,
    digest: digestSection,
    ingest: ingestSection,
    /** Policy URL spamdyke appends as "See: <url>#CODE"; helps recognise its replies. */
    spamdykePolicyUrl: z.string().url().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
