/** Build step (`npm run build`): validates the empty configuration and saves it (defaults.ts). */
import { configSchema } from './schema.js';
import { DEFAULTS_FILE, writeDefaults } from './defaults.js';

writeDefaults(configSchema.parse({}));
process.stdout.write(`config: defaults → ${DEFAULTS_FILE.pathname}\n`);
