/** The chat faces: Slack and Microsoft Teams (issue 4). Secrets come from the environment (env.ts). */
import { z } from 'zod';

export const slackSection = z
  .object({
    /** xoxb-… bot token (SLACK_BOT_TOKEN). */
    botToken: z.string().min(1).optional(),
    /** Signing secret for the HTTP receiver (SLACK_SIGNING_SECRET). */
    signingSecret: z.string().min(1).optional(),
    /** xapp-… app-level token; when set, Socket Mode is used and no public URL is needed (SLACK_APP_TOKEN). */
    appToken: z.string().min(1).optional(),
    /** Base URL of the Slack Web API, e.g. http://127.0.0.1:PORT/api/ for a local fake (SLACK_API_URL). */
    apiUrl: z.string().url().optional(),
    /** Path on our HTTP server that receives events, commands and interactivity. */
    endpoint: z.string().regex(/^\/[\w./-]*$/, 'a path like /slack/events').default('/slack/events'),
    /** Who sees command answers: only the person who asked (ephemeral) or the whole channel. */
    responseType: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
    /** Channel id → explain pasted bounces in a thread when the explainer is at least this confident. Off elsewhere. */
    autoExplain: z
      .record(z.string().regex(/^[CG][A-Z0-9]+$/, 'a channel id like C0123ABCD'), z.object({ minConfidence: z.enum(['high', 'medium']).default('high') }).strict())
      .default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.botToken) {
      ctx.addIssue({ code: 'custom', path: ['botToken'], message: 'required to run the Slack face (set SLACK_BOT_TOKEN)' });
    } else if (!value.appToken && !value.signingSecret) {
      ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: 'set SLACK_SIGNING_SECRET (HTTP receiver) or SLACK_APP_TOKEN (Socket Mode)' });
    }
  })
  .optional();

export const teamsSection = z
  .object({
    /** Entra app (client) id of the Azure Bot (MICROSOFT_APP_ID). */
    appId: z.string().min(1).optional(),
    /** Client secret (MICROSOFT_APP_PASSWORD). */
    appPassword: z.string().min(1).optional(),
    /** Directory (tenant) id, required for SingleTenant (MICROSOFT_APP_TENANT_ID). */
    tenantId: z.string().min(1).optional(),
    /** New Azure bots are SingleTenant (multi-tenant creation ended 2025-07-31). */
    appType: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
    /** Path on our HTTP server for Bot Framework activities. */
    endpoint: z.string().regex(/^\/[\w./-]*$/, 'a path like /api/messages').default('/api/messages'),
    /** TEST ONLY: accept activities without a token. Honoured only when NODE_ENV=test. */
    allowUnauthenticated: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.allowUnauthenticated) return;
    if (!value.appId) ctx.addIssue({ code: 'custom', path: ['appId'], message: 'required to run the Teams face (set MICROSOFT_APP_ID)' });
    if (!value.appPassword) ctx.addIssue({ code: 'custom', path: ['appPassword'], message: 'required to run the Teams face (set MICROSOFT_APP_PASSWORD)' });
    if (value.appType === 'SingleTenant' && !value.tenantId) {
      ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'required for a SingleTenant bot (set MICROSOFT_APP_TENANT_ID)' });
    }
  })
  .optional();
