/** A reply asked for with --json shows its data as a code block in chat (the CLI prints it raw). */
import type { Reply } from '../../core/reply.js';

export function chatReply(reply: Reply): Reply {
  if (!reply.asJson) return reply;
  const data = reply.data ?? null;
  const textValue = Array.isArray(data) && reply.jsonLines ? data.map((row) => JSON.stringify(row)).join('\n') : JSON.stringify(data, null, 2);
  return { ...reply, title: reply.title, parts: [{ kind: 'code', text: textValue, language: 'json' }], actions: [] };
}
