// `npm run spec:review --prefix mock -- [BASE_GIT_REF] [--root DIR]`: lints openapi/openapi.yaml,
// compares it with its version at the base, measures what the change does to SDK callers
// (japicmp on the SDK built from each side: spec-sdk.mjs) and to frontend teams (tsc on a probe
// of the base's types: spec-frontend.mjs; the mock's answers replayed: spec-simulator.mjs), and
// writes to target/spec-review/: report.md, comment.md (the report behind the marker a pull
// request comment is found by), review.json with base.yaml and head.yaml (the data from which
// the default branch's code renders the pull request comment), and index.html (the rendered
// docs). Exits 1 on a lint error, or on a breaking change (in the spec, or in the SDK's API
// caused by the spec) that a major bump of info.version does not acknowledge.
//
// SPEC_REVIEW_SKIP=sdk,typescript,simulator leaves out those measurements (the report says so).
//
// The base: BASE_GIT_REF when given; else SPEC_REVIEW_BASE; else, in a pull request build
// (GITHUB_BASE_REF set), the merge base of HEAD with the target branch; else HEAD~1.
// With GITHUB_STEP_SUMMARY set, the report is appended to it as well.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';
import { compare, majorBumped } from './spec-diff.mjs';
import { renderReport } from './spec-report.mjs';

// The packages are installed before anything that needs them is loaded: these modules import
// Ajv, yaml, json-schema-ref-parser and fast-xml-parser (a static import would fail on a fresh clone).
ensureInstalled();
const { reviewExamples } = await import('./spec-examples.mjs');
const { loadSpec } = await import('./spec-load.mjs');
const { parse } = await import('yaml');
const { measureTypescript } = await import('./spec-frontend.mjs');
const { measureSimulator } = await import('./spec-simulator.mjs');
const { measureSdk } = await import('./spec-sdk.mjs');
const started = Date.now();

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => join(mockDir, 'node_modules', '.bin', name);

