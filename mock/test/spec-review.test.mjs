// The spec review as a pull request build runs it: on a git repository made here, with a branch
// of two commits whose merge base with the target branch is neither HEAD~1 nor the target's tip,
// and GITHUB_BASE_REF / GITHUB_STEP_SUMMARY set as GitHub Actions sets them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKER } from '../scripts/spec-report.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectRoot = join(mockDir, '..');
const review = join(mockDir, 'scripts', 'spec-review.mjs');
let repo;
const commits = {};

// The environment of this process without anything a real CI run would leak into the fixture.
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GITHUB_') || key === 'SPEC_REVIEW_BASE') delete env[key];
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
    GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...extra,
  };
}

function git(...args) {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: cleanEnv() });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function editSpec(from, to) {
  const file = join(repo, 'openapi', 'openapi.yaml');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `the spec contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

function commit(name, message) {
  git('commit', '-qam', message);
  commits[name] = git('rev-parse', '--short=12', 'HEAD');
}

function runReview(env, ...args) {
  const result = spawnSync(process.execPath, [review, '--root', repo, ...args], { encoding: 'utf8', env: cleanEnv(env) });
  const read = name => readFileSync(join(repo, 'target', 'spec-review', name), 'utf8');
  return { status: result.status, output: result.stdout + result.stderr, report: read('report.md'), comment: read('comment.md') };
}

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'spec-review-'));
  mkdirSync(join(repo, 'openapi'));
  for (const file of ['openapi/openapi.yaml', '.spectral.yaml', 'redocly.yaml']) cpSync(join(projectRoot, file), join(repo, file));
  writeFileSync(join(repo, '.gitignore'), 'target/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  commit('base', 'the spec');
  // The pull request: one additive commit, then one that drops a moderator type.
  git('checkout', '-q', '-b', 'feature');
  editSpec('A scheduled conference room.', 'A scheduled conference room of the PBX.');
  mkdirSync(join(repo, 'generator-templates'));
  writeFileSync(join(repo, 'generator-templates', 'model.mustache'), '{{! a template }}\n');
  git('add', 'generator-templates');
  commit('first', 'describe conferences better');
  editSpec('enum: [extension, ext_group]', 'enum: [extension]');
  editSpec("name: Sales Team\n                            type: ext_group", "name: Sales Team\n                            type: extension");
  commit('second', 'drop ext_group');
  // Meanwhile the target branch moved on, and the runner has it as origin/main.
  git('checkout', '-q', 'main');
  editSpec('summary: A generic failure (-1)', 'summary: A generic failure (-1) of any kind');
  commit('target', 'reword the failure example');
  git('update-ref', 'refs/remotes/origin/main', 'main');
  git('checkout', '-q', 'feature');
});

after(() => rmSync(repo, { recursive: true, force: true }));

const CI = () => ({ CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: join(repo, 'summary.md') });

test('a pull request build compares with the merge base, not HEAD~1 and not the target tip', () => {
  const run = runReview(CI());
  assert.equal(run.status, 1, run.output);
  assert.match(run.report, new RegExp(`Compared version 1\\.0\\.0 at ${commits.base} \\(the merge base of HEAD with origin/main\\) with version 1\\.0\\.0 at ${commits.second} \\(HEAD\\)\\.`));
  // Both commits of the branch are in, the target branch's own change is not.
  assert.match(run.report, /- `GET \/openapi\/v1\.0\/conference\/list → 200 body\.data\[\]`: description changed\./);
  assert.match(run.report, /### 1\. `GET \/openapi\/v1\.0\/conference\/list → 200 body\.data\[\]\.moderator_list\[\]\.type`/);
  assert.match(run.report, /- SDK callers: ModeratorType\.EXT_GROUP is removed: a source and binary break/);
  assert.match(run.report, /- Frontend teams: the mock's examples that use ext_group stop validating, and the simulator must stop generating ext_group \(its answers would fail the proxy's validation\)/);
  assert.match(run.report, /- Wire: ext_group is no longer sent\./);
  assert.match(run.report, /Changed: later_page \(`GET \/openapi\/v1\.0\/conference\/list → 200 application\/json`\)/);
  assert.doesNotMatch(run.report, /named example failure changed/);
  assert.match(run.report, /Also changed since the base: `generator-templates\/model\.mustache`\./);
  assert.match(run.report, /\*\*Not ready:\*\* 1 breaking change is not acknowledged\./);
  assert.match(run.report, /raise the major version of info\.version .* \(1\.0\.0 to 2\.0\.0\)/);
  assert.equal(readFileSync(join(repo, 'summary.md'), 'utf8'), run.report);
});

test('the comment body is the same on a rerun, behind the marker, with no nested code spans', () => {
  const first = runReview(CI()).comment;
  const second = runReview(CI()).comment;
  assert.equal(second, first);
  assert.ok(first.startsWith(`${MARKER}\n# Spec review`));
  for (const line of first.split('\n').filter(l => !l.startsWith('    '))) {
    assert.ok(!line.includes('``'), `no doubled backticks: ${line}`);
    assert.equal((line.match(/`/g) ?? []).length % 2, 0, `code spans close on their line: ${line}`);
  }
});

test('without CI variables the base is HEAD~1, and a bad base ref variable is reported', () => {
  const local = runReview({});
  assert.match(local.report, new RegExp(`at ${commits.first} \\(HEAD~1, the previous commit, by default\\)`));
  assert.doesNotMatch(local.report, /body\.data\[\]`: description changed/);
  const missing = spawnSync(process.execPath, [review, '--root', repo], { encoding: 'utf8', env: cleanEnv({ GITHUB_BASE_REF: 'release' }) });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /GITHUB_BASE_REF is release, but no merge base .* fetch-depth: 0/);
  const typo = spawnSync(process.execPath, [review, '--root', repo, 'orgin/main'], { encoding: 'utf8', env: cleanEnv() });
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /spec-review: the base is not a commit in .*: orgin\/main \(orgin\/main, given on the command line\)/);
});

