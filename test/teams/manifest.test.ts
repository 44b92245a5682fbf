/**
 * manifest/teams: the manifest validates against the bundled v1.25 schema
 * subset, the icons have the sizes Teams requires (outline: white on
 * transparent), and `teams:package` builds a flat zip with the app id filled in.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadImage } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';
import { TEAMS_DIR, buildTeamsPackage, manifestProblems, packagedManifest } from '../../scripts/teams-package.js';
import { tempDir } from '../helpers/temp.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('Teams app manifest and package', () => {
  it('manifest.json is valid against the v1.25 schema (bundled subset)', () => {
    const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.manifestVersion, '1.25');
    assert.match(String(manifest.$schema), /\/v1\.25\/MicrosoftTeams\.schema\.json$/);
    assert.deepEqual(manifestProblems(manifest), []);
    assert.deepEqual(manifestProblems(packagedManifest({ appId: APP_ID, publicUrl: 'https://bot.example.net' })), []);
  });

  it('the schema catches what Teams would reject', () => {
    const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const broken = structuredClone(manifest);
    broken.name.short = 'x'.repeat(31);
    broken.bots[0].botId = 'not-a-guid';
    broken.unexpected = true;
    const problems = manifestProblems(broken).join(' ');
    assert.match(problems, /\/name\/short/);
    assert.match(problems, /\/bots\/0\/botId/);
    assert.match(problems, /additional properties/);
  });

  it('icons: color 192×192, outline 32×32 white on transparent', async () => {
    const color = await loadImage(readFileSync(join(TEAMS_DIR, 'color.png')));
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = await loadImage(readFileSync(join(TEAMS_DIR, 'outline.png')));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    const canvas = createCanvas(32, 32);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(outline, 0, 0);
    const { data } = ctx.getImageData(0, 0, 32, 32);
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]!;
      if (alpha === 0) transparent++;
      else assert.ok(data[i]! >= 250 && data[i + 1]! >= 250 && data[i + 2]! >= 250, `pixel ${i / 4} is not white`);
    }
    assert.ok(transparent > 32 * 32 * 0.5, 'the background is transparent');
  });

  it('teams:package writes a flat zip with the app id and the public host', async () => {
    const dir = tempDir('pm-teams-zip-');
    try {
      const zipFile = await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://bot.example.net', outFile: join(dir, 'app.zip') });
      const bytes = readFileSync(zipFile);
      assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04');
      // Central directory entries: signature PK\1\2, name length at +28, name at +46.
      const names: string[] = [];
      for (let at = bytes.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4, 'latin1')) {
        names.push(bytes.subarray(at + 46, at + 46 + bytes.readUInt16LE(at + 28)).toString('utf8'));
      }
      assert.deepEqual(names.sort(), ['color.png', 'manifest.json', 'outline.png']);
      const manifest = packagedManifest({ appId: APP_ID, publicUrl: 'https://bot.example.net' }) as { bots: Array<{ botId: string }>; validDomains: string[] };
      assert.equal(manifest.bots[0]!.botId, APP_ID);
      assert.deepEqual(manifest.validDomains, ['bot.example.net']);
      await assert.rejects(buildTeamsPackage({ appId: '', outFile: join(dir, 'x.zip') }), /MICROSOFT_APP_ID/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
