// The GitHub Actions workflows pass actionlint and the house rules (actions pinned to commit SHAs,
// permissions per job), and a workflow with one mistake of each kind fails, each mistake named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkflows, houseRules, lintWorkflows } from '../scripts/lint-workflows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const broken = join(here, 'fixtures', 'broken-workflow.yml');
const script = join(here, '..', 'scripts', 'lint-workflows.mjs');

test('the repository\'s workflows have no problems', async () => {
  const files = defaultWorkflows();
  const names = files.map(f => f.split('/').pop());
  for (const name of ['ci.yml', 'release.yml', 'spec-review-comment.yml', 'spec-review.yml']) assert.ok(names.includes(name), name);
  assert.deepEqual(await lintWorkflows(files), []);
});

test('a broken workflow fails, and each mistake is named where it is', async () => {
  const problems = await lintWorkflows([broken]);
  const found = kind => problems.filter(p => p.kind === kind).map(p => `${p.line}: ${p.message}`);
  assert.deepEqual(found('expression').length, 2, JSON.stringify(problems, null, 2));
  assert.match(found('expression')[0], /^19: parser did not reach end of input/);
  assert.match(found('expression')[1], /^24: property "java" is not defined/);
  assert.deepEqual(found('permissions'), ['15: "writ" is invalid for permission of scope "contents". available values are "read", "write" or "none"']);
  assert.match(found('job-needs').join(), /^20: job "report" needs job "biuld" which does not exist/);
  assert.deepEqual(found('pinned-actions'), [
    '17: actions/checkout@v4 must be pinned to a full 40-character commit SHA',
    '18: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 must say its version in a comment (# vX.Y.Z)',
  ]);
  assert.deepEqual(found('least-permissions'), [
    '8: the workflow must grant no permissions ("permissions: {}"); each job asks for its own',
    '20: job "report" must declare its permissions',
  ]);
});

test('the command exits 1 on the broken workflow and 0 on the real ones', () => {
  const bad = spawnSync(process.execPath, [script, broken], { encoding: 'utf8' });
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stdout, /test\/fixtures\/broken-workflow\.yml:17:15: actions\/checkout@v4 must be pinned/);
  const good = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(good.status, 0, good.stdout + good.stderr);
});

test('a local action needs no pin, a docker action needs a digest', () => {
  const workflow = uses => `permissions: {}\njobs:\n  a:\n    permissions: {}\n    steps:\n      - uses: ${uses}\n`;
  assert.deepEqual(houseRules(workflow('./.github/actions/setup')), []);
  assert.equal(houseRules(workflow('docker://alpine:3')).length, 1);
});

test('the spec review runs when anything that decides its verdict changes', async () => {
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const workflow = parse(readFileSync(join(here, '..', '..', '.github', 'workflows', 'spec-review.yml'), 'utf8'));
  const paths = workflow.on.pull_request.paths;
  for (const path of ['openapi/**', '.spectral.yaml', 'redocly.yaml', 'mock/scripts/spec-*.mjs',
    'mock/package.json', 'mock/package-lock.json', '.github/workflows/spec-review.yml']) {
    assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  }
});
