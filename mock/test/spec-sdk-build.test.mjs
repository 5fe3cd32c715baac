// The pieces of the SDK measurement that need no build: the trees each side is built from (the
// head's uncommitted edits included; the base's runtime with the head's spec, to tell which
// breaks the spec causes), their cache keys, and the compile errors of a head that does not build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey, compileErrors, snapshotTree } from '../scripts/spec-sdk-build.mjs';
import { changedInputs } from '../scripts/spec-sdk.mjs';

const env = { ...process.env, GIT_AUTHOR_NAME: 'F', GIT_AUTHOR_EMAIL: 'f@example.invalid', GIT_COMMITTER_NAME: 'F', GIT_COMMITTER_EMAIL: 'f@example.invalid' };
const git = (cwd, ...args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const write = (root, file, text) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};

test('the head is the working tree; the mixed tree has the base\'s runtime and the head\'s spec', () => {
  const root = mkdtempSync(join(tmpdir(), 'spec-sdk-build-'));
  try {
    git(root, 'init', '-q');
    write(root, 'openapi/openapi.yaml', 'base spec\n');
    write(root, 'src/main/java/A.java', 'base runtime\n');
    write(root, 'pom.xml', '<project/>\n');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    write(root, 'src/main/java/A.java', 'head runtime\n');
    write(root, 'openapi/openapi.yaml', 'committed spec\n');
    git(root, 'commit', '-qam', 'runtime and spec');
    write(root, 'openapi/openapi.yaml', 'head spec, not committed\n');
    write(root, 'generator-templates/new.mustache', 'a new, untracked template\n');
    const scratch = join(root, 'target', 'scratch');
    const base = snapshotTree(root, 'HEAD~1', scratch);
    const head = snapshotTree(root, null, scratch);
    const mixed = snapshotTree(root, 'HEAD~1', scratch, head);
    const show = (tree, file) => git(root, 'show', `${tree}:${file}`);
    assert.equal(show(head, 'openapi/openapi.yaml'), 'head spec, not committed');
    assert.equal(show(head, 'src/main/java/A.java'), 'head runtime');
    assert.equal(show(head, 'generator-templates/new.mustache'), 'a new, untracked template');
    assert.equal(show(mixed, 'openapi/openapi.yaml'), 'head spec, not committed');
    assert.equal(show(mixed, 'src/main/java/A.java'), 'base runtime');
    assert.equal(show(base, 'openapi/openapi.yaml'), 'base spec');
    // Keys follow the inputs' content only: three different trees, three keys; the same, one.
    assert.equal(new Set([cacheKey(root, base), cacheKey(root, head), cacheKey(root, mixed)]).size, 3);
    assert.equal(cacheKey(root, snapshotTree(root, null, scratch)), cacheKey(root, head));
    assert.deepEqual(changedInputs(root, 'HEAD~1'), {
      spec: ['openapi/openapi.yaml'], templates: ['generator-templates/new.mustache'], runtime: ['src/main/java/A.java'],
    });
    // Nothing was staged in the repository's own index.
    assert.equal(git(root, 'diff', '--cached', '--name-only'), '');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('compile errors are read from Maven\'s output as file, line and message', () => {
  const output = [
    '[ERROR] COMPILATION ERROR : ',
    '[ERROR] /w/src/main/java/io/github/yeastarsdk/Conferences.java:[41,27] cannot find symbol',
    '[ERROR] /w/src/main/java/io/github/yeastarsdk/Conferences.java:[52,9] method sortBy in class Builder cannot be applied to given types;',
    '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile',
  ].join('\n');
  assert.deepEqual(compileErrors(output), {
    count: 2,
    first: ['Conferences.java:41 cannot find symbol', 'Conferences.java:52 method sortBy in class Builder cannot be applied to given types;'],
  });
});
