/**
 * The build's snapshots (catalogue, default configuration) must say exactly
 * what their sources say, and must never shadow a changed source.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CATALOG_DIR, catalogFileNames, readCatalogTexts } from '../../src/catalog/catalog.js';
import { compileCatalogTexts } from '../../src/catalog/compile.js';
import { readSnapshot, writeSnapshot } from '../../src/catalog/snapshot.js';
import { configSchema } from '../../src/config/schema.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('pm-snapshot-');
after(() => rmSync(dir, { recursive: true, force: true }));

describe('catalogue snapshot', () => {
  const names = catalogFileNames(CATALOG_DIR);
  const texts = readCatalogTexts(CATALOG_DIR, names);
  const compiled = compileCatalogTexts(texts);
  assert.ok(compiled.ok);

  it('holds exactly the entries and sources compiled from the YAML', () => {
    const file = join(dir, 'catalog.snapshot.json');
    writeSnapshot(CATALOG_DIR, texts, compiled.sources, compiled.entries, file);
    const snapshot = readSnapshot(CATALOG_DIR, names, () => readCatalogTexts(CATALOG_DIR, names), file);
    assert.ok(snapshot, 'the snapshot made from these files is taken');
    assert.deepEqual(snapshot.entries, compiled.entries);
    assert.deepEqual(snapshot.sources, compiled.sources);
    assert.ok(snapshot.entries.length > 500);
  });

  it('is ignored without its texts file, or with another build\'s', () => {
    const file = join(dir, 'texts.snapshot.json');
    writeSnapshot(CATALOG_DIR, texts, compiled.sources, compiled.entries, file);
    const textsFile = join(dir, 'texts.texts.json');
    const written = readFileSync(textsFile, 'utf8');
    assert.ok(JSON.parse(written).length === compiled.entries.length + 1, 'the texts file is one JSON array');
    const read = () => readSnapshot(CATALOG_DIR, names, () => readCatalogTexts(CATALOG_DIR, names), file);
    writeFileSync(textsFile, written.replace(/^\["[0-9a-f]/, '["_'));
    assert.equal(read(), undefined, 'texts written for other YAML');
    rmSync(textsFile);
    assert.equal(read(), undefined, 'no texts file');
  });

  it('the build snapshot in dist/ (when built) equals the YAML', () => {
    const built = new URL('../../dist/catalog/catalog.snapshot.json', import.meta.url);
    if (!existsSync(built)) {
      assert.equal(process.env.CI, undefined, 'CI builds dist/ (npm ci runs the build): its snapshot must exist');
      return;
    }
    const current = readSnapshot(CATALOG_DIR, names, () => readCatalogTexts(CATALOG_DIR, names), built);
    if (process.env.CI === 'true') assert.ok(current, 'a fresh build in CI: the snapshot is current');
    if (current) {
      assert.deepEqual(current.entries, compiled.entries);
      assert.deepEqual(current.sources, compiled.sources);
    }
  });

  it('is ignored once a YAML file changes, even with the same size and time', () => {
    const copy = join(dir, 'catalog');
    cpSync(CATALOG_DIR, copy, { recursive: true });
    const copyNames = catalogFileNames(copy);
    const copyTexts = readCatalogTexts(copy, copyNames);
    const file = join(dir, 'copy.snapshot.json');
    writeSnapshot(copy, copyTexts, compiled.sources, compiled.entries, file);
    assert.ok(readSnapshot(copy, copyNames, () => readCatalogTexts(copy, copyNames), file));

    // Same length, same mtime, different text: the stats agree, so the hash must catch it.
    const target = join(copy, copyNames[0]!);
    const original = readFileSync(target, 'utf8');
    const { atime, mtime } = statSync(target);
    const edited = original.replace(/title:/, 'titlf:');
    assert.notEqual(edited, original);
    writeFileSync(target, edited);
    utimesSync(target, atime, mtime);
    assert.equal(readSnapshot(copy, copyNames, () => readCatalogTexts(copy, copyNames), file), undefined);
    // Touched but unchanged: stats differ, the hash agrees, the snapshot serves.
    writeFileSync(target, original);
    utimesSync(target, new Date(), new Date(Date.now() + 5000));
    assert.ok(readSnapshot(copy, copyNames, () => readCatalogTexts(copy, copyNames), file));
  });
});

describe('default configuration snapshot', () => {
  it('the build snapshot in dist/ (when built) equals the schema applied to nothing', () => {
    const built = new URL('../../dist/config/defaults.snapshot.json', import.meta.url);
    let saved: { config: unknown };
    try {
      saved = JSON.parse(readFileSync(built, 'utf8'));
    } catch {
      assert.equal(process.env.CI, undefined, 'CI builds dist/: its defaults snapshot must exist');
      return;
    }
    assert.deepEqual(saved.config, JSON.parse(JSON.stringify(configSchema.parse({}))));
  });
});

describe('command manifest', () => {
  it('the build manifest in dist/ (when built) holds every command as the modules define it', async () => {
    const built = new URL('../../dist/commands/manifest.json', import.meta.url);
    let saved: { commands: Array<Record<string, unknown>> };
    try {
      saved = JSON.parse(readFileSync(built, 'utf8'));
    } catch {
      assert.equal(process.env.CI, undefined, 'CI builds dist/: its command manifest must exist');
      return;
    }
    const { importCommands } = await import('../../src/commands/index.js');
    const fromModules = (await importCommands()).map(({ command, module, exportName }) => {
      const { run: _run, ...meta } = command;
      return JSON.parse(JSON.stringify({ ...meta, module, exportName })) as Record<string, unknown>;
    });
    assert.deepEqual(saved.commands, fromModules);
    assert.deepEqual(fromModules.map((c) => c.name), ['help', 'explain', 'catalog', 'check', 'ingest', 'digest', 'quarantine', 'allow', 'block', 'audit']);
  });
});

describe('classifier index', () => {
  it('a classifier from the exported automata explains exactly like one that built them', async () => {
    const { loadCatalog } = await import('../../src/catalog/catalog.js');
    const { Classifier } = await import('../../src/bounce/classify.js');
    const { explainInput } = await import('../../src/bounce/explain.js');
    const catalog = loadCatalog();
    const { decodeIndex, encodeIndex } = await import('../../src/bounce/classifier-index.js');
    const built = new Classifier(catalog);
    // Through the file's bytes, as a process loads them (an odd offset checks the aligned copy).
    const bytes = encodeIndex(built.exportIndex(), { catalog: 'c', matcher: 'm' });
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    const decoded = decodeIndex(unaligned);
    assert.ok(decoded);
    assert.deepEqual([decoded.catalog, decoded.matcher], ['c', 'm']);
    assert.equal(decodeIndex(bytes.subarray(0, bytes.length - 4)), undefined, 'a cut file is not an index');
    const loaded = new Classifier(catalog, decoded.index);
    const lines = readFileSync(new URL('../corpus/sisimai/expected.jsonl', import.meta.url), 'utf8')
      .split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { diagnosticcode?: string }).diagnosticcode ?? '').filter((l) => l.length > 10);
    const texts = [...lines, ...catalog.entries.flatMap((e) => e.examples)];
    assert.ok(texts.length > 1000);
    const options = { lang: 'en' as const, maxBytes: 1 << 20 };
    for (const text of texts) {
      const a = await explainInput(text, built, options);
      const b = await explainInput(text, loaded, options);
      assert.deepEqual(b.results.map((r) => [r.match?.id, r.alternatives]), a.results.map((r) => [r.match?.id, r.alternatives]), text);
      assert.deepEqual(b.reasons, a.reasons, text);
    }
  });

  it('the saved index (when built) serves only the catalogue it was made from', async () => {
    const built = new URL('../../dist/bounce/classifier-index.js', import.meta.url);
    let dist: { readClassifierIndex: (c: unknown) => unknown };
    let distCatalog: { loadCatalog: () => { entries: unknown[]; sources: unknown[]; fingerprint?: string }; Catalog: new (e: unknown[], s: unknown[], f?: string) => unknown };
    try {
      dist = (await import(built.href)) as typeof dist;
      distCatalog = (await import(new URL('../../dist/catalog/catalog.js', import.meta.url).href)) as typeof distCatalog;
    } catch {
      assert.equal(process.env.CI, undefined, 'CI builds dist/: the classifier index module must exist');
      return;
    }
    const catalog = distCatalog.loadCatalog();
    assert.ok(dist.readClassifierIndex(catalog), 'the build index serves the built catalogue');
    const other = new distCatalog.Catalog(catalog.entries, catalog.sources, 'another-yaml-hash');
    assert.equal(dist.readClassifierIndex(other), undefined, 'another catalogue never gets it');
  });
});
