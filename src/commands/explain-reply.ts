/**
 * Turns an Explanation into the neutral Reply: what happened, who acts, what
 * to do, the fields read from the text, and follow-up buttons. Everything
 * from the bounce stays plain text; renderers escape it.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FollowUp } from '../catalog/types.js';
import type { ExplainedInput } from '../bounce/explain.js';
import type { ExplainedRecipient } from '../bounce/types.js';
import { fill, LANGS, t, type Lang } from '../core/lang.js';
import type { Action, Part, Reply, Severity } from '../core/reply.js';
import { allowSenderCommand, findInQuarantineCommand } from '../backends/follow-ups.js';
import { ACTORS, CONFIDENCE, FOLLOW_UP, LABELS, noteText } from './explain-text.js';

export interface NamedExplanation {
  name: string;
  explained: ExplainedInput;
}

const SEVERITY: Record<string, Severity> = { temporary: 'warn', rejected: 'error', accepted: 'ok' };

/** The JSON object the CLI prints for one input (the contract of `explain --json`). */
export function explanationJson(name: string, explained: ExplainedInput) {
  return {
    file: name,
    bounce: explained.bounce,
    results: explained.results.map((r) => ({
      recipient: r.recipient,
      match: r.match
        ? {
            id: r.match.id,
            source: r.match.source,
            title: r.match.title,
            category: r.match.category,
            reason: r.match.reason,
            temporary: r.match.temporary,
            actor: r.match.actor,
            confidence: r.match.confidence,
          }
        : null,
      alternatives: r.alternatives,
      extracted: r.extracted,
    })),
  };
}

const isPublicIp = (ip: string) => !/^(?:10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.|::1$|fe80:|fc|fd)/i.test(ip);

function followUpActions(result: ExplainedRecipient, followUps: FollowUp[], lang: Lang): Action[] {
  const actions: Action[] = [];
  const ex = result.extracted;
  const domainOf = (address: string | null | undefined) => address?.split('@')[1];
  for (const f of followUps) {
    if (f.kind === 'check') {
      let target: string | undefined;
      if (f.target === 'ip' || f.target === 'zone') target = ex.ips.find(isPublicIp);
      else if (f.target === 'domain') target = ex.remoteHost && !/^[\d.:]+$/.test(ex.remoteHost) ? ex.remoteHost : ex.domains[0];
      else if (f.target === 'sender-domain') target = domainOf(result.record.sender);
      else if (f.target === 'recipient-domain') target = domainOf(result.recipient);
      if (target) actions.push({ id: `check:${target}`, label: fill(t(FOLLOW_UP.check!, lang), { target }), command: `check ${target}` });
    } else if (f.kind === 'allow' && f.list === 'sender' && result.record.sender) {
      const target = result.record.sender;
      // Built by the backends' own helper: a value from mail never becomes more than one argument.
      const command = allowSenderCommand(target, domainOf(result.recipient));
      if (command) actions.push({ id: `allow:${target}`, label: fill(t(FOLLOW_UP.allow!, lang), { target }), command });
    } else if (f.kind === 'allow' && f.list === 'ip') {
      const target = ex.ips.find(isPublicIp);
      if (target) actions.push({ id: `allow:${target}`, label: fill(t(FOLLOW_UP.allow!, lang), { target }), command: `allow add ${target}` });
    } else if ((f.kind === 'release' || f.kind === 'quarantine-search') && result.recipient) {
      const command = findInQuarantineCommand(result.recipient);
      if (command) actions.push({ id: `quarantine:${result.recipient}`, label: t(FOLLOW_UP.quarantine!, lang), command });
    }
  }
  return actions;
}

