/**
 * Secrets and deployment settings come from the environment, never from the
 * YAML file in a repository. This is the only module that reads them; it lays
 * them over the parsed YAML before validation.
 */
type Raw = Record<string, unknown>;

function section(raw: Raw, key: string): Raw {
  const value = raw[key];
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Raw;
  const fresh: Raw = {};
  raw[key] = fresh;
  return fresh;
}

/** [environment variable, config path] — the value is copied when the variable is set and non-empty. */
export const ENV_KEYS: Array<[string, string[]]> = [
  ['REDIS_URL', ['store', 'redisUrl']],
  ['POSTMASTER_DATA_DIR', ['dataDir']],
  ['POSTMASTER_LANG', ['lang']],
  ['LOG_LEVEL', ['log', 'level']],
  ['PORT', ['server', 'port']],
  ['SPAMHAUS_DQS_KEY', ['checks', 'dnsbl', 'dqsKey']],
  ['SLACK_BOT_TOKEN', ['slack', 'botToken']],
  ['SLACK_SIGNING_SECRET', ['slack', 'signingSecret']],
  ['SLACK_APP_TOKEN', ['slack', 'appToken']],
  ['SLACK_API_URL', ['slack', 'apiUrl']],
  ['MICROSOFT_APP_ID', ['teams', 'appId']],
  ['MICROSOFT_APP_PASSWORD', ['teams', 'appPassword']],
  ['MICROSOFT_APP_TENANT_ID', ['teams', 'tenantId']],
  ['MICROSOFT_APP_TYPE', ['teams', 'appType']],
  ['SPAMEXPERTS_PASSWORD', ['backends', 'spamexperts', 'password']],
  ['SPAMEXPERTS_PANEL_PASSWORD', ['backends', 'spamexperts', 'panelPassword']],
  ['PMG_PASSWORD', ['backends', 'proxmox', 'password']],
  ['QUARANTINE_RELAY_PASSWORD', ['backends', 'maildir', 'relay', 'password']],
  ['POSTMASTER_INGEST_TOKEN', ['ingest', 'token']],
];

/** The variables whose values are secrets: never accepted from the YAML file (it lives in repositories). */
export const SECRET_ENV_KEYS = new Set([
  'SPAMHAUS_DQS_KEY', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MICROSOFT_APP_PASSWORD',
  'SPAMEXPERTS_PASSWORD', 'SPAMEXPERTS_PANEL_PASSWORD', 'PMG_PASSWORD', 'QUARANTINE_RELAY_PASSWORD', 'POSTMASTER_INGEST_TOKEN',
]);

/**
 * The first secret found in a parsed config file, as [key path, variable to use instead] — or
 * null. A Redis URL counts when it carries a password.
 */
export function secretInFile(raw: Raw): [string, string] | null {
  for (const [name, path] of ENV_KEYS) {
    let value: unknown = raw;
    for (const key of path) value = value && typeof value === 'object' ? (value as Raw)[key] : undefined;
    if (value === undefined || value === null || value === '') continue;
    const secret = SECRET_ENV_KEYS.has(name) || (name === 'REDIS_URL' && typeof value === 'string' && /^[a-z]+:\/\/[^/@]*:[^/@]+@/i.test(value));
    if (secret) return [path.join('.'), name];
  }
  return null;
}

export function applyEnv(input: Raw, env: NodeJS.ProcessEnv): Raw {
  const raw: Raw = structuredClone(input);
  for (const [name, path] of ENV_KEYS) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let target = raw;
    for (const key of path.slice(0, -1)) target = section(target, key);
    const last = path[path.length - 1]!;
    target[last] = name === 'PORT' ? Number(value) : value;
  }
  return raw;
}