test('a shallow clone without the base fails with one line that says to fetch the history', () => {
  const shallow = join(repo, 'target', 'shallow');
  rmSync(shallow, { recursive: true, force: true });
  const clone = spawnSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, shallow],
    { encoding: 'utf8', env: cleanEnv() });
  assert.equal(clone.status, 0, clone.stderr);
  for (const args of [[], [commits.base]]) {
    const run = spawnSync(process.execPath, [review, '--root', shallow, ...args], { encoding: 'utf8', env: cleanEnv() });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const lines = run.stderr.split('\n').filter(l => l.startsWith('spec-review:'));
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^spec-review: the base \S+ \(.*\) is not in this shallow clone: fetch the full history \(git fetch --unshallow, or actions\/checkout with fetch-depth: 0\)$/);
    assert.equal(run.stdout, '', 'no report is printed');
  }
});

test('an uncommitted edit that fails the lint fails the review, and the report says so', () => {
  editSpec('description: The conference name.', 'description: ""');
  try {
    const run = runReview({});
    assert.equal(run.status, 1);
    assert.match(run.report, new RegExp(`at the working tree \\(HEAD ${commits.second} with uncommitted changes\\)`));
    assert.match(run.report, /- Spectral \(\.spectral\.yaml\): problems found, below\./);
    assert.match(run.report, /every-property-described/);
    assert.match(run.report, /\*\*Not ready:\*\* the lint fails, and 1 breaking change is not acknowledged\./);
  } finally {
    git('checkout', '--', 'openapi/openapi.yaml');
  }
});

test('a major bump of info.version acknowledges the breaking change', () => {
  editSpec('  version: 1.0.0', '  version: 2.0.0');
  commit('bumped', 'version 2');
  const run = runReview(CI());
  assert.equal(run.status, 0, run.report);
  assert.match(run.report, /\*\*Ready\.\*\* The breaking changes are acknowledged by the major version 2\.0\.0\./);
});
