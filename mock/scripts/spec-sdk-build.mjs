// Builds the SDK's main jar from one tree of the repository, in a scratch folder, with the
// tree's own pom, templates and runtime, and keeps it in a cache keyed by the content of what
// the jar is made of (openapi/, generator-templates/, src/main/, pom.xml): the same inputs give
// the same jar (the build is reproducible), so a base reviewed before is not built again.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INPUTS = ['openapi', 'generator-templates', 'src/main', 'pom.xml'];
// Only what the main jar needs: no tests, Javadoc, sources jar, SBOM, formatting or Node steps.
const MAVEN_ARGS = ['-B', '-q', '-Dmaven.test.skip=true', '-Dmaven.javadoc.skip=true', '-Dmaven.source.skip=true',
  '-Dcyclonedx.skip=true', '-Denforcer.skip=true', '-Dspotless.check.skip=true', '-Dspotless.skip=true',
  '-Dgpg.skip=true', '-Dmock.skip=true', '-Dinvoker.skip=true', 'package'];

const gitIn = (root, env = {}) => (...args) => {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
};

/**
 * Writes a tree object for one side and returns its hash: `ref` a commit, or null for the working
 * tree (uncommitted edits and new files included); `specFrom` another tree whose openapi/ replaces
 * this one's (the base's runtime with the head's spec, to tell which breaks the spec causes).
 */
export function snapshotTree(root, ref, scratch, specFrom = null) {
  mkdirSync(scratch, { recursive: true });
  const index = join(scratch, `index-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const git = gitIn(root, { GIT_INDEX_FILE: index });
  try {
    const start = git('read-tree', ref ?? 'HEAD');
    if (!start.ok) throw new Error(`git read-tree ${ref ?? 'HEAD'}: ${start.err}`);
    if (ref === null) {
      // One path at a time: a pathspec that matches nothing would make git add refuse them all.
      for (const path of [...INPUTS, 'mvnw', '.mvn']) {
        if (!existsSync(join(root, path))) continue;
        const added = git('add', '-A', '--', path);
        if (!added.ok) throw new Error(`git add ${path}: ${added.err}`);
      }
    }
    const tree = git('write-tree');
    if (!tree.ok) throw new Error(`git write-tree: ${tree.err}`);
    return specFrom ? withSpecOf(root, tree.out, specFrom) : tree.out;
  } finally {
    rmSync(index, { force: true });
  }
}

/** `tree` with its openapi/ entry replaced by `specFrom`'s: a new tree object, no index involved. */
function withSpecOf(root, tree, specFrom) {
  const git = gitIn(root);
  const spec = git('rev-parse', '--verify', `${specFrom}:openapi`);
  if (!spec.ok) throw new Error(`no openapi/ in ${specFrom}`);
  const entries = git('ls-tree', tree).out.split('\n').filter(line => line && line.split('\t')[1] !== 'openapi');
  entries.push(`040000 tree ${spec.out}\topenapi`);
  const made = spawnSync('git', ['mktree'], { cwd: root, input: `${entries.join('\n')}\n`, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`git mktree: ${made.stderr.trim()}`);
  return made.stdout.trim();
}

/** The cache key of a tree: a hash of the tree objects of the jar's inputs. */
export function cacheKey(root, tree) {
  const git = gitIn(root);
  const parts = INPUTS.map(p => `${p}=${git('rev-parse', '--verify', '--quiet', `${tree}:${p}`).out || 'none'}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);
}

/** Compile errors in Maven's output, as `File.java:[line,col] message`, at most `limit`. */
export function compileErrors(output, limit = 10) {
  const errors = [...output.matchAll(/^\[ERROR\] \S*?([^/\s]+\.java):\[(\d+),\d+\] (.+)$/gm)].map(m => `${m[1]}:${m[2]} ${m[3]}`);
  return { count: errors.length, first: [...new Set(errors)].slice(0, limit) };
}

function mainJar(dir) {
  if (!existsSync(dir)) return null;
  const jars = readdirSync(dir).filter(f => f.endsWith('.jar') && !/-(sources|javadoc|tests|test-sources|cli)\.jar$|^original-/.test(f));
  return jars.sort((a, b) => a.length - b.length)[0] ?? null;
}

// A build started from inside another (the node tests under ./mvnw verify) must not inherit the
// outer one's project directory or arguments.
export function childEnv() {
  const env = { ...process.env };
  for (const key of ['MAVEN_BASEDIR', 'MAVEN_PROJECTBASEDIR', 'MAVEN_ARGS', 'MAVEN_CONFIG', 'MAVEN_CMD_LINE_ARGS']) delete env[key];
  return env;
}

function run(command, args, cwd, timeoutMs) {
  return new Promise(resolve => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', d => { output += d; });
    child.stderr.on('data', d => { output += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', error => { clearTimeout(timer); resolve({ ok: false, output: String(error.message) }); });
    child.on('close', code => { clearTimeout(timer); resolve({ ok: code === 0, output }); });
  });
}

/**
 * Returns { jar, cached, seconds } or { error, compile } for `tree`: from the cache
 * (`cacheDir/<key>.jar`) when there, else built in `scratch/<key>` with the tree's own Maven
 * wrapper (Maven on the PATH when it has none), then cached.
 */
export async function buildJar({ root, tree, cacheDir, scratch, label, timeoutMs = 300_000 }) {
  const key = cacheKey(root, tree);
  const cached = join(cacheDir, `${key}.jar`);
  if (existsSync(cached)) return { jar: cached, cached: true, seconds: 0, key };
  const dir = join(scratch, key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const unpack = spawnSync('sh', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'sh', root, tree, dir], { encoding: 'utf8' });
  if (unpack.status !== 0) return { error: `could not unpack the ${label} tree: ${unpack.stderr.trim()}` };
  const wrapper = existsSync(join(dir, 'mvnw')) && existsSync(join(dir, '.mvn'));
  const built = await run(wrapper ? 'sh' : 'mvn', wrapper ? ['mvnw', ...MAVEN_ARGS] : MAVEN_ARGS, dir, timeoutMs);
  const seconds = (Date.now() - started) / 1000;
  const jar = mainJar(join(dir, 'target'));
  if (!built.ok || !jar) {
    const compile = compileErrors(built.output);
    writeFileSync(join(scratch, `${label}-build.log`), built.output);
    return { error: compile.count ? `the ${label} SDK does not compile: ${compile.count} errors` : `the ${label} SDK build failed`, compile, seconds, key };
  }
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(join(dir, 'target', jar), cached);
  rmSync(dir, { recursive: true, force: true });
  return { jar: cached, cached: false, seconds, key };
}
