// The command line: a flag for every setting, the environment still read (a flag wins),
// --help and --version, an unknown flag refused with the usage; hints name the command that
// works where the mock runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, call, mockDir, startMock, state } from './support.mjs';
import { readCommandLine, usage, UsageError, COMMANDS } from '../lib/cli.mjs';
import { readSettings, SettingsError, FLAGS } from '../lib/settings.mjs';

const serve = args => spawnSync(process.execPath, ['scripts/serve.mjs', ...args], { cwd: mockDir, encoding: 'utf8', timeout: 30_000 });

test('every setting has a flag, and the usage lists them all', () => {
  for (const flag of ['port', 'host', 'auth', 'conferences', 'seed', 'token-ttl', 'latency', 'data', 'max-tokens',
    'max-failed-logins', 'log', 'spec']) {
    assert.ok(FLAGS[flag], `--${flag}`);
    assert.match(usage(), new RegExp(`--${flag} <value>`));
  }
  assert.match(usage(), /--examples/);
  assert.match(usage(), /--help, --version/);
});

test('flags win over the environment; the environment still works', () => {
  const { flags } = readCommandLine(['--port', '4712', '--auth', 'strict', '--token-ttl', '30', '--max-tokens', '2']);
  const settings = readSettings({ PORT: '5000', MOCK_LATENCY: '250', MOCK_AUTH: 'open' }, flags);
  assert.equal(settings.port, 4712);
  assert.equal(settings.auth, 'strict');
  assert.equal(settings.tokenTtl, 30);
  assert.equal(settings.maxTokens, 2);
  assert.equal(settings.latency, 250, 'from the environment');
  assert.deepEqual(readCommandLine(['--port=4713']).flags, { port: '4713' });
});

test('a bad value names the flag that gave it, or the variable', () => {
  const { flags } = readCommandLine(['--auth', 'maybe']);
  assert.throws(() => readSettings({}, flags), new SettingsError('--auth maybe is neither open nor strict'));
  assert.throws(() => readSettings({ MOCK_LATENCY: 'x' }, {}), /^SettingsError: MOCK_LATENCY=x is not a whole number/);
  assert.throws(() => readSettings({}, readCommandLine(['--latency=-1']).flags), /--latency -1 is not a whole number/);
});

test('an unknown flag, a stray argument, or --dynamic without --examples is refused', () => {
  assert.throws(() => readCommandLine(['--prot', '1']), new UsageError('unknown flag \'--prot\''));
  assert.throws(() => readCommandLine(['4712']), UsageError);
  assert.throws(() => readCommandLine(['--dynamic']), /--dynamic works with --examples only/);
  assert.throws(() => readCommandLine(['--', '--errors']), /add --examples/);
  assert.deepEqual(readCommandLine(['--examples', '--', '--errors']).prismArgs, ['--errors']);
});

test('the command: --help, --version, and an unknown flag exits 2 with the usage', () => {
  const help = serve(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: npm start --prefix mock -- \[flags\]/);
  const version = serve(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(mockDir, 'package.json'), 'utf8')).version);
  const wrong = serve(['--prot', '4712']);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /^mock: unknown flag '--prot'\n\nUsage:/);
});

test('in the repository, hints name the npm scripts', () => {
  assert.deepEqual(COMMANDS, { start: 'npm start --prefix mock', flags: 'npm start --prefix mock --',
    examples: 'npm run start:examples --prefix mock' });
});

test('the flags reach the running mock', { timeout: 60_000 }, async () => {
  const mock = await startMock({ MOCK_AUTH: 'open' }, { args: ['--auth', 'strict', '--conferences', '4', '--seed', '7',
    '--token-ttl', '60', '--max-tokens', '1', '--max-failed-logins', '2', '--latency', '0'] });
  try {
    const snapshot = await state(mock.url);
    assert.equal(snapshot.auth, 'strict');
    assert.equal(snapshot.conferences, 4);
    assert.equal(snapshot.token_ttl, 60);
    assert.deepEqual(snapshot.limits, { live_access_tokens: 1, failed_logins: 2 });
    const login = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: 'mock-client-id', password: 'mock-client-secret' } });
    assert.equal(login.body.access_token_expire_time, 60);
    assert.match(mock.log(), /auth strict, 4 conferences, token TTL 60 s/);
  } finally {
    await mock.stop();
  }
});
