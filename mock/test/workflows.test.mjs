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

test('the release builds the tag\'s version, with the credentials where pom.xml and settings.xml read them', async () => {
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const root = join(here, '..', '..');
  const release = parse(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8'));
  const steps = job => release.jobs[job].steps;
  const runs = job => steps(job).filter(s => s.run).map(s => s.run).join('\n');
  assert.match(runs('verify'), /\.\/mvnw -B -Drevision="\$\{TAG#v\}" verify/);
  const deploy = steps('publish-sdk').find(s => /\bdeploy\b/.test(s.run ?? ''));
  assert.match(deploy.run, /^\.\/mvnw -B -s src\/release\/settings\.xml -Prelease,central -Drevision="\$\{TAG#v\}" -DskipTests deploy$/);
  assert.equal(deploy.env.TAG, '${{ github.ref_name }}');
  // Every variable the upload's settings and the signer read is set from a secret.
  const settings = readFileSync(join(root, 'src', 'release', 'settings.xml'), 'utf8');
  const read = [...settings.matchAll(/\$\{env\.([A-Z_]+)\}/g)].map(m => m[1]);
  assert.deepEqual(read, ['CENTRAL_TOKEN_USERNAME', 'CENTRAL_TOKEN_PASSWORD']);
  const pom = readFileSync(join(root, 'pom.xml'), 'utf8');
  assert.match(pom, /<activation><property><name>env\.MAVEN_GPG_KEY<\/name><\/property><\/activation>/);
  assert.match(pom, /<signer>bc<\/signer>/);
  for (const name of [...read, 'MAVEN_GPG_KEY', 'MAVEN_GPG_PASSPHRASE']) {
    assert.match(deploy.env[name] ?? '', /^\$\{\{ secrets\.[A-Z_]+ \}\}$/, name);
  }
  // No gpg import and no Node: the signer reads the key itself, -DskipTests runs no Node step.
  assert.ok(steps('publish-sdk').every(s => !s.with?.['gpg-private-key'] && !String(s.uses).startsWith('actions/setup-node')));
  // The mock is packed at the tag's version, and the tarball is checked to have it.
  const mock = runs('publish-mock');
  assert.ok(mock.indexOf('npm version "${TAG#v}" --no-git-tag-version') < mock.indexOf('npm pack'), mock);
  assert.match(mock, /require\('yeastar-conference-mock\/package\.json'\)\.version/);
});
