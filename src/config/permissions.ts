/** What an access-policy role can grant. Kept apart from the zod schema so the policy loads without it. */
export const PERMISSIONS = [
  'quarantine.read', 'quarantine.release', 'quarantine.delete', 'lists.read', 'lists.edit', 'audit.read',
  /** Choosing the DNS resolver of a check from chat (`--resolver`); terminal users always may. */
  'checks.resolver',
] as const;
