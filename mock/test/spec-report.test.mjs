// The report's layout for a reviewer with ten seconds: the verdict line first, each breaking item
// once, the rest folded, lines wrapped, code spans nothing can break out of.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../scripts/spec-report.mjs';
import { code, inert, wrap } from '../scripts/spec-report-text.mjs';

const change = (over = {}) => ({ breaking: true, where: 'GET /a → 200 body.data[].id', what: 'type changed from integer to string',
  sdk: 'Conference.id() changes', frontend: 'screens break', wire: 'the value changes', impact: { sdk: true, frontend: true, wire: true }, shared: 'Conference.id', ...over });
const review = changes => ({ base: { label: 'b', version: '1.0.0' }, head: { label: 'h', version: '1.0.0' }, lint: [{ tool: 'Spectral', config: '.spectral.yaml', ok: true, output: '' }],
  changes, examples: { changed: [], invalid: [] }, acknowledged: false, sdk: null, frontend: null, docs: { ok: true } });

test('a shared schema change reached from two operations is one breaking item naming both', () => {
  const { markdown, failed } = renderReport(review([change(), change({ where: 'GET /b → 200 body.data[].id' }),
    change({ breaking: false, shared: undefined, where: 'GET /a', what: 'description changed', impact: { sdk: false, frontend: false, wire: false } })]));
  assert.equal(failed, true);
  const lines = markdown.split('\n');
  assert.equal(lines[0], '**Not ready** · SDK callers: 1 breaking · frontend teams: 1 breaking · wire: 1 breaking · lint: passes');
  assert.equal((markdown.match(/type changed from integer to string/g) ?? []).length, 1);
  assert.match(markdown, /Reaches `GET \/a`, `GET \/b`\./);
  // Everything that is not breaking is folded.
  const folded = markdown.slice(markdown.indexOf('<details>'));
  assert.match(folded, /<summary>Other changes \(1\)<\/summary>[\s\S]*`GET \/a`: description changed/);
  assert.ok(markdown.indexOf('### Breaking (1)') < markdown.indexOf('<details>'));
});

test('nothing breaking and the lint clean: ready', () => {
  const { markdown, failed } = renderReport(review([]));
  assert.equal(failed, false);
  assert.match(markdown, /^\*\*Ready\*\* · SDK callers: 0 breaking/);
});

test('an SDK break from the templates alone is reported and does not gate; one the spec causes does', () => {
  const sdk = gates => ({ status: 'measured', packages: ['p'], added: 0,
    items: [{ type: 'Conference', member: 'id()', what: 'returns String, was int', binary: false, source: false, gates }] });
  const fromTemplates = renderReport({ ...review([]), sdk: sdk(false) });
  assert.equal(fromTemplates.failed, false);
  assert.match(fromTemplates.markdown, /`id\(\)` `returns String, was int` \(source and binary, not gating\)/);
  assert.equal(renderReport({ ...review([]), sdk: sdk(true) }).failed, true);
});

test('prose wraps at 100 characters without breaking a code span; code spans hold no backtick', () => {
  const lines = wrap(`- ${'word '.repeat(30)}${code('a `b` c d e f g')} end`, '  ');
  assert.ok(lines.every(l => l.length <= 100), lines.join('\n'));
  assert.ok(lines.slice(1).every(l => l.startsWith('  ')));
  assert.ok(lines.some(l => l.includes("`a 'b' c d e f g`")));
  assert.equal(code('x'.repeat(300)).length, 202);
});

test('names from a spec are inert: no HTML, no link, no mention', () => {
  assert.equal(inert('<b>x</b> [l](https://e.example) @team a_b'), '\\<b\\>x\\</b\\> \\[l\\](https:/\u200b/e.example) @\u200bteam a_b');
});