function resultParts(result: ExplainedRecipient, catalog: Catalog, lang: Lang, multiple: boolean, showAll: boolean): Part[] {
  const parts: Part[] = [];
  const entry = result.match ? catalog.get(result.match.id) : undefined;
  const known = result.match && result.match.evidence !== 'reply-class';
  const heading = known ? result.match!.title : t(LABELS.notInCatalogue, lang);
  if (multiple) parts.push({ kind: 'heading', text: result.recipient ? `${result.recipient}: ${heading}` : heading });
  if (!known && multiple === false && result.match) parts.push({ kind: 'text', content: [result.match.title] });
  if (entry && result.match) {
    parts.push({ kind: 'text', content: [t(entry.explanation, lang)] });
    parts.push({ kind: 'text', content: [{ text: `${t(LABELS.whatToDo, lang)}: `, style: 'bold' }, t(entry.remedy, lang)] });
  }
  const ex = result.extracted;
  const fields: Array<{ label: string; value: string }> = [];
  if (result.match) {
    fields.push({ label: t(LABELS.whoActs, lang), value: t(ACTORS[result.match.actor]!, lang) });
    fields.push({ label: t(LABELS.temporary, lang), value: t(result.match.temporary ? LABELS.yes : LABELS.no, lang) });
    fields.push({ label: t(LABELS.reason, lang), value: result.match.reason });
    fields.push({ label: t(LABELS.confidence, lang), value: t(CONFIDENCE[result.match.confidence]!, lang) });
  }
  if (result.recipient && !multiple) fields.push({ label: t(LABELS.recipient, lang), value: result.recipient });
  if (ex.replyCode) fields.push({ label: t(LABELS.reply, lang), value: ex.replyCode });
  if (ex.enhancedCode) fields.push({ label: t(LABELS.status, lang), value: ex.enhancedCode });
  if (ex.remoteHost) fields.push({ label: t(LABELS.remoteHost, lang), value: ex.remoteHost });
  if (result.record.clientHost) fields.push({ label: t(LABELS.clientHost, lang), value: result.record.clientHost });
  if (ex.zone) fields.push({ label: t(LABELS.zone, lang), value: ex.zone });
  if (ex.ips.length && (showAll || !known)) fields.push({ label: t(LABELS.ips, lang), value: ex.ips.join(', ') });
  if (ex.domains.length && (showAll || !known)) fields.push({ label: t(LABELS.domains, lang), value: ex.domains.slice(0, 10).join(', ') });
  if (fields.length) parts.push({ kind: 'fields', fields });
  if (ex.diagnostic && (showAll || !known)) parts.push({ kind: 'code', text: ex.diagnostic.slice(0, 2000) });
  if (result.match) {
    const alt = result.alternatives.length ? ` · ${t(LABELS.alternatives, lang)}: ${result.alternatives.map((a) => a.id).join(', ')}` : '';
    parts.push({ kind: 'context', content: [`${t(LABELS.entry, lang)}: `, { text: result.match.id, style: 'code' }, alt] });
  }
  return parts;
}

/**
 * `dataOnly`: the reply is shown as its data (--json, on every face), so the text parts and buttons
 * are not built — thousands of files at the terminal would spend more on them than on printing.
 */
export function explanationReply(inputs: NamedExplanation[], catalog: Catalog, lang: Lang, options: { ref?: string; showAll?: boolean; dataOnly?: boolean }): Reply {
  const parts: Part[] = [];
  const actions: Action[] = [];
  const results = inputs.flatMap((i) => i.explained.results);
  const first = results.find((r) => r.match) ?? results[0];
  for (const { name, explained } of options.dataOnly ? [] : inputs) {
    if (inputs.length > 1) parts.push({ kind: 'heading', text: `${t(LABELS.input, lang)}: ${name}` });
    const multiple = explained.results.length > 1;
    for (const result of explained.results) {
      parts.push(...resultParts(result, catalog, lang, multiple, options.showAll ?? false));
      const entry = result.match ? catalog.get(result.match.id) : undefined;
      // A text that names a blocklist or a server's address is worth a check even when its entry
      // (or no entry) says so: the check is what tells whether the IP is listed or mis-set.
      const unknown = !entry || result.match?.evidence === 'reply-class';
      const implied: FollowUp[] = result.extracted.zone || unknown ? [{ kind: 'check', target: 'ip' }] : [];
      actions.push(...followUpActions(result, [...(entry?.followUp ?? []), ...implied], lang));
    }
    for (const code of explained.noteCodes) parts.push({ kind: 'context', content: [noteText(code, lang)] });
  }
  if (options.ref && !options.dataOnly) {
    if (!options.showAll) actions.push({ id: 'details', label: t(LABELS.details, lang), command: `explain --ref ${options.ref} --fields --lang ${lang}` });
    for (const other of LANGS.filter((l) => l !== lang)) {
      actions.push({ id: `lang:${other}`, label: t(FOLLOW_UP.language!, other), command: `explain --ref ${options.ref} --lang ${other}` });
    }
  }
  const unique = [...new Map(actions.map((a) => [a.id, a])).values()].slice(0, 10);
  const known = first?.match && first.match.evidence !== 'reply-class';
  const title = known ? first.match!.title : results.length ? t(LABELS.notInCatalogue, lang) : undefined;
  const summary = first?.match
    ? `${first.match.title} (${first.match.reason}, ${first.match.category}) — ${t(ACTORS[first.match.actor]!, lang)}`
    : title ?? noteText(inputs[0]?.explained.noteCodes[0] ?? 'empty', lang);
  return {
    severity: first?.match ? SEVERITY[first.match.category] ?? 'info' : 'info',
    ...(title ? { title } : {}),
    parts,
    ...(unique.length ? { actions: unique } : {}),
    data: inputs.map((i) => explanationJson(i.name, i.explained)),
    jsonLines: true,
    summary,
  };
}
