/**
 * The one path every privileged action takes: check the permission (again at
 * click time), get a confirmation that shows exactly what will change, do it,
 * and write the audit record — refusals included.
 *
 * Confirmation by face: chat (and the console) gets a button carrying a
 * single-use token; the CLI asks in a TTY or takes --yes for scripts; --yes is
 * refused in chat, where only the person's own click counts.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { CommandContext } from '../core/command.js';
import { BotError, UsageError } from '../core/errors.js';
import { fill, t, type Lang } from '../core/lang.js';
import { text, type Reply } from '../core/reply.js';
import type { Request } from '../core/request.js';
import type { Services } from '../core/services.js';
import { BackendError, describeError, inLanguage } from '../backends/errors.js';
import { AccessPolicy, type Permission } from './policy.js';
import { AuditLog, type Outcome } from './audit.js';
import { Confirmations, type Params } from './confirmations.js';
import { parseDuration } from '../core/duration.js';
import { ACCESS_TEXT } from './messages.js';
import { StoreUnavailableError } from '../store/store-errors.js';

export interface Access {
  policy: AccessPolicy;
  confirmations: Confirmations;
  audit: AuditLog;
}

export function accessFor(services: Services): Access {
  const { config, store, now } = services;
  return {
    policy: new AccessPolicy(config.access.roles),
    confirmations: new Confirmations(store, now, parseDuration(config.access.confirmTtl) ?? 5 * 60_000),
    audit: new AuditLog(store, now, store.kind === 'embedded' ? join(config.dataDir, 'audit.jsonl') : undefined),
  };
}

/** Platforms where a person at a terminal may answer for themselves with --yes. */
const TERMINALS = new Set(['cli', 'console']);

/**
 * Refuses (BotError 'forbidden', audited) unless the actor holds `permission`
 * for every domain in `domains` (an empty list means the global scope, which
 * needs a grant without a domain limit).
 */
export async function authorize(
  ctx: CommandContext,
  access: Access,
  permission: Permission,
  domains: string[],
  audit: { action: string; params: Params },
): Promise<void> {
  const { request, lang } = ctx;
  const targets = domains.length ? [...new Set(domains.map((d) => d.toLowerCase()))] : [undefined];
  for (const domain of targets) {
    const decision = request.actor.anonymous ? ({ allowed: false, reason: 'anonymous' } as const) : access.policy.decide(request.actor, permission, domain);
    if (decision.allowed) continue;
    const message = refusal(decision.reason, permission, domain, access, request, lang);
    await safeRecord(ctx, access, request, { ...audit, domain, outcome: 'refused', detail: `missing permission ${permission}${domain ? ` for ${domain}` : ''}` });
    throw new BotError('forbidden', message);
  }
}

function refusal(reason: 'anonymous' | 'no_role' | 'not_granted' | 'other_domain', permission: Permission, domain: string | undefined, access: Access, request: Request, lang: Lang): string {
  if (reason === 'anonymous') return fill(t(ACCESS_TEXT.anonymous, lang), { uid: String(process.getuid?.() ?? '?'), permission });
  if (reason === 'no_role') return fill(t(ACCESS_TEXT.noRole, lang), { actor: request.actor.id, permission });
  if (reason === 'not_granted') return fill(t(ACCESS_TEXT.notGranted, lang), { permission });
  const scope = access.policy.scope(request.actor, permission);
  return fill(t(ACCESS_TEXT.otherDomain, lang), {
    permission,
    domain: domain ?? t(ACCESS_TEXT.globalOnly, lang),
    domains: scope.all ? '' : scope.domains.join(', '),
  });
}

export interface PrivilegedAction {
  permission: Permission;
  /** Audit and confirmation name, e.g. quarantine.release. */
  action: string;
  /** The exact parameters; a confirmation is valid only for these. */
  params: Params;
  /** Customer domains concerned; [] = global. */
  domains: string[];
  /** One sentence saying exactly what will change, in the request's language. */
  describe: string;
  /** Button label (Release, Delete, Add …). */
  label: string;
  /** The command as typed, without --yes / --confirm, e.g. "quarantine release 1a2b3c4d5e". */
  command: string;
  danger?: boolean;
  /** Checks before asking for confirmation (the entry is not already there …); failures are audited. */
  precheck?: () => Promise<void>;
  /** Does it; returns a line for the audit and the reply to show. */
  execute: () => Promise<{ detail: string; reply: Reply }>;
}

