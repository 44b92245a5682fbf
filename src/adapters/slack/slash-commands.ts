/**
 * The one mapping from Slack slash commands to router commands. The manifest
 * (manifest/slack.yaml) lists the same commands; a test keeps the two equal.
 */
export interface SlashCommand {
  slash: string;
  /** Router command name; null means "the first word of the text names the command" (/postmaster). */
  command: string | null;
  description: string;
  usageHint: string;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { slash: '/bounce', command: 'explain', description: 'Explain a pasted bounce or rejection', usageHint: '550 5.7.1 … (paste the bounce)' },
  { slash: '/mailcheck', command: 'check', description: 'DNS, RBL, SPF and DMARC checks for a domain or IP', usageHint: 'example.com | 203.0.113.5' },
  { slash: '/quarantine', command: 'quarantine', description: 'Find and release quarantined mail', usageHint: 'list --domain example.com | release ID' },
  { slash: '/allow', command: 'allow', description: 'Add a sender to an allow list', usageHint: 'add|remove|list sender@example.com [--domain customer.example]' },
  { slash: '/block', command: 'block', description: 'Add a sender to a block list', usageHint: 'add|remove|list sender@example.com [--domain customer.example]' },
  { slash: '/audit', command: 'audit', description: 'Who changed what: the audit trail', usageHint: '[--since 7d]' },
  { slash: '/digest', command: 'digest', description: 'Rejection digest and spikes', usageHint: '[today | 7d]' },
  { slash: '/postmaster', command: null, description: 'Any postmaster command; help lists them', usageHint: 'help | catalog | explain …' },
];

export function slashCommand(slash: string): SlashCommand | undefined {
  return SLASH_COMMANDS.find((c) => c.slash === slash);
}
