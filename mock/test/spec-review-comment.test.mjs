// The pull request comment of the spec review: one per pull request, created once, updated when
// the report changes, left alone when it does not; an artifact that is not a review of the
// pull request's current head is refused; and what the pull request's own scripts wrote is data:
// the comment is rendered here, and nothing in the artifact reaches it as Markdown or HTML.
// GitHub's API is an in-memory stand-in here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upsertReviewComment } from '../scripts/spec-review-comment.mjs';
import { MARKER } from '../scripts/spec-report.mjs';

const repo = { owner: 'acme', repo: 'sdk' };
const HEAD = 'a'.repeat(40);

function fakeGitHub() {
  const comments = [
    { id: 1, user: { login: 'octocat' }, body: `${MARKER}\nquoted by a person` },
    { id: 2, user: { login: 'github-actions[bot]' }, body: 'another bot comment' },
  ];
  const calls = [];
  const rest = {
    pulls: { get: async ({ pull_number }) => ({ data: { number: pull_number, head: { sha: HEAD } } }) },
    issues: {
      listComments: async () => ({ data: comments }),
      createComment: async ({ issue_number, body }) => {
        calls.push(['create', issue_number]);
        comments.push({ id: comments.length + 1, user: { login: 'github-actions[bot]' }, body });
      },
      updateComment: async ({ comment_id, body }) => {
        calls.push(['update', comment_id]);
        comments.find(c => c.id === comment_id).body = body;
      },
    },
  };
  return { comments, calls, rest, paginate: async (method, params) => (await method(params)).data };
}

const spec = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi', 'openapi.yaml'), 'utf8');
const dropExtGroup = spec.replace('enum: [extension, ext_group]', 'enum: [extension]');

/** An artifact as the review workflow uploads it; `data` overrides review.json's fields. */
function artifact(number, { head = spec, data = {}, comment = 'ignored' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-review-artifact-'));
  writeFileSync(join(dir, 'pr-number'), `${number}\n`);
  writeFileSync(join(dir, 'base.yaml'), spec);
  writeFileSync(join(dir, 'head.yaml'), head);
  writeFileSync(join(dir, 'comment.md'), comment);
  writeFileSync(join(dir, 'review.json'), JSON.stringify({
    baseRef: 'the merge base', base: { label: 'aaaa (base)' }, head: { label: 'bbbb (HEAD)' },
    lint: [{ tool: 'Spectral', config: '.spectral.yaml', ok: true, output: '' }, { tool: 'Redocly', config: 'redocly.yaml', ok: true, output: '' }],
    sdk: { status: 'skipped', reason: 'nothing in openapi/ or generator-templates/ changed' }, docs: { ok: true }, ...data,
  }));
  return dir;
}

test('one comment per pull request: created, then left alone, then updated', async () => {
  const github = fakeGitHub();
  const first = artifact(7, { head: dropExtGroup });
  const second = artifact(7);
  try {
    assert.equal(await upsertReviewComment({ github, repo, dir: first, reviewedSha: HEAD }), 'created');
    assert.equal(await upsertReviewComment({ github, repo, dir: first, reviewedSha: HEAD }), 'unchanged');
    assert.equal(await upsertReviewComment({ github, repo, dir: second, reviewedSha: HEAD }), 'updated');
    assert.deepEqual(github.calls, [['create', 7], ['update', 3]]);
    assert.equal(github.comments.filter(c => c.body.startsWith(MARKER) && c.user.login === 'github-actions[bot]').length, 1);
    assert.equal(github.comments[0].body, `${MARKER}\nquoted by a person`);
    assert.match(github.comments[2].body, new RegExp(`^${MARKER}\n\\*\\*Ready\\*\\* · `));
  } finally {
    rmSync(first, { recursive: true });
    rmSync(second, { recursive: true });
  }
});

test('the comparison is made again here: a review.json that claims no change cannot hide a break', async () => {
  const github = fakeGitHub();
  const dir = artifact(7, { head: dropExtGroup, data: { changes: [], comment: 'Ready' }, comment: `${MARKER}\n**Ready**` });
  try {
    await upsertReviewComment({ github, repo, dir, reviewedSha: HEAD });
    const body = github.comments.at(-1).body;
    assert.match(body, /^\*\*Not ready\*\* · SDK callers: 1 breaking/m);
    assert.match(body, /`ModeratorType`: enum value ext_group removed/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('names and messages measured on the pull request are inert in the comment', async () => {
  const github = fakeGitHub();
  const evil = '`</details><img src=x onerror=alert(1)> [click](https://evil.example) @org/team';
  const dir = artifact(7, {
    head: spec.replace('enum: [extension, ext_group]', 'enum: [extension, "<b>@everyone</b>"]'),
    data: {
      base: { label: evil }, head: { label: evil },
      sdk: { status: 'measured', reason: evil, items: [{ type: evil, member: evil, what: evil, binary: false, source: false, gates: true }], added: 0, packages: [evil] },
      frontend: { typescript: { status: 'measured', errors: [{ where: evil, message: evil }] }, simulator: { status: 'unavailable', reason: evil } },
      lint: [{ tool: 'Spectral', ok: false, output: `${evil}\n</details>` }, { tool: '<b>Evil</b>', ok: true }],
    },
  });
  try {
    await upsertReviewComment({ github, repo, dir, reviewedSha: HEAD });
    const body = github.comments.at(-1).body;
    const outsideCode = body.split('\n').filter(l => !l.startsWith('    ')).join('\n').replace(/`[^`\n]*`/g, '');
    assert.doesNotMatch(outsideCode, /<img|<b>|\]\(https|@org|@everyone|https:\/\//);
    assert.equal((outsideCode.match(/<details>/g) ?? []).length, (outsideCode.match(/<\/details>/g) ?? []).length);
    assert.doesNotMatch(body, /Evil/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a review of a commit the pull request has moved on from does not comment', async () => {
  const github = fakeGitHub();
  const dir = artifact(7);
  try {
    assert.equal(await upsertReviewComment({ github, repo, dir, reviewedSha: 'b'.repeat(40) }), 'stale');
    assert.deepEqual(github.calls, []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an artifact that is not a spec review of a pull request is refused', async () => {
  const github = fakeGitHub();
  const badNumber = artifact('7; echo');
  const badSpec = artifact(7, { head: 'Click here' });
  try {
    await assert.rejects(upsertReviewComment({ github, repo, dir: badNumber, reviewedSha: HEAD }), /pr-number is not a pull request number: "7; echo"/);
    await assert.rejects(upsertReviewComment({ github, repo, dir: badSpec, reviewedSha: HEAD }), /not an OpenAPI document/);
    assert.deepEqual(github.calls, []);
  } finally {
    rmSync(badNumber, { recursive: true });
    rmSync(badSpec, { recursive: true });
  }
});

test('a long report is cut at a section, saying where the rest is', async () => {
  const github = fakeGitHub();
  const many = Array.from({ length: 200 }, (_, i) => ({ where: `GET /x${i}`, message: 'y'.repeat(150) }));
  const rows = Array.from({ length: 200 }, (_, i) => ({ request: `GET /x${i}`, before: `${i}${'z'.repeat(150)}`, now: 'w'.repeat(150) }));
  const dir = artifact(7, { data: { frontend: { typescript: { status: 'measured', errors: many }, simulator: { status: 'measured', rows } } } });
  try {
    await upsertReviewComment({ github, repo, dir, reviewedSha: HEAD });
    const body = github.comments.at(-1).body;
    assert.ok(body.length <= 30100, `${body.length}`);
    assert.match(body, /\(The rest is in report\.md in the spec-review artifact\.\)\n$/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
