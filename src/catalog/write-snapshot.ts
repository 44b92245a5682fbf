/**
 * Build step (`npm run build`): validates the YAML catalogue and writes the
 * snapshot the processes load. A broken catalogue fails the build with the
 * sentence that names the file, the entry and the key.
 */
import { compileCatalogTexts } from './compile.js';
import { CATALOG_DIR, readCatalogTexts, Catalog } from './catalog.js';
import { SNAPSHOT_FILE, writeSnapshot } from './snapshot.js';

const files = readCatalogTexts(CATALOG_DIR);
const compiled = compileCatalogTexts(files);
if (!compiled.ok) {
  process.stderr.write(`catalogue: ${compiled.message}\n`);
  process.exit(1);
}
new Catalog(compiled.entries, compiled.sources); // duplicate ids and bad regexes fail the build too
writeSnapshot(CATALOG_DIR, files, compiled.sources, compiled.entries);
process.stdout.write(`catalogue: ${compiled.entries.length} entries from ${files.length} files → ${SNAPSHOT_FILE.pathname}\n`);
