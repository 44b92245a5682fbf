/** Log paths pino must never print: tokens, secrets, passwords, signatures. */
export const REDACT_PATHS = [
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.password', '*.appPassword', '*.secret',
  '*.apiKey', '*.authorization', '*.Authorization', '*.cookie', '*.ticket', '*.CSRFPreventionToken',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-slack-signature"]',
  'config.slack', 'config.teams', 'config.store.redisUrl', 'headers.authorization',
  '*.dqsKey', 'config.checks.dnsbl.dqsKey',
];
