// The pull request comment of the spec review: one per pull request, created once, updated when
// the report changes, left alone when it does not; an artifact that is not a review of the
// pull request's current head is refused. GitHub's API is an in-memory stand-in here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

function artifact(number, body) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-review-artifact-'));
  writeFileSync(join(dir, 'pr-number'), `${number}\n`);
  writeFileSync(join(dir, 'comment.md'), body);
  return dir;
}

test('one comment per pull request: created, then left alone, then updated', async () => {
  const github = fakeGitHub();
  const first = artifact(7, `${MARKER}\n# Spec review\n\n**Not ready:** ...\n`);
  const second = artifact(7, `${MARKER}\n# Spec review\n\n**Ready.** ...\n`);
  try {
    assert.equal(await upsertReviewComment({ github, repo, dir: first, reviewedSha: HEAD }), 'created');
    assert.equal(await upsertReviewComment({ github, repo, dir: first, reviewedSha: HEAD }), 'unchanged');
    assert.equal(await upsertReviewComment({ github, repo, dir: second, reviewedSha: HEAD }), 'updated');
    assert.deepEqual(github.calls, [['create', 7], ['update', 3]]);
    assert.equal(github.comments.filter(c => c.body.startsWith(MARKER) && c.user.login === 'github-actions[bot]').length, 1);
    assert.equal(github.comments[0].body, `${MARKER}\nquoted by a person`);
    assert.match(github.comments[2].body, /Ready\./);
  } finally {
    rmSync(first, { recursive: true });
    rmSync(second, { recursive: true });
  }
});

test('a review of a commit the pull request has moved on from does not comment', async () => {
  const github = fakeGitHub();
  const dir = artifact(7, `${MARKER}\n# Spec review\n`);
  try {
    assert.equal(await upsertReviewComment({ github, repo, dir, reviewedSha: 'b'.repeat(40) }), 'stale');
    assert.deepEqual(github.calls, []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an artifact that is not a spec review of a pull request is refused', async () => {
  const github = fakeGitHub();
  const badNumber = artifact('7; echo', `${MARKER}\n# Spec review\n`);
  const badBody = artifact(7, 'Click here\n');
  try {
    await assert.rejects(upsertReviewComment({ github, repo, dir: badNumber, reviewedSha: HEAD }), /pr-number is not a pull request number: "7; echo"/);
    await assert.rejects(upsertReviewComment({ github, repo, dir: badBody, reviewedSha: HEAD }), /does not start with the spec review marker/);
    assert.deepEqual(github.calls, []);
  } finally {
    rmSync(badNumber, { recursive: true });
    rmSync(badBody, { recursive: true });
  }
});

test('a report too long for a comment is cut, saying where the rest is', async () => {
  const github = fakeGitHub();
  const dir = artifact(7, `${MARKER}\n${'x'.repeat(70000)}`);
  try {
    await upsertReviewComment({ github, repo, dir, reviewedSha: HEAD });
    const body = github.comments.at(-1).body;
    assert.ok(body.length < 65536);
    assert.match(body, /the whole report is in the spec-review artifact\)\n$/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
