/** The neutral Request: what any face (Slack, Teams, console, CLI) hands to the router. */
import type { Lang } from './lang.js';

export type Platform = 'slack' | 'teams' | 'console' | 'cli' | 'http';

/** Who is asking. `id` is platform-qualified: `slack:U123`, `teams:<aad-object-id>`, `console:alice`. */
export interface Actor {
  id: string;
  name?: string;
  /** Slack user-group ids / Teams group ids the person belongs to, when the adapter knows them. */
  groups?: string[];
  /**
   * The face could not tell who this is (a terminal user id with no entry in the password
   * database): every privileged action is refused, whatever the policy says.
   */
  anonymous?: boolean;
}

/** A file that came with the request (an uploaded .eml, a path given to the CLI). */
export interface Attachment {
  name: string;
  /** Local path when the file is on this machine (CLI); lets log commands follow it. */
  path?: string;
  read(): Promise<Buffer>;
}

export interface Request {
  platform: Platform;
  actor: Actor;
  /** Channel / conversation id, for audit and replies. */
  channel?: string;
  lang: Lang;
  /** Arguments after the command name, already split (CLI argv or tokenised chat text). */
  args: string[];
  /** The raw text after the command name, unsplit (a pasted bounce keeps its line breaks). */
  text: string;
  attachments: Attachment[];
  /** Standard input, when the face has one (CLI `-`). */
  stdin?: () => Promise<Buffer>;
  /** True when a person can be asked a question on this face (TTY). */
  interactive?: boolean;
  /** Asks the person a yes/no question (CLI in a TTY); absent on chat faces. */
  ask?: (question: string) => Promise<boolean>;
}
