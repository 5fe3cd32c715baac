// Posts the spec review on its pull request, for .github/workflows/spec-review-comment.yml: one
// comment per pull request, found by the marker on its first line, created once and updated
// when the report changes. The review's artifact comes from a pull request, possibly a fork's,
// whose own scripts made it: nothing in it is posted as it is. This file, from the default
// branch, compares the two specs of the artifact again with the default branch's comparator,
// takes only data from review.json (statuses, counts, names and messages measured on the pull
// request's tree, each shown inside a code span or an indented block, where Markdown and HTML
// do nothing; prose fields cut to plain characters) and renders the comment with the default
// branch's renderer. The number must be a pull request whose head is the commit reviewed.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compare, majorBumped } from './spec-diff.mjs';
import { reviewExamples } from './spec-examples.mjs';
import { loadSpec } from './spec-load.mjs';
import { MARKER, renderReport } from './spec-report.mjs';

const MAX_FILE = 4 << 20;
const TOOLS = { Spectral: '.spectral.yaml', Redocly: 'redocly.yaml' };
const STATUSES = new Set(['measured', 'skipped', 'unavailable', 'broken']);

function read(dir, name) {
  const file = join(dir, name);
  if (statSync(file).size > MAX_FILE) throw new Error(`${name} is larger than ${MAX_FILE} bytes`);
  return readFileSync(file, 'utf8');
}

/** Prose from the artifact: letters, digits and plain punctuation only (a ~ only before a digit, as in HEAD~1), one line, bounded. */
export const prose = (text, max = 300) => String(text ?? '').replace(/~(?!\d)/g, ' ').replace(/[^A-Za-z0-9 .,:;()'"/+=~_-]/g, ' ').replace(/\s+/g, ' ').trim()
  .slice(0, max).replaceAll('://', ':/\u200b/').replace(/\bwww\./gi, m => `${m.slice(0, 3)}\u200b.`);
const str = (text, max = 300) => String(text ?? '').slice(0, max);
const list = (value, max) => (Array.isArray(value) ? value.slice(0, max) : []);
const status = s => (STATUSES.has(s) ? s : 'unavailable');

function sdkOf(sdk) {
  if (!sdk || typeof sdk !== 'object') return null;
  return {
    status: status(sdk.status), reason: prose(sdk.reason), gates: sdk.gates === true,
    items: list(sdk.items, 200).map(i => ({ type: str(i.type), member: i.member == null ? null : str(i.member), what: str(i.what),
      binary: i.binary === true, source: i.source === true, gates: i.gates === true })),
    added: Number.isInteger(sdk.added) ? sdk.added : 0,
    packages: list(sdk.packages, 20).map(p => str(p, 100)),
    compile: { first: list(sdk.compile?.first, 10).map(e => str(e)) },
    errcodes: list(sdk.errcodes, 100).map(e => ({ code: str(e.code, 20), was: str(e.was, 100), now: str(e.now, 100) })),
  };
}

function frontendOf(frontend) {
  if (!frontend || typeof frontend !== 'object') return null;
  const ts = frontend.typescript;
  const sim = frontend.simulator;
  return {
    typescript: ts && { status: status(ts.status), reason: prose(ts.reason), errors: list(ts.errors, 100).map(e => ({ where: str(e.where), message: str(e.message) })) },
    simulator: sim && { status: status(sim.status), reason: prose(sim.reason), rows: list(sim.rows, 200).map(r => ({ request: str(r.request), before: str(r.before), now: str(r.now), examples: r.examples == null ? undefined : str(r.examples) })) },
  };
}

/** Renders the comment from the artifact in `dir`: both specs compared here, the rest as data. */
export async function renderComment(dir) {
  const data = JSON.parse(read(dir, 'review.json'));
  const baseText = read(dir, 'base.yaml');
  const baseDoc = baseText.trim() ? await loadSpec(baseText) : null;
  const headDoc = await loadSpec(read(dir, 'head.yaml'));
  const label = side => prose(data?.[side]?.label, 120);
  const { comment } = renderReport({
    baseRef: prose(data.baseRef, 120),
    base: baseDoc && { label: label('base'), version: String(baseDoc.info?.version) },
    head: { label: label('head'), version: String(headDoc.info?.version) },
    alsoChanged: list(data.alsoChanged, 50).map(f => str(f, 200)),
    lint: list(data.lint, 2).filter(l => Object.hasOwn(TOOLS, l?.tool))
      .map(l => ({ tool: l.tool, config: TOOLS[l.tool], ok: l.ok === true, output: str(l.output, 20000) })),
    changes: baseDoc ? compare(baseDoc, headDoc) : [],
    examples: reviewExamples(baseDoc, headDoc),
    acknowledged: baseDoc !== null && majorBumped(baseDoc.info?.version, headDoc.info?.version),
    sdk: sdkOf(data.sdk),
    frontend: frontendOf(data.frontend),
    docs: { ok: data.docs?.ok !== false },
  });
  return comment;
}

/**
 * `github` is an authenticated Octokit (actions/github-script's), `repo` { owner, repo }, `dir`
 * the downloaded artifact, `reviewedSha` the commit the review ran on. Returns what it did:
 * 'created', 'updated', 'unchanged' or 'stale' (the pull request has moved on; its newer review
 * comments). Throws on an artifact that is not a spec review of a pull request.
 */
export async function upsertReviewComment({ github, repo, dir, reviewedSha }) {
  const text = readFileSync(join(dir, 'pr-number'), 'utf8').trim();
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new Error(`pr-number is not a pull request number: ${JSON.stringify(text.slice(0, 20))}`);
  const number = Number(text);
  const { data: pr } = await github.rest.pulls.get({ ...repo, pull_number: number });
  if (pr.head.sha !== reviewedSha) return 'stale';

  const body = await renderComment(dir);
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  const mine = comments.find(c => c.user?.login === 'github-actions[bot]' && c.body?.startsWith(MARKER));
  if (!mine) {
    await github.rest.issues.createComment({ ...repo, issue_number: number, body });
    return 'created';
  }
  if (mine.body === body) return 'unchanged';
  await github.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
  return 'updated';
}
