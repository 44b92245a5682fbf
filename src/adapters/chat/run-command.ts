/**
 * Runs one command for a chat face through the shared router and records it
 * in the metrics. Chat faces never call commands directly: everything goes
 * through the router, so help, --lang, --json and error sentences are the
 * same as in the console.
 */
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import type { AppServices } from '../../main.js';
import type { CommandMetrics } from '../../server/metrics.js';

export async function runCommand(
  services: AppServices,
  metrics: CommandMetrics | undefined,
  name: string,
  request: Request,
): Promise<Reply> {
  const started = process.hrtime.bigint();
  const known = services.router.find(name);
  const reply = await services.router.dispatch(name, request, services);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Unknown names are one label, so a typo cannot grow the metric's cardinality.
  metrics?.observeCommand(request.platform, known?.name ?? 'unknown', seconds, (reply.exitCode ?? 0) === 1);
  return reply;
}
