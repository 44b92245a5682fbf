/** Builds the ingester's context from the services and the configuration. */
import type { Services } from '../core/services.js';
import { configDuration } from '../core/duration.js';
import { LineClassifier, type ReplyClassifier } from './classify-line.js';
import type { CountLayout } from './counts.js';
import type { IngestContext } from './ingest-file.js';

const classifiers = new WeakMap<object, LineClassifier>();

export function countLayout(services: Services): CountLayout {
  const d = services.config.digest;
  return {
    hourTtlMs: configDuration(d.hourTtl),
    dayTtlMs: configDuration(d.dayTtl),
    topTtlMs: configDuration(d.topTtl),
    topKeep: d.topKeep,
    topPerFlush: 10,
  };
}

/** One classifier per catalogue (its cache of reply texts is worth keeping). */
export function lineClassifier(services: Services, reply?: ReplyClassifier): LineClassifier {
  if (reply) return new LineClassifier(services.catalog, reply);
  let classifier = classifiers.get(services.catalog);
  if (!classifier) classifiers.set(services.catalog, (classifier = new LineClassifier(services.catalog)));
  return classifier;
}

export function ingestContext(services: Services, extra: Partial<IngestContext> = {}): IngestContext {
  const { digest, ingest } = services.config;
  return {
    store: services.store,
    classifier: lineClassifier(services),
    layout: countLayout(services),
    timeZone: digest.logTimeZone ?? digest.timeZone,
    fallbackServer: ingest.defaultServer,
    flushLines: ingest.flushEvents,
    now: services.now,
    ...extra,
  };
}
