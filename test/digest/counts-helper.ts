/** Writes counts the way the ingester does (through CountBuffer and one store batch). */
import { CountBuffer } from '../../src/logs/counts.js';
import type { Store } from '../../src/store/store.js';

/** Writes `count` events of `key` into the hour that starts at `hourStart`, the way the ingester does. */
export async function addCounts(store: Store, server: string, key: string, hourStart: number, count: number): Promise<void> {
  const buffer = new CountBuffer();
  for (let i = 0; i < count; i++) {
    buffer.add({ time: hourStart + (i % 3600) * 1000, server, entry: null, reason: key.split(':')[0]!, key, direction: 'in', ip: `198.51.100.${i % 7}` });
  }
  await store.batch(buffer.take());
}

