// The spec store follows the spec file by its path: an editor or `git checkout` that replaces the
// file (unlink, then create) must not leave later edits unseen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecStore } from '../lib/spec-store.mjs';

const spec = readFileSync(new URL('../../openapi/openapi.yaml', import.meta.url), 'utf8');
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until {@code done()} holds, for at most 15 s (the machine may be busy). */
async function until(done) {
  for (let waited = 0; waited < 15000 && !done(); waited += 100) await sleep(100);
}

test('edits after a replaced file that failed to load still reach the mock', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-store-'));
  const source = join(dir, 'openapi.yaml');
  writeFileSync(source, spec);
  const lines = [];
  const store = new SpecStore({ source, log: line => lines.push(line) });
  try {
    await store.watch();
    // Each edit replaces the file, as git checkout does.
    const replace = text => {
      unlinkSync(source);
      writeFileSync(source, text);
    };
    replace(spec.replace('description: |', 'description: BROKEN |'));
    await until(() => store.failure !== undefined);
    assert.match(String(store.failure), /does not load/);
    replace(spec);
    await until(() => store.failure === undefined);
    assert.equal(store.failure, undefined, lines.join('\n'));
    const before = store.version;
    replace(spec.replace('Cloud Edition.', 'Cloud Edition (edited).'));
    await until(() => store.version > before);
    assert.equal(store.version, before + 1, lines.join('\n'));
  } finally {
    await store.close?.();
    rmSync(dir, { recursive: true, force: true });
  }
});
