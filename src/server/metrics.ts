/**
 * Prometheus metrics for the chat faces: requests, latency and errors by
 * platform and command, plus the Slack ack latency the 3-second rule is about.
 * One registry per server, so tests and several faces in one process never
 * collide on prom-client's global default registry.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface CommandMetrics {
  /** Records one command run; `failed` when the reply was a refusal or an internal error. */
  observeCommand(platform: string, command: string, seconds: number, failed: boolean): void;
  /** Time from receiving a Slack request to acknowledging it. */
  observeAck(platform: string, seconds: number): void;
}

export interface ServerMetrics extends CommandMetrics {
  readonly registry: Registry;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'postmaster_' });
  const requests = new Counter({
    name: 'postmaster_requests_total',
    help: 'Commands run, by platform and command.',
    labelNames: ['platform', 'command'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'postmaster_errors_total',
    help: 'Commands that ended in a refusal or an internal error, by platform and command.',
    labelNames: ['platform', 'command'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'postmaster_request_duration_seconds',
    help: 'Time to build the reply, by platform and command.',
    labelNames: ['platform', 'command'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const ack = new Histogram({
    name: 'postmaster_ack_duration_seconds',
    help: 'Time from receiving an interactive request to acknowledging it (Slack allows 3 s).',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers: [registry],
  });
  return {
    registry,
    observeCommand(platform, command, seconds, failed) {
      requests.inc({ platform, command });
      latency.observe({ platform, command }, seconds);
      if (failed) errors.inc({ platform, command });
    },
    observeAck(platform, seconds) {
      ack.observe({ platform }, seconds);
    },
  };
}
