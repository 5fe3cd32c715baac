// SDK callers, measured: builds the SDK's main jar from the base and from the head (each with
// its own spec, templates and runtime; spec-sdk-build.mjs) and compares their public API with
// japicmp 0.27.0, in the packages the jar's module exports. When the spec changed together with
// the templates or the runtime, a third jar (the base's runtime and templates with the head's
// spec) tells which breaks the spec causes: only those gate the review, since a break from the
// templates or the runtime alone is the SDK's own release's to version, not the spec's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJar, childEnv, snapshotTree } from './spec-sdk-build.mjs';
import { parseJapicmp } from './spec-japicmp.mjs';
import { compareErrcodeTables, errcodeTable } from './spec-sdk-errcodes.mjs';

const JAPICMP = '0.27.0';
const scripts = dirname(fileURLToPath(import.meta.url));

const sh = (command, args, cwd) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: childEnv() });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), missing: r.error?.code === 'ENOENT' };
};

/** Which of the SDK's inputs differ between the base and the working tree: { spec, templates, runtime }. */
export function changedInputs(root, baseRef) {
  const names = paths => {
    const diff = sh('git', ['diff', '--name-only', baseRef, '--', ...paths], root).out;
    const untracked = sh('git', ['ls-files', '--others', '--exclude-standard', '--', ...paths], root).out;
    return `${diff}\n${untracked}`.split('\n').filter(Boolean);
  };
  return { spec: names(['openapi']), templates: names(['generator-templates']), runtime: names(['src/main', 'pom.xml']) };
}

/** japicmp's class path, resolved once through the local Maven repository and kept in the cache. */
function japicmpClasspath(cacheDir, work) {
  const file = join(cacheDir, `japicmp-${JAPICMP}.classpath`);
  if (existsSync(file)) {
    const cp = readFileSync(file, 'utf8').trim();
    if (cp.split(':').every(existsSync)) return cp;
  }
  mkdirSync(work, { recursive: true });
  const r = sh('mvn', ['-B', '-q', '-f', join(scripts, 'spec-japicmp.pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${file}`], work);
  if (!r.ok) throw new Error(`japicmp ${JAPICMP} could not be resolved: ${r.out.split('\n').find(l => l.includes('ERROR')) ?? r.out.slice(0, 300)}`);
  return readFileSync(file, 'utf8').trim();
}

/** The packages a jar's module exports (jar --describe-module); null for a jar that is no module. */
function exportsOf(jar) {
  const r = sh('jar', ['--describe-module', '--file', jar]);
  if (!r.ok) return null;
  return [...r.out.matchAll(/^exports (\S+)$/gm)].map(m => m[1]);
}

function japicmp(cp, oldJar, newJar, xml) {
  const packages = [...new Set([...(exportsOf(oldJar) ?? []), ...(exportsOf(newJar) ?? [])])];
  const scope = packages.length
    ? ['--include', packages.join(';'), '--include-exclusively']
    : ['--exclude', '*.internal;*.internal.*'];
  const r = sh('java', ['-cp', cp, 'japicmp.JApiCmp', '-o', oldJar, '-n', newJar, '--only-modified', ...scope,
    '--ignore-missing-classes', '--reproducible-report', '-x', xml]);
  if (!r.ok) throw new Error(`japicmp failed: ${r.out.slice(0, 500)}`);
  return { ...parseJapicmp(readFileSync(xml, 'utf8')), packages };
}

const key = i => `${i.type}#${i.member ?? ''}#${i.what}`;

/**
 * Returns { status, reason?, items, added, packages, errcodes, builds, seconds }: `status` is 'skipped'
 * (no input of the generated code changed), 'unavailable' (no Java or Maven; the base does not
 * build), 'broken' (the head does not compile: `compile` lists the errors) or 'measured'; each
 * item is a japicmp incompatibility with `gates` true when the spec causes it; `errcodes` lists
 * each errcode whose exception differs between the two jars ({ code, was, now }).
 */
export async function measureSdk({ root, baseRef, out }) {
  const started = Date.now();
  const inputs = changedInputs(root, baseRef);
  const done = result => ({ items: [], added: 0, packages: [], builds: [], inputs, ...result, seconds: (Date.now() - started) / 1000 });
  if (inputs.spec.length === 0 && inputs.templates.length === 0) {
    return done({ status: 'skipped', reason: 'nothing in openapi/ or generator-templates/ changed, so the generated code is the same: no SDK was built' });
  }
  for (const tool of ['java', 'mvn', 'jar']) {
    if (sh(tool, ['--version']).missing) return done({ status: 'unavailable', reason: `${tool} is not on the PATH: the SDK was not measured` });
  }
  const cacheDir = join(out, 'cache');
  const scratch = join(out, 'scratch');
  const baseTree = snapshotTree(root, baseRef, scratch);
  const headTree = snapshotTree(root, null, scratch);
  const attribute = inputs.spec.length > 0 && (inputs.templates.length > 0 || inputs.runtime.length > 0);
  const sides = [['base', baseTree], ['head', headTree]];
  if (attribute) sides.push(['base with the head\'s spec', snapshotTree(root, baseRef, scratch, headTree)]);
  // One after the other: side by side they took as long on two cores (32 s each against 14 s).
  const built = [];
  for (const [label, tree] of sides) built.push(await buildJar({ root, tree, cacheDir, scratch, label }));
  const builds = sides.map(([label], i) => ({ label, cached: built[i].cached ?? false, seconds: built[i].seconds ?? 0, error: built[i].error }));
  const [base, head, mixed] = built;
  if (base.error) return done({ status: 'unavailable', reason: `${base.error}; the SDK was not measured`, builds });
  if (head.error) return done({ status: 'broken', reason: head.error, compile: head.compile, builds, gates: inputs.spec.length > 0 && !(mixed && !mixed.error) });
  const cp = japicmpClasspath(cacheDir, scratch);
  const all = japicmp(cp, base.jar, head.jar, join(out, 'japicmp.xml'));
  let fromSpec = null;
  if (mixed && !mixed.error) fromSpec = new Set(japicmp(cp, base.jar, mixed.jar, join(out, 'japicmp-spec.xml')).incompatible.map(key));
  const items = all.incompatible.map(i => ({ ...i, gates: inputs.spec.length > 0 && (fromSpec ? fromSpec.has(key(i)) : !attribute) }));
  // What no signature shows: which exception each errcode becomes, read from the built switch.
  const errcodes = compareErrcodeTables(errcodeTable(base.jar), errcodeTable(head.jar));
  writeFileSync(join(out, 'sdk.json'), JSON.stringify({ items, added: all.added, packages: all.packages, errcodes }, null, 2));
  return done({ status: 'measured', items, added: all.added, packages: all.packages, errcodes, builds, attributed: Boolean(fromSpec) });
}
