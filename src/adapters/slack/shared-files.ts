/** Turns the files on a Slack message into attachments, and says why a file could not be read. */
import type { webApi } from '@slack/bolt';
import { fill, t, type Lang } from '../../core/lang.js';
import type { Attachment } from '../../core/request.js';
import type { Reply } from '../../core/reply.js';
import { CHAT_MESSAGES } from '../chat/messages.js';
import { fileAttachment, type FileVerdict, type SlackFile } from './file-download.js';
import type { SlackContext } from './slack-context.js';

export type FileProblem = Extract<FileVerdict, { ok: false }>;

export async function sharedFiles(
  ctx: SlackContext,
  client: webApi.WebClient,
  files: SlackFile[],
): Promise<{ attachments: Attachment[]; problems: FileProblem[] }> {
  const attachments: Attachment[] = [];
  const problems: FileProblem[] = [];
  for (const file of files.slice(0, 10)) {
    try {
      const verdict = await fileAttachment(file, client, ctx.download);
      if (verdict.ok) attachments.push(verdict.attachment);
      else problems.push(verdict);
    } catch (error) {
      ctx.logger.warn({ err: error, file: file.id }, 'slack file could not be inspected');
      problems.push({ ok: false, reason: 'unavailable', name: file.name ?? file.id ?? 'file' });
    }
  }
  return { attachments, problems };
}

/** One sentence for a file we cannot explain. */
export function fileProblem(problem: FileProblem, lang: Lang, ctx: SlackContext): Reply {
  const table = problem.reason === 'not-text' ? CHAT_MESSAGES.fileNotText : problem.reason === 'too-large' ? CHAT_MESSAGES.fileTooLarge : CHAT_MESSAGES.downloadFailed;
  const sentence = fill(t(table, lang), { name: problem.name, size: problem.size ?? 0, max: ctx.download.maxBytes });
  return { severity: 'warn', parts: [{ kind: 'text', content: [sentence] }], exitCode: 2, summary: sentence };
}