function parseArgs(argv) {
  const args = { ref: null, root: join(mockDir, '..') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') args.root = resolve(argv[++i] ?? '.');
    else if (argv[i].startsWith('-')) fail(`unknown option ${argv[i]}: expected [BASE_GIT_REF] [--root DIR]`);
    else args.ref = argv[i];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const root = args.root;
const out = join(root, 'target', 'spec-review');
const work = join(out, 'work');

function run(command, argv, options = {}) {
  const result = spawnSync(command, argv, { cwd: root, encoding: 'utf8', ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}
const git = (...argv) => run('git', argv);

const readText = file => readFileSync(file, 'utf8');

/** Stops on a mistake in how the review was called, naming it. */
function fail(message) {
  console.error(`spec-review: ${message}`);
  process.exit(1);
}
const short = ref => git('rev-parse', '--short=12', `${ref}^{commit}`);

/** Which commit to compare with, and how it was chosen (said in the report). */
function resolveBase(env) {
  if (args.ref) return { ref: args.ref, how: `${args.ref}, given on the command line` };
  if (env.SPEC_REVIEW_BASE) return { ref: env.SPEC_REVIEW_BASE, how: `${env.SPEC_REVIEW_BASE}, from SPEC_REVIEW_BASE` };
  if (env.GITHUB_BASE_REF) {
    for (const target of [`origin/${env.GITHUB_BASE_REF}`, env.GITHUB_BASE_REF]) {
      if (!git('rev-parse', '--verify', '--quiet', `${target}^{commit}`).ok) continue;
      const mergeBase = git('merge-base', target, 'HEAD');
      if (mergeBase.ok) return { ref: mergeBase.output, how: `the merge base of HEAD with ${target}` };
    }
    fail(`GITHUB_BASE_REF is ${env.GITHUB_BASE_REF}, but no merge base of HEAD with origin/${env.GITHUB_BASE_REF} ` +
      `or ${env.GITHUB_BASE_REF} was found: check out the full history (actions/checkout with fetch-depth: 0)`);
  }
  return { ref: 'HEAD~1', how: 'HEAD~1, the previous commit, by default' };
}

/** Tool output without what changes from run to run (timings, this checkout's path) or is noise (a boxed notice). */
function stable(text) {
  return text
    .split(root + '/').join('')
    .split('\n')
    .filter(l => !/\b(in|took) \d+(\.\d+)?\s?m?s\b/.test(l) && !/^\s*[╔║╚]/.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

mkdirSync(work, { recursive: true });
const env = process.env;
const base = resolveBase(env);

// A base that names no commit stops the review before anything runs: compared with nothing, every
// operation would look new and nothing breaking, a pass that says nothing. A shallow clone gets
// told to fetch the history. The one exception is the default HEAD~1 on the first commit of a
// full history, where there is truly nothing before.
if (!git('rev-parse', '--verify', '--quiet', `${base.ref}^{commit}`).ok) {
  const shallow = git('rev-parse', '--is-shallow-repository');
  if (!shallow.ok) fail(`${root} is not a git repository, so there is no base to compare with: ${base.ref} (${base.how})`);
  if (shallow.output === 'true') {
    fail(`the base ${base.ref} (${base.how}) is not in this shallow clone: fetch the full history ` +
      '(git fetch --unshallow, or actions/checkout with fetch-depth: 0)');
  }
  if (base.ref !== 'HEAD~1' || git('rev-list', '--count', 'HEAD').output !== '1') {
    fail(`the base is not a commit in ${root}: ${base.ref} (${base.how})`);
  }
}

// 1. Lint, both tools, keeping their words for the report.
const redoclyEnv = { env: { ...env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' } };
const spectral = run(bin('spectral'), ['lint', '--fail-severity=warn', '--ruleset', '.spectral.yaml', 'openapi/openapi.yaml']);
const redocly = run(bin('redocly'), ['lint', '--config', 'redocly.yaml', 'openapi/openapi.yaml'], redoclyEnv);
const lint = [
  { tool: 'Spectral', config: '.spectral.yaml', ok: spectral.ok, output: stable(spectral.output) },
  { tool: 'Redocly', config: 'redocly.yaml', ok: redocly.ok, output: stable(redocly.output) },
];

// 2. Both versions, dereferenced, so that the comparison sees every $ref resolved.
const baseText = git('show', `${base.ref}:openapi/openapi.yaml`);
const headText = readText(join(root, 'openapi', 'openapi.yaml'));
/** The spec as data; a spec that does not parse stops the review with one line that says where. */
async function loaded(text, which) {
  try {
    return await loadSpec(text);
  } catch (error) {
    fail(`openapi/openapi.yaml ${which} does not parse, so there is nothing to review: ${String(error.message).split('\n')[0]}`);
  }
}
const baseDoc = baseText.ok ? await loaded(baseText.output, `at the base (${base.ref})`) : null;
const headDoc = await loaded(headText, 'in the working copy');
const changes = baseDoc ? compare(baseDoc, headDoc) : [];
const examples = reviewExamples(baseDoc, headDoc);
const acknowledged = baseDoc !== null && majorBumped(baseDoc.info?.version, headDoc.info?.version);
const timings = {};
const skip = new Set((env.SPEC_REVIEW_SKIP ?? '').split(',').map(x => x.trim()).filter(Boolean));
const skipped = what => ({ status: 'unavailable', reason: `left out (SPEC_REVIEW_SKIP=${env.SPEC_REVIEW_SKIP})`, what });
async function timed(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } catch (error) {
    return { status: 'unavailable', reason: String(error.message).split('\n')[0] };
  } finally {
    timings[name] = (Date.now() - t) / 1000;
  }
}

// 3. What the change does, measured: the SDK's API, the frontend's types, the mock's answers.
const sdk = !baseDoc ? null : skip.has('sdk') ? skipped('sdk')
  : await timed('sdk', () => measureSdk({ root, baseRef: base.ref, out }));
const frontend = !baseDoc ? null : {
  typescript: skip.has('typescript') ? skipped('typescript') : await timed('typescript', async () => measureTypescript({
    baseRaw: parse(baseText.output), headRaw: parse(headText), base: baseDoc, work: join(work, 'typescript'),
    tsc: join(mockDir, 'node_modules', 'typescript', 'bin', 'tsc'),
  })),
  simulator: skip.has('simulator') ? skipped('simulator') : await timed('simulator', () => measureSimulator({
    root, baseRef: base.ref, base: baseDoc, head: headDoc, work: join(work, 'simulator'),
  })),
};

// 4. The rendered docs of the new spec.
const docs = run(bin('redocly'), ['build-docs', 'openapi/openapi.yaml', '-o', join(out, 'index.html')], redoclyEnv);

// 5. The report, named by commits rather than by branch names, which move.
const headCommit = short('HEAD');
const dirty = git('status', '--porcelain', '--', 'openapi').output !== '';
const headLabel = !headCommit.ok ? 'the working tree'
  : dirty ? `the working tree (HEAD ${headCommit.output} with uncommitted changes)` : `${headCommit.output} (HEAD)`;
const baseCommit = short(base.ref);
// The other inputs of what is generated and linted, which this comparison does not read.
const alsoChanged = baseDoc
  ? git('diff', '--name-only', base.ref, '--', 'generator-templates', '.spectral.yaml', 'redocly.yaml').output.split('\n').filter(Boolean)
  : [];
const review = {
  baseRef: base.how,
  base: baseDoc && { label: `${baseCommit.ok ? baseCommit.output : base.ref} (${base.how})`, version: baseDoc.info?.version },
  head: { label: headLabel, version: headDoc.info?.version },
  alsoChanged,
  lint,
  changes,
  examples,
  acknowledged,
  sdk,
  frontend,
  docs: { ok: docs.ok, output: stable(docs.output) },
};
const { markdown, comment, failed } = renderReport(review);
writeFileSync(join(out, 'report.md'), markdown);
writeFileSync(join(out, 'comment.md'), comment);
// Data only, for the comment workflow: it renders the comment with the default branch's code.
writeFileSync(join(out, 'review.json'), JSON.stringify({ ...review, changes: undefined }, null, 2));
writeFileSync(join(out, 'base.yaml'), baseText.ok ? baseText.output : '');
writeFileSync(join(out, 'head.yaml'), headText);
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
console.log(markdown);
const total = (Date.now() - started) / 1000;
writeFileSync(join(out, 'timings.json'), JSON.stringify({ total, ...timings }, null, 2));
console.log(`Written: ${['report.md', 'comment.md', 'review.json', 'index.html'].map(f => relative(root, join(out, f))).join(', ')}`);
console.log(`Took ${total.toFixed(1)} s (${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}).`);
process.exit(failed ? 1 : 0);
