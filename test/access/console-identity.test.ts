/**
 * The terminal's identity is the process's user id as the password database
 * names it — never $USER. A uid without a name is anonymous and refused, even
 * when a policy lists it and $USER claims a privileged name.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localActor } from '../../src/adapters/console/local-request.js';
import { tempDir } from '../helpers/temp.js';

/** A uid no passwd entry names (checked by the test through `id -nu`). */
const NAMELESS_UID = 48151;
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('\n*** SKIPPED: the nameless-uid test runs a child as another uid, which needs root ***\n');

function runAs(uid: number | undefined, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH, HOME: '/tmp', NO_COLOR: '1', ...env },
      ...(uid !== undefined ? { uid, gid: uid } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('console identity', () => {
  it('is the passwd name, and anonymous when the uid has none', () => {
    assert.deepEqual(localActor(() => ({ username: 'alice' })), { id: 'console:alice' });
    const nameless = localActor(() => {
      throw Object.assign(new Error('ENOENT: no such file or directory, uv_os_get_passwd'), { code: 'ENOENT' });
    });
    assert.equal(nameless.anonymous, true);
    assert.match(nameless.id, /^console:uid-/);
  });

  it('a uid without a name is refused even when $USER names a granted user', { skip: asRoot ? false : 'needs root' }, async () => {
    const dir = tempDir('pm-identity-');
    chmodSync(dir, 0o777);
    const config = join(dir, 'postmaster.yaml');
    writeFileSync(config, [
      `dataDir: ${join(dir, 'data')}`,
      'access:',
      '  roles:',
      '    auditors:',
      `      members: ["console:root", "console:uid-${NAMELESS_UID}"]`,
      '      grants: [audit.read]',
    ].join('\n'));
    chmodSync(config, 0o644);

    const root = await runAs(undefined, ['--config', config, 'audit', '--json'], { USER: 'root' });
    assert.equal(root.code, 0, `root is named and granted: ${root.stderr}`);

    const nameless = await runAs(NAMELESS_UID, ['--config', config, 'audit', '--json'], { USER: 'root', LOGNAME: 'root' });
    assert.equal(nameless.code, 1, nameless.stdout + nameless.stderr);
    assert.match(nameless.stderr, new RegExp(`user id ${NAMELESS_UID} has no name in the password database`));
    assert.doesNotMatch(nameless.stderr, /console:root/);
  });
});
