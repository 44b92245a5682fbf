/** The shape every command has; commands are faces-agnostic. */
import type { Lang, Localized } from './lang.js';
import type { Reply } from './reply.js';
import type { Request } from './request.js';
import type { Services } from './services.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  request: Request;
  /** Positional arguments, after options were taken out. */
  args: string[];
  flags: Flags;
  lang: Lang;
  services: Services;
}

export interface Command {
  /** Name used on the CLI and in the console (`explain`). */
  name: string;
  /** Other names the router accepts (`bounce`). */
  aliases?: string[];
  /** Slash command in chat (`/bounce`); several commands may share a face-specific router. */
  slash?: string;
  summary: Localized;
  /** One-line synopsis, e.g. `explain [FILE...|-] [--lang en|id|de] [--json]`. */
  usage: string;
  options?: Record<string, OptionSpec>;
  /**
   * The command reads the request's raw text itself (a pasted bounce keeps its
   * line breaks); the router still parses leading options from `args`.
   */
  rawText?: boolean;
  /**
   * Positional arguments are file paths (`-` is standard input). The CLI face
   * turns them into Request.attachments; chat faces attach uploaded files.
   */
  fileArgs?: boolean;
  run(ctx: CommandContext): Promise<Reply>;
}
