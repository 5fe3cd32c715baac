// Posts the spec review on its pull request, for .github/workflows/spec-review-comment.yml: one
// comment per pull request, found by the marker on its first line, created once and updated
// when the report changes. The review's artifact comes from a pull request, possibly a fork's,
// so it is read as untrusted data: the number must be a pull request whose head is the commit
// that was reviewed, and the body must be a spec review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARKER } from './spec-report.mjs';

// GitHub refuses comments longer than 65,536 characters.
const MAX_BODY = 60000;

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

  let body = readFileSync(join(dir, 'comment.md'), 'utf8');
  if (!body.startsWith(`${MARKER}\n`)) throw new Error('comment.md does not start with the spec review marker');
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n(cut here: the whole report is in the spec-review artifact)\n`;

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
