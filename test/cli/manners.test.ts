/**
 * How the command line and the console treat a person: --help and --version,
 * one sentence for a refusal (never a log record in between), typos told
 * apart from pasted bounces, and a hint when explain waits for a paste.
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { cli, cliProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const dataDir = tempDir('pm-manners-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real entry point in a child process, so the real logger writes to the real stderr. */
const run = (args: string[], stdin = '') => cliProcess(args, { stdin, env: { POSTMASTER_DATA_DIR: dataDir } });

describe('command line', () => {
  it('--help lists the commands and --version prints the version', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /explain \(\/bounce\)/);
    assert.match(help.stdout, /quarantine/);
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^postmaster \d+\.\d+\.\d+\n$/);
  });

  it('a refused command prints one sentence on stderr and no log record', async () => {
    const refused = await run(['quarantine', 'list']);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    const lines = refused.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line, got: ${refused.stderr}`);
    assert.match(lines[0]!, /no role in the access policy/);
    assert.doesNotMatch(refused.stderr, /[{}]|"level"|at .*\.ts:\d+/);
  });

  it('a bad option is one sentence with the usage, exit 2', async () => {
    const bad = await run(['check', '--bogus']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.match(bad.stderr, /Unknown option '--bogus'.*Usage: check/);
  });

  it('a pasted reply names its recipient: the README example gives bob@example.org', async () => {
    const run = await cli(['explain', '--json'], { stdin: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n' });
    const row = JSON.parse(run.stdout) as { results: Array<{ recipient: string | null; match: { reason: string } }> };
    assert.equal(row.results[0]?.recipient, 'bob@example.org');
    assert.equal(row.results[0]?.match.reason, 'userunknown');
  });

  it('explain waiting on a terminal says how to end the input', async () => {
    const waiting = await cli(['explain'], { tty: true, stdin: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n' });
    assert.match(waiting.stderr, /Ctrl-D/);
    assert.match(waiting.stdout, /userunknown/);
    const piped = await cli(['explain'], { stdin: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n' });
    assert.doesNotMatch(piped.stderr, /Ctrl-D/, 'no hint when the input is piped');
  });
});

describe('console', () => {
  it('says "no command" for a typo, lists lang and quit in help, and takes options before a paste', async () => {
    const session = await run([], [
      'chekc example.com',
      'help',
      'explain --lang de',
      '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
      '',
      'quit',
      '',
    ].join('\n'));
    assert.equal(session.code, 0);
    assert.match(session.stdout, /There is no command "chekc"/);
    assert.match(session.stdout, /lang en\|id\|de/);
    assert.match(session.stdout, /quit\s+Leaves the console/);
    assert.match(session.stdout, /Was zu tun ist/, 'the paste after "explain --lang de" is explained in German');
    assert.match(session.stdout, /Als Nächstes:/, 'the follow-up heading is German too');
    assert.doesNotMatch(session.stdout, /Next:/);
    assert.doesNotMatch(session.stderr, /"level"/);
  });
});
