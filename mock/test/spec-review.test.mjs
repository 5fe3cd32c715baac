// The spec review as a pull request build runs it: on a git repository made here, with a branch
// of two commits whose merge base with the target branch is neither HEAD~1 nor the target's tip,
// and GITHUB_BASE_REF / GITHUB_STEP_SUMMARY set as GitHub Actions sets them. The repository holds
// the spec and the lint rules only: the SDK is not measured here (SPEC_REVIEW_SKIP=sdk; one
// end-to-end test builds it, spec-sdk.test.mjs), and the simulator, which needs a base with a
// mock, is left to say why it was not measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKER } from '../scripts/spec-report.mjs';
import { renderComment } from '../scripts/spec-review-comment.mjs';

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

// The report wraps its prose at 100 characters: match it as one line.
const flat = text => text.replace(/[ \t]*\n[ \t]*/g, ' ');

function runReview(env, ...args) {
  const result = spawnSync(process.execPath, [review, '--root', repo, ...args],
    { encoding: 'utf8', env: cleanEnv({ SPEC_REVIEW_SKIP: 'sdk', ...env }) });
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
  const [first] = run.report.split('\n');
  // The verdict and the count per audience first (counts asserted on fixtures: spec-classes.test.mjs).
  assert.match(first, /^\*\*Not ready\*\* · SDK callers: [1-9]\d* breaking · frontend teams: [1-9]\d* breaking \(tsc: \d+ type errors?\) · wire: [1-9]\d* breaking · lint: passes$/);
  assert.match(flat(run.report), new RegExp(`Spec \`1\\.0\\.0\` at ${commits.base} \\(the merge base of HEAD with origin/main\\) → \`1\\.0\\.0\` at ${commits.second} \\(HEAD\\)\\.`));
  // Both commits of the branch are in, the target branch's own change is not.
  assert.match(flat(run.report), /- `Conference` \(`GET \/openapi\/v1\.0\/conference\/list`\): description changed\./);
  assert.match(run.report, /1\. `ModeratorType`: enum value ext_group removed\.\n {3}Reaches `GET \/openapi\/v1\.0\/conference\/list`\./);
  assert.match(flat(run.report), /- SDK callers \(breaks\): ModeratorType\.EXT_GROUP is removed: a source and binary break/);
  assert.match(run.report, /- Wire \(breaks\): ext_group is no longer sent\./);
  assert.match(flat(run.report), /Changed: `later_page` \(`GET \/openapi\/v1\.0\/conference\/list → 200 application\/json`\)/);
  assert.doesNotMatch(run.report, /named example failure changed/);
  assert.match(run.report, /Also changed since the base: `generator-templates\/model\.mustache`\./);
  assert.match(flat(run.report), /Not ready: \d+ breaking changes? in the spec, not acknowledged by a major version\./);
  assert.match(run.report, /\(1\.0\.0 to 2\.0\.0\)/);
  assert.match(flat(run.report), /- Simulator: not measured: the base's mock could not be unpacked/);
  assert.equal(readFileSync(join(repo, 'summary.md'), 'utf8'), run.report);
});

test('the comment body is the same on a rerun, behind the marker, with no nested code spans', async () => {
  const first = runReview(CI()).comment;
  const second = runReview(CI()).comment;
  assert.equal(second, first);
  // The comment workflow renders the same comment from the artifact's data with its own code.
  assert.equal(await renderComment(join(repo, 'target', 'spec-review')), first);
  assert.ok(first.startsWith(`${MARKER}\n**Not ready** · `));
  const lines = first.split('\n');
  assert.ok(lines[1].length <= 160, `the verdict line: ${lines[1]}`);
  for (const line of lines.slice(2).filter(l => !l.startsWith('    '))) {
    // A line is at most 100 characters, unless it is one code span that cannot be broken.
    assert.ok(line.length <= 100 || !line.trim().replace(/^- /, '').includes(' '), `a readable line: ${line}`);
    assert.ok(!line.includes('``'), `no doubled backticks: ${line}`);
    assert.equal((line.match(/`/g) ?? []).length % 2, 0, `code spans close on their line: ${line}`);
  }
});

test('without CI variables the base is HEAD~1, and a bad base ref variable is reported', () => {
  const local = runReview({});
  assert.match(flat(local.report), new RegExp(`at ${commits.first} \\(HEAD~1, the previous commit, by default\\)`));
  assert.doesNotMatch(local.report, /`Conference` \(`GET [^)]*\): description changed/);
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
    assert.match(flat(run.report), new RegExp(`at the working tree \\(HEAD ${commits.second} with uncommitted changes\\)`));
    assert.match(run.report, /<summary>Lint: Spectral fails, Redocly passes<\/summary>/);
    assert.match(run.report, /every-property-described/);
    assert.match(flat(run.report), /Not ready: the lint fails, and \d+ breaking changes? in the spec, not acknowledged by a major version\./);
  } finally {
    git('checkout', '--', 'openapi/openapi.yaml');
  }
});

test('a major bump of info.version acknowledges the breaking change', () => {
  editSpec('  version: 1.0.0', '  version: 2.0.0');
  commit('bumped', 'version 2');
  const run = runReview({ ...CI(), SPEC_REVIEW_SKIP: 'sdk,simulator' });
  assert.equal(run.status, 0, run.report);
  assert.match(run.report, /^\*\*Ready, breaking and acknowledged\*\* · SDK callers: [1-9]\d* breaking/);
});
