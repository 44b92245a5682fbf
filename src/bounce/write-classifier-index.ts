/** Build step (`npm run build`, after the catalogue snapshot): the classifier's automata, saved. */
import { loadCatalog } from '../catalog/catalog.js';
import { Classifier } from './classify.js';
import { INDEX_FILE, writeClassifierIndex } from './classifier-index.js';

const catalog = loadCatalog();
writeClassifierIndex(catalog, new Classifier(catalog).exportIndex());
process.stdout.write(`classifier: automata of ${catalog.entries.length} entries → ${INDEX_FILE.pathname}\n`);
