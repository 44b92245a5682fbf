/**
 * The access policy: roles map people to grants, optionally per customer
 * domain. Deny by default — nobody, the console included, may do anything the
 * configuration does not grant them by name.
 *
 * Members are platform-qualified: `slack:U0123`, `teams:<aad-object-id>`,
 * `console:<os-user>`, and groups `slack-group:S0456` / `teams-group:<id>`
 * (matched against Actor.groups, which adapters fill).
 */
import type { Config } from '../config/schema.js';
import { PERMISSIONS } from '../config/permissions.js';
import type { Actor } from '../core/request.js';

export type Permission = (typeof PERMISSIONS)[number];
export { PERMISSIONS };

export type Decision =
  | { allowed: true; role: string }
  | { allowed: false; reason: 'no_role' | 'not_granted' | 'other_domain' };

/** Which domains an actor may act on for a permission. */
export type DomainScope = { all: true } | { all: false; domains: string[] };

type Roles = Config['access']['roles'];

export class AccessPolicy {
  constructor(private readonly roles: Roles) {}

  /** May `actor` use `permission` (for a customer `domain`, when the action concerns one)? */
  decide(actor: Actor, permission: Permission, domain?: string): Decision {
    const mine = this.rolesOf(actor);
    if (mine.length === 0) return { allowed: false, reason: 'no_role' };
    const granting = mine.filter(([, role]) => role.grants.includes(permission));
    if (granting.length === 0) return { allowed: false, reason: 'not_granted' };
    const wanted = domain?.toLowerCase();
    for (const [name, role] of granting) {
      if (!role.domains) return { allowed: true, role: name };
      if (wanted && role.domains.some((d) => d.toLowerCase() === wanted)) return { allowed: true, role: name };
    }
    return { allowed: false, reason: 'other_domain' };
  }

  /** Domains `actor` holds `permission` for; `all` when some role grants it without a domain limit. */
  scope(actor: Actor, permission: Permission): DomainScope {
    const granting = this.rolesOf(actor).filter(([, role]) => role.grants.includes(permission));
    if (granting.some(([, role]) => !role.domains)) return { all: true };
    return { all: false, domains: [...new Set(granting.flatMap(([, role]) => role.domains!.map((d) => d.toLowerCase())))] };
  }

  private rolesOf(actor: Actor): Array<[string, Roles[string]]> {
    // Someone the face could not identify holds no role, whatever ids a policy lists.
    if (actor.anonymous) return [];
    const ids = identities(actor);
    return Object.entries(this.roles).filter(([, role]) => role.members.some((m) => ids.has(m)));
  }
}

/** The member strings an actor answers to: its id, and its groups qualified by its platform. */
export function identities(actor: Actor): Set<string> {
  const ids = new Set<string>();
  if (!/^[a-z]+:\S+$/.test(actor.id)) return ids; // an unqualified id matches nothing
  ids.add(actor.id);
  const platform = actor.id.slice(0, actor.id.indexOf(':'));
  for (const group of actor.groups ?? []) {
    if (!group) continue;
    ids.add(/^[a-z]+-group:/.test(group) ? group : `${platform}-group:${group}`);
  }
  return ids;
}
