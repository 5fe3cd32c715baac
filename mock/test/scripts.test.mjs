// Every npm script works on a fresh clone: a command that loads an npm package (through its
// imports, static or dynamic) or runs a package's bin runs after `node scripts/ensure-installed.mjs`,
// either as an earlier step of the same script or, for an entry script that imports no package
// statically, through its own ensureInstalled() call before it loads one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { scripts } = JSON.parse(readFileSync(join(mockDir, 'package.json'), 'utf8'));
const ENSURE = 'node scripts/ensure-installed.mjs';
// `--clean` only removes what prepack wrote; the package it imports is loaded by the other branch.
const NEEDS_NOTHING = new Set(['postpack']);

const IMPORT = /(?:^|\n)\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The packages a module reaches through its relative imports: { static: [...], any: [...] }. */
function packagesOf(file, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  const found = { static: new Set(), any: new Set() };
  seen.set(file, found);
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    const dynamic = match[1] === undefined;
    if (specifier.startsWith('node:')) continue;
    if (specifier.startsWith('.')) {
      const inner = packagesOf(resolve(dirname(file), specifier), seen);
      for (const name of inner.any) found.any.add(name);
      if (!dynamic) for (const name of inner.static) found.static.add(name);
    } else {
      found.any.add(specifier);
      if (!dynamic) found.static.add(specifier);
    }
  }
  return found;
}

/** Why a command of a script needs installed packages, or null. */
function needsPackages(command) {
  const words = command.replace(/^exec\s+/, '').split(/\s+/);
  if (words[0] !== 'node') return `it runs the package bin ${words[0]}`;
  const entry = join(mockDir, words[1]);
  const { any, static: statics } = packagesOf(entry);
  if (any.size === 0) return null;
  const callsEnsure = /^ensureInstalled\(\);$/m.test(readFileSync(entry, 'utf8'));
  if (statics.size === 0 && callsEnsure) return null;
  return `${words[1]} loads ${[...any].join(', ')}`;
}

test('the import scan sees packages behind relative and dynamic imports', () => {
  const review = packagesOf(join(mockDir, 'scripts', 'spec-review.mjs'));
  assert.ok(review.any.has('ajv'), [...review.any].join());
  assert.ok(!review.static.has('ajv'), 'spec-review.mjs loads Ajv only after ensureInstalled()');
  assert.ok(packagesOf(join(mockDir, 'scripts', 'prepack.mjs')).any.has('openapi-typescript'));
  assert.equal(needsPackages('spectral lint x'), 'it runs the package bin spectral');
});

test('every npm script that needs installed packages installs them first', () => {
  const problems = [];
  for (const [name, script] of Object.entries(scripts)) {
    if (NEEDS_NOTHING.has(name)) continue;
    let installed = false;
    for (const command of script.split('&&').map(c => c.trim())) {
      if (command.replace(/^exec\s+/, '') === ENSURE) {
        installed = true;
        continue;
      }
      const why = installed ? null : needsPackages(command);
      if (why) problems.push(`${name}: "${command}" runs before ${ENSURE}, but ${why}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the spec review script installs before loading a package, even when run directly', () => {
  const text = readFileSync(join(mockDir, 'scripts', 'spec-review.mjs'), 'utf8');
  assert.deepEqual([...packagesOf(join(mockDir, 'scripts', 'spec-review.mjs')).static], []);
  assert.ok(text.indexOf('ensureInstalled();') < text.indexOf("await import('./spec-examples.mjs')"));
});
