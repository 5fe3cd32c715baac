// Each class of spec change, made on a copy of the live spec (fixtures/spec-review/classes.mjs),
// gets its verdict per audience: whether it gates the review, and whom it breaks. The live spec
// itself is only the starting point: no test here counts the changes between two commits of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compare, majorBumped } from '../scripts/spec-diff.mjs';
import { loadSpec } from '../scripts/spec-load.mjs';
import { group } from '../scripts/spec-report-text.mjs';
import { CLASSES } from './fixtures/spec-review/classes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const live = parse(readFileSync(join(root, 'openapi', 'openapi.yaml'), 'utf8'));

/** The verdict of one class: { gate, sdk, frontend, wire }, or null when nothing is reported. */
export async function verdictOf({ before, edit }) {
  const base = structuredClone(live);
  if (before) before(base);
  const head = structuredClone(base);
  edit(head);
  const [b, h] = [await loadSpec(base), await loadSpec(head)];
  const changes = compare(b, h).filter(c => c.where !== 'info.version');
  if (changes.length === 0) return { verdict: null, changes };
  const groups = group(changes);
  const breaks = key => groups.some(g => g.impact[key]);
  const gate = groups.some(g => g.breaking) && !majorBumped(b.info.version, h.info.version);
  return { verdict: { gate, sdk: breaks('sdk'), frontend: breaks('frontend'), wire: breaks('wire') }, changes };
}

for (const c of CLASSES) {
  test(`${c.name}: ${c.expect ? Object.entries(c.expect).filter(([, v]) => v).map(([k]) => k).join(', ') || 'reported, breaks nobody' : 'nothing reported'}`, async () => {
    const { verdict, changes } = await verdictOf(c);
    assert.deepEqual(verdict, c.expect, JSON.stringify(changes, null, 2));
    for (const change of changes) {
      for (const audience of ['sdk', 'frontend', 'wire']) assert.equal(typeof change[audience], 'string', `${change.what}: ${audience}`);
      assert.ok(!change.where.includes('`'));
    }
  });
}

test('the reviewers\' guide lists every class with the verdict asserted here', () => {
  const guide = readFileSync(join(root, 'docs', 'spec-review.md'), 'utf8');
  const yes = v => (v ? 'breaks' : '—');
  for (const c of CLASSES) {
    const row = c.expect
      ? `| ${c.name} | ${c.expect.gate ? 'fails' : 'passes'} | ${yes(c.expect.sdk)} | ${yes(c.expect.frontend)} | ${yes(c.expect.wire)} |`
      : `| ${c.name} | passes | nothing reported | nothing reported | nothing reported |`;
    assert.ok(guide.includes(row), `docs/spec-review.md has the row\n${row}`);
  }
});

test('a change to a shared schema is one item that names every operation it reaches', async () => {
  const base = structuredClone(live);
  // A second operation that answers conferences too.
  base.paths['/openapi/v1.0/conference/search'] = { get: { 'x-sdk-name': 'ConferenceSearch', summary: 'Search', responses: structuredClone(base.paths['/openapi/v1.0/conference/list'].get.responses) } };
  const head = structuredClone(base);
  head.components.schemas.ModeratorType.enum = ['extension'];
  const groups = group(compare(await loadSpec(base), await loadSpec(head))).filter(g => g.breaking);
  assert.equal(groups.length, 1, JSON.stringify(groups, null, 2));
  assert.equal(groups[0].shared, 'ModeratorType');
  assert.deepEqual(groups[0].ops, ['GET /openapi/v1.0/conference/list', 'GET /openapi/v1.0/conference/search']);
});
