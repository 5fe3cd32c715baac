// The SDK measured end to end: a clone of this repository with one spec change committed on
// top, the SDK built from both commits (each with its own templates and runtime) and compared
// with japicmp. The one test here that builds: about half a minute. It is skipped only when
// Maven is not on the PATH (the review then says the SDK was not measured).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changedInputs, measureSdk } from '../scripts/spec-sdk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const noMaven = spawnSync('mvn', ['--version']).error?.code === 'ENOENT' ? 'Maven is not on the PATH' : false;
const env = { ...process.env, GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.invalid', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.invalid' };
const git = (cwd, ...args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

test('nothing of the generated code changed: no SDK is built', async () => {
  const clone = mkdtempSync(join(tmpdir(), 'spec-sdk-docs-'));
  try {
    git(tmpdir(), 'clone', '-q', root, clone);
    writeFileSync(join(clone, 'CONTRIBUTING.md'), 'edited\n');
    git(clone, 'commit', '-qam', 'a docs change');
    const result = await measureSdk({ root: clone, baseRef: 'HEAD~1', out: join(clone, 'target', 'spec-review') });
    assert.equal(result.status, 'skipped');
    assert.match(result.reason, /nothing in openapi\/ or generator-templates\/ changed/);
    assert.deepEqual(result.builds, []);
    assert.deepEqual(changedInputs(clone, 'HEAD~1'), { spec: [], templates: [], runtime: [] });
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});

test('a spec change that retypes a response field: japicmp names the accessor, and it gates', { skip: noMaven, timeout: 600_000 }, async () => {
  const clone = mkdtempSync(join(tmpdir(), 'spec-sdk-'));
  try {
    git(tmpdir(), 'clone', '-q', '--no-hardlinks', root, clone);
    const spec = join(clone, 'openapi', 'openapi.yaml');
    const text = readFileSync(spec, 'utf8');
    const from = "      properties:\n        id:\n          type: integer\n          format: int32\n          minimum: 1\n          description: The ID of the conference.\n          example: 1\n";
    assert.ok(text.includes(from), 'the spec has Conference.id as an int32');
    writeFileSync(spec, text.replace(from, "      properties:\n        id:\n          type: string\n          description: The ID of the conference.\n          example: '1'\n"));
    git(clone, 'commit', '-qam', 'Conference.id becomes a string');
    const out = join(clone, 'target', 'spec-review');
    const first = await measureSdk({ root: clone, baseRef: 'HEAD~1', out });
    assert.equal(first.status, 'measured', first.reason);
    // The exported packages, whatever they are called; the runtime's machinery is not among them.
    assert.ok(first.packages.length > 0);
    assert.ok(first.packages.every(p => !/\.internal(\.|$)/.test(p)), first.packages.join(', '));
    const id = first.items.find(i => /(^|\.)Conference$/.test(i.type) && i.member === 'id()');
    assert.ok(id, JSON.stringify(first.items, null, 2));
    assert.match(id.what, /^returns String, was (int|Integer)$/);
    assert.deepEqual({ source: id.source, binary: id.binary, gates: id.gates }, { source: false, binary: false, gates: true });
    assert.deepEqual(first.errcodes, [], 'no errcode changed its exception');
    assert.deepEqual(first.builds.map(b => b.cached), [false, false]);
    // Both jars are cached by the content of their inputs: a second review builds nothing.
    const second = await measureSdk({ root: clone, baseRef: 'HEAD~1', out });
    assert.deepEqual(second.builds.map(b => b.cached), [true, true]);
    assert.deepEqual(second.items, first.items);
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});
