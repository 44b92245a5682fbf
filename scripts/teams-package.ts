/**
 * Builds the Teams app package: manifest.json with the bot's app id (and the
 * public host in validDomains) filled in, plus both icons, zipped flat.
 *   npm run teams:package [-- OUT.zip]     (default dist/postmaster-teams.zip)
 * The app id comes from the configuration (MICROSOFT_APP_ID / teams.appId),
 * the host from server.publicUrl. The manifest is validated before zipping.
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import yazl from 'yazl';
import { loadConfig } from '../src/config/load.js';

export const TEAMS_DIR = join(import.meta.dirname, '..', 'manifest', 'teams');
const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

export interface TeamsPackageOptions {
  /** The Azure Bot's Entra app (client) id. */
  appId: string;
  /** Public base URL of the bot (its host goes to validDomains). */
  publicUrl?: string;
  outFile: string;
}

/** Validates a manifest against the bundled v1.25 schema subset; returns one sentence per problem. */
export function manifestProblems(manifest: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(TEAMS_DIR, 'MicrosoftTeams.v1.25.subset.schema.json'), 'utf8')) as object;
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

export function packagedManifest(options: Pick<TeamsPackageOptions, 'appId' | 'publicUrl'>): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    bots: Array<{ botId: string }>;
    validDomains: string[];
  };
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.appId) || options.appId === PLACEHOLDER_BOT_ID) {
    throw new Error(`The bot app id "${options.appId}" is not an Entra app id (a GUID); set MICROSOFT_APP_ID to the Azure Bot's app id.`);
  }
  for (const bot of manifest.bots) bot.botId = options.appId;
  if (options.publicUrl) manifest.validDomains = [...new Set([...manifest.validDomains, new URL(options.publicUrl).host])];
  return manifest;
}

export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<string> {
  const manifest = packagedManifest(options);
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(`manifest/teams/manifest.json is not valid: ${problems.join('; ')}.`);
  mkdirSync(dirname(options.outFile), { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.addFile(join(TEAMS_DIR, 'color.png'), 'color.png');
  zip.addFile(join(TEAMS_DIR, 'outline.png'), 'outline.png');
  zip.end();
  await new Promise<void>((done, fail) => {
    zip.outputStream.pipe(createWriteStream(options.outFile)).on('close', done).on('error', fail);
  });
  return options.outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const config = loadConfig();
  const outFile = resolve(process.argv[2] ?? join('dist', 'postmaster-teams.zip'));
  try {
    const written = await buildTeamsPackage({
      appId: config.teams?.appId ?? '',
      ...(config.server.publicUrl ? { publicUrl: config.server.publicUrl } : {}),
      outFile,
    });
    console.log(`Teams app package written to ${written}; upload it in Teams → Apps → Manage your apps → Upload an app.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
