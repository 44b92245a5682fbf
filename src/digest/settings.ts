/** The digest section of the configuration, in the shapes the digest code uses. */
import type { Config } from '../config/schema.js';
import type { SpikeRule } from './spikes.js';

export function spikeRule(config: Config): SpikeRule {
  const d = config.digest;
  return { floor: d.floor, floors: d.floors, ratio: d.ratio, pValue: d.pValue, normalRatio: d.normalRatio };
}
