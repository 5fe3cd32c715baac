// The spec store follows the spec file by its path and by content: an edit made while the mock
// starts, an edit right after it started, and files replaced the ways editors and git replace
// them (unlink then create, a file moved over it, a kept copy with an older mtime put back) all
// reach the spec in service, each exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecStore } from '../lib/spec-store.mjs';

const spec = readFileSync(new URL('../../openapi/openapi.yaml', import.meta.url), 'utf8');
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until `done()` holds, for at most 15 s (the machine may be busy); says what it waited for. */
async function until(done, what, lines) {
  for (let waited = 0; waited < 15000 && !done(); waited += 50) await sleep(50);
  assert.ok(done(), `not within 15 s: ${what}\n${lines.join('\n')}`);
}

/** A store on a private copy of the spec; `run(store, source, lines)`, then everything is removed. */
async function withStore(run) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-store-'));
  const source = join(dir, 'openapi.yaml');
  writeFileSync(source, spec);
  const lines = [];
  const store = new SpecStore({ source, log: line => lines.push(line) });
  try {
    await run(store, source, lines);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the file as git checkout does: unlink, then create. */
function recreate(source, text) {
  unlinkSync(source);
  writeFileSync(source, text);
}

/** Replaces the file as many editors save: write a temporary file, rename it over the spec. */
function moveOver(source, text, mtime) {
  writeFileSync(`${source}.tmp`, text);
  if (mtime) utimesSync(`${source}.tmp`, mtime, mtime);
  renameSync(`${source}.tmp`, source);
}

test('an edit made before the store watches (while the mock starts) is in service once watch() resolves', { timeout: 60_000 }, async () => {
  await withStore(async (store, source, lines) => {
    recreate(source, spec.replace('Cloud Edition.', 'Cloud Edition (edited).'));
    await store.watch();
    assert.equal(store.version, 2, lines.join('\n'));
    assert.match(store.text, /Cloud Edition \(edited\)\./);
  });
});

test('files replaced right after the start, by unlink and create or by a move, are each followed once', { timeout: 120_000 }, async () => {
  await withStore(async (store, source, lines) => {
    await store.watch();
    // At once: the watcher's first stat may not have been taken yet.
    recreate(source, spec.replace('description: |', 'description: BROKEN |'));
    await until(() => store.failure !== undefined, 'the broken replacement reported', lines);
    assert.match(store.failure, /openapi\.yaml does not load/);
    assert.equal(store.version, 1);

    moveOver(source, spec);
    await until(() => store.failure === undefined, 'the good spec moved over the broken one', lines);
    assert.equal(store.version, 1, 'the spec in service did not change');

    const edited = spec.replace('Cloud Edition.', 'Cloud Edition (edited).');
    recreate(source, edited);
    await until(() => store.version === 2, 'the recreated edit in service', lines);
    assert.equal(store.text, edited);

    // A kept copy of the same size with an older mtime moved back: size and mtime alone say nothing.
    const same = edited.replace('(edited)', '(EDITED)');
    assert.equal(same.length, edited.length);
    moveOver(source, same, new Date('2020-01-01T00:00:00Z'));
    await until(() => store.version === 3, 'the same-size older copy in service', lines);
    assert.equal(store.text, same);

    // The file is absent for a moment (a checkout between its unlink and its create).
    unlinkSync(source);
    await sleep(60);
    writeFileSync(source, spec);
    await until(() => store.version === 4 && store.failure === undefined, 'the file back after a gap', lines);
    assert.equal(store.text, spec);
    await sleep(1500); // the later second look finds nothing more
    assert.equal(store.version, 4, lines.join('\n'));
  });
});