export async function runPrivileged(ctx: CommandContext, action: PrivilegedAction): Promise<Reply> {
  const { request, flags, lang, services } = ctx;
  const access = accessFor(services);
  const audit = { action: action.action, params: action.params, domain: action.domains[0] };
  await authorize(ctx, access, action.permission, action.domains, audit);

  // How this face confirms, decided before any backend call.
  const token = typeof flags.confirm === 'string' ? flags.confirm : undefined;
  const mode = token !== undefined ? 'token' : flags.yes === true ? 'yes' : request.platform === 'cli' ? 'ask' : 'button';
  if (mode === 'yes' && !TERMINALS.has(request.platform)) {
    await safeRecord(ctx, access, request, { ...audit, outcome: 'refused', detail: '--yes used in chat' });
    throw new UsageError(t(ACCESS_TEXT.yesInChat, lang));
  }
  if (mode === 'ask' && (!request.interactive || !request.ask)) {
    throw new UsageError(fill(t(ACCESS_TEXT.needsYes, lang), { what: action.describe }));
  }
  if (mode !== 'token' && action.precheck) {
    try {
      await action.precheck();
    } catch (error) {
      await safeRecord(ctx, access, request, { ...audit, outcome: outcomeOf(error), detail: describeError(error) });
      throw inLanguage(error, lang);
    }
  }
  if (mode === 'button') return askForConfirmation(ctx, access, action);
  if (mode === 'token') {
    const result = await access.confirmations.redeem(token!, request.actor.id, action.action, action.params);
    if (!result.ok) {
      await safeRecord(ctx, access, request, { ...audit, outcome: 'refused', detail: `confirmation ${result.reason}` });
      throw new BotError('forbidden', t(ACCESS_TEXT[result.reason], lang));
    }
  }
  if (mode === 'ask' && !(await request.ask!(fill(t(ACCESS_TEXT.question, lang), { what: action.describe })))) {
    await safeRecord(ctx, access, request, { ...audit, outcome: 'cancelled', detail: 'answered no' });
    const sentence = t(ACCESS_TEXT.cancelled, lang);
    return { severity: 'info', parts: [text(sentence)], exitCode: 1, summary: sentence, data: { done: false, cancelled: true } };
  }

  let outcome: { detail: string; reply: Reply };
  try {
    outcome = await action.execute();
  } catch (error) {
    await safeRecord(ctx, access, request, { ...audit, outcome: outcomeOf(error), detail: describeError(error) });
    throw inLanguage(error, lang);
  }
  try {
    await access.audit.record(request, { ...audit, outcome: 'done', detail: outcome.detail });
  } catch (error) {
    auditFailed(services.logger, error, { ...audit, actor: request.actor.id, outcome: 'done', detail: outcome.detail });
    return {
      ...outcome.reply,
      severity: 'warn',
      parts: [...outcome.reply.parts, text(fill(t(ACCESS_TEXT.auditFailed, lang), { error: describeError(error) }))],
    };
  }
  return outcome.reply;
}

async function askForConfirmation(ctx: CommandContext, access: Access, action: PrivilegedAction): Promise<Reply> {
  const { request, lang } = ctx;
  const { token } = await access.confirmations.issue(request.actor.id, action.action, action.params);
  await safeRecord(ctx, access, request, {
    action: action.action, params: action.params, domain: action.domains[0], outcome: 'requested', detail: 'confirmation shown',
  });
  const minutes = Math.max(1, Math.round(access.confirmations.ttlMs / 60_000));
  const command = `${action.command} --confirm ${token}`;
  return {
    severity: 'warn',
    title: t(ACCESS_TEXT.confirmTitle, lang),
    parts: [
      text(action.describe),
      { kind: 'context', content: [fill(t(ACCESS_TEXT.confirmValid, lang), { minutes }), ...(TERMINALS.has(request.platform) ? [' ', t(ACCESS_TEXT.confirmHint, lang)] : [])] },
    ],
    actions: [
      {
        id: `confirm:${action.action}`,
        label: action.label,
        command,
        style: action.danger ? 'danger' : 'primary',
        confirm: { title: t(ACCESS_TEXT.confirmTitle, lang), text: action.describe, confirmLabel: action.label, denyLabel: t(ACCESS_TEXT.cancel, lang) },
      },
    ],
    summary: action.describe,
    data: { confirm: true, action: action.action, params: action.params, command },
  };
}

/** Records that an attempt at a privileged action failed before it reached the confirmation step. */
export async function auditFailure(ctx: CommandContext, entry: { action: string; params: Params; domain?: string }, error: unknown): Promise<void> {
  await safeRecord(ctx, accessFor(ctx.services), ctx.request, { ...entry, outcome: outcomeOf(error), detail: describeError(error) });
}

/** Bad input and a backend's "no" are refusals; everything else (timeouts, 5xx, I/O) is a failure. */
function outcomeOf(error: unknown): Outcome {
  if (error instanceof UsageError) return 'refused';
  if (error instanceof BackendError && ['duplicate', 'absent', 'refused', 'readonly', 'not_found'].includes(error.failure)) return 'refused';
  return 'failed';
}

/** Writes an audit record; a failure is logged, never hidden, and never turns a refusal into a crash. */
async function safeRecord(
  ctx: CommandContext,
  access: Access,
  request: Request,
  entry: { action: string; params: Params; domain?: string | undefined; outcome: Outcome; detail: string },
): Promise<void> {
  try {
    await access.audit.record(request, entry);
  } catch (error) {
    auditFailed(ctx.services.logger, error, { ...entry, actor: request.actor.id });
  }
}

/** A record the audit trail could not take is logged with its content; during a store outage (already reported) as a warning. */
function auditFailed(logger: Logger, error: unknown, audit: Record<string, unknown>): void {
  if (error instanceof StoreUnavailableError) logger.warn({ err: { message: error.message }, audit }, 'audit record failed');
  else logger.error({ err: error, audit }, 'audit record failed');
}
