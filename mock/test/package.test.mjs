// The npm package: `npm pack` makes a tarball that carries the spec and the TypeScript types
// generated from it without writing a tracked file; installed into an empty project, its
// `npx yeastar-conference-mock` serves the simulator behind Prism's validating proxy as
// `npm start` does, and stops with everything it started; the README's typed call compiles
// against the shipped types, fails to compile with a wrong field name, and works against the mock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API, alive, call, descendants, mockDir, state, startMock } from './support.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The process checks read /proc (Linux).
const noProc = process.platform !== 'linux';
const manifest = JSON.parse(readFileSync(join(mockDir, 'package.json'), 'utf8'));
const example = readFileSync(join(mockDir, 'examples', 'typed-call.ts'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'mock-package-'));
const installed = join(scratch, 'node_modules', manifest.name);

// npm passes its settings to scripts as npm_* variables (`--prefix mock` among them); the
// scratch project's npm must not inherit them, or it would install into the mock itself.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

function run(command, args, cwd, timeout = 300_000) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv, encoding: 'utf8', timeout });
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

function gitStatus() {
  const result = spawnSync('git', ['status', '--porcelain', '--', '.'], { cwd: mockDir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : null;
}

const tsc = join(scratch, 'node_modules', 'typescript', 'bin', 'tsc');

/** A frontend's strict tsconfig, resolving packages as bundlers do. */
function tsconfig(files, options = {}) {
  return {
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler',
      lib: ['es2022', 'dom'], types: [], skipLibCheck: false, ...options,
    },
    files,
  };
}

let packed;
let statusBefore;

before(() => {
  statusBefore = gitStatus();
  const pack = run(npm, ['pack', '--json', '--pack-destination', scratch], mockDir);
  assert.equal(pack.status, 0, pack.output);
  [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'frontend', private: true, type: 'module' }));
  const dev = manifest.devDependencies;
  const install = run(npm, ['install', '--engine-strict', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, packed.filename),
    `openapi-fetch@${dev['openapi-fetch']}`, `typescript@${dev.typescript}`, `msw@${dev.msw}`], scratch);
  assert.equal(install.status, 0, install.output);
  assert.doesNotMatch(install.output, /EBADENGINE|deprecated/, 'the install warns');
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('npm pack ships the code, the spec and the generated types, and edits no tracked file', () => {
  const files = packed.files.map(f => f.path).sort();
  for (const wanted of ['package.json', 'README.md', 'bin/yeastar-conference-mock.mjs', 'lib/serve.mjs', 'openapi.yaml', 'types/openapi.d.ts']) {
    assert.ok(files.includes(wanted), `${wanted} is missing from ${files.join(', ')}`);
  }
  for (const file of files) {
    assert.match(file, /^(package\.json|README\.md|bin\/|lib\/|openapi\.(yaml|json)$|types\/)/, `${file} is not part of the package`);
  }
  assert.equal(readFileSync(join(installed, 'openapi.yaml'), 'utf8'),
    readFileSync(join(mockDir, '..', 'openapi', 'openapi.yaml'), 'utf8'));
  assert.match(readFileSync(join(installed, 'types', 'openapi.d.ts'), 'utf8'), /export interface paths \{\n\s+"\/openapi\/v1\.0\/get_token"/);
  const shipped = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(shipped.private, undefined);
  assert.ok(shipped.dependencies['@stainless-api/prism-cli'], 'Prism is a runtime dependency');
  // postpack took away what prepack put beside the code
  assert.deepEqual(readdirSync(mockDir).filter(name => ['openapi.yaml', 'openapi.json', 'types'].includes(name)), []);
  assert.equal(gitStatus(), statusBefore);
});

test('the package\'s README shows the typed call exactly as it is type-checked here', () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  assert.ok(readme.includes(`\`\`\`ts\n${example}\`\`\`\n`), 'mock/README.md does not quote mock/examples/typed-call.ts verbatim');
});

test('npx yeastar-conference-mock takes flags: --help, --version, --port; an unknown flag is refused', () => {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const help = run(npx, ['--no', '--', manifest.name, '--help'], scratch, 60_000);
  assert.equal(help.status, 0, help.output);
  assert.match(help.stdout, /^Usage: npx yeastar-conference-mock \[flags\]/);
  assert.match(help.stdout, /--port <value>/);
  const version = run(npx, ['--no', '--', manifest.name, '--version'], scratch, 60_000);
  assert.equal(version.stdout.trim(), manifest.version);
  const wrong = run(npx, ['--no', '--', manifest.name, '--prot', '4712'], scratch, 60_000);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /unknown flag '--prot'/);
});

test('npx yeastar-conference-mock serves the simulator behind the validating proxy, and stops cleanly',
  { timeout: 120_000 }, async t => {
    const started = Date.now();
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    // --port wins over PORT: the mock listens on a free port, not on 4010.
    const mock = await startMock({ PORT: '4010' }, { command: [npx, '--no', '--', manifest.name], args: ['--port', '0'], cwd: scratch, baseEnv: cleanEnv });
    t.diagnostic(`npx yeastar-conference-mock ready in ${Date.now() - started} ms`);
    const pids = noProc ? [] : descendants(mock.child.pid);
    try {
      const list = await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=5&sort_by=name&order_by=desc`);
      assert.equal(list.status, 200);
      assert.equal(list.body.errcode, 0);
      assert.equal(list.body.total_number, 57);
      assert.equal(list.body.data.length, 5);
      const login = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: 'a', password: 'b' } });
      assert.equal(login.body.errcode, 0);
      assert.match(login.body.access_token, /\S{16,}/);
      // A request that breaks the spec gets the PBX's answer, and Prism's verdict is counted.
      const bad = await call(mock.url, `${API}/conference/list?access_token=t&page=0&page_size=5`);
      assert.equal(bad.body.errcode, 40002);
      const { violations } = await state(mock.url);
      assert.equal(violations.response, 0);
      assert.ok(violations.request >= 1, JSON.stringify(violations));
      assert.match(bad.headers.get('sl-violations'), /page must be >= 1/, 'Prism checked the request');
      if (!noProc) {
        // Prism validates in the mock's own process, from the installed package's Prism modules.
        const prism = pids.map(pid => readFileSync(`/proc/${pid}/cmdline`, 'utf8')).filter(line => line.includes('prism-cli'));
        assert.deepEqual(prism, [], 'no Prism process of its own');
      }
      assert.equal((await state(mock.url)).spec.path, join(installed, 'openapi.yaml'), 'the packaged spec is the one followed');
      // Hints name the command that works here: npx, not the repository's npm scripts.
      const prismOnly = await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=1`, { headers: { Prefer: 'dynamic=true' } });
      assert.match(prismOnly.body.detail, /`npx yeastar-conference-mock --examples`$/);

      // The README's example, compiled against the shipped types and run against this mock.
      writeFileSync(join(scratch, 'typed-call.ts'), example);
      writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig(['typed-call.ts'], { noEmit: false, outDir: 'out' })));
      const compiled = run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch);
      assert.equal(compiled.status, 0, compiled.output);
      // as Node resolves packages too (the package's exports), not only as bundlers do
      writeFileSync(join(scratch, 'tsconfig.node.json'), JSON.stringify(tsconfig(['typed-call.ts'], { module: 'nodenext', moduleResolution: 'nodenext' })));
      const checkedForNode = run(process.execPath, [tsc, '-p', 'tsconfig.node.json'], scratch);
      assert.equal(checkedForNode.status, 0, checkedForNode.output);
      const script = join(scratch, 'out', 'typed-call.js');
      const emitted = readFileSync(script, 'utf8');
      assert.ok(emitted.includes("'http://127.0.0.1:4010'"), emitted);
      writeFileSync(script, emitted.replace("'http://127.0.0.1:4010'", JSON.stringify(mock.url)));
      const ran = run(process.execPath, [script], scratch, 30_000);
      assert.equal(ran.status, 0, ran.output);
      const lines = ran.stdout.trim().split('\n');
      assert.equal(lines.at(-1), '57 conferences');
      assert.equal(lines.length, 21);
      assert.equal(lines[0], `${list.body.data[0].number} ${list.body.data[0].name}`, 'sorted by name, descending');
    } finally {
      await mock.stop();
    }
    for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise(resolve => setTimeout(resolve, 100));
    assert.deepEqual(pids.filter(alive), [], 'processes left running');
  });

test('a wrong field name in the typed call does not compile', () => {
  const mistakes = {
    'query-parameter.ts': ['page_size: 20', 'pagesize: 20'],
    'request-body.ts': ["password: 'mock-client-secret'", "secret: 'mock-client-secret'"],
    'answer-field.ts': ['conference.name', 'conference.title'],
    'path.ts': ["'/openapi/v1.0/conference/list'", "'/openapi/v1.0/conferences/list'"],
  };
  for (const [file, [right, wrong]] of Object.entries(mistakes)) {
    assert.ok(example.includes(right), `the example has ${right}`);
    writeFileSync(join(scratch, file), example.replace(right, wrong));
  }
  writeFileSync(join(scratch, 'tsconfig.mistakes.json'), JSON.stringify(tsconfig(Object.keys(mistakes))));
  const checked = run(process.execPath, [tsc, '-p', 'tsconfig.mistakes.json'], scratch);
  assert.notEqual(checked.status, 0, checked.output);
  for (const file of Object.keys(mistakes)) {
    assert.match(checked.stdout, new RegExp(`^${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS`, 'm'), `no error in ${file}:\n${checked.output}`);
  }
});

test('the installed package\'s MSW handlers answer through msw/node, checked against its openapi.json', () => {
  writeFileSync(join(scratch, 'msw-check.mjs'), [
    "import { http, HttpResponse, delay } from 'msw';",
    "import { setupServer } from 'msw/node';",
    "import { createHandlers } from 'yeastar-conference-mock/msw';",
    "import { createValidator } from 'yeastar-conference-mock/msw/validate';",
    "import spec from 'yeastar-conference-mock/openapi.json' with { type: 'json' };",
    "const { handlers } = createHandlers({ http, HttpResponse, delay }, { spec, baseUrl: 'http://pbx.test', validate: createValidator(spec) });",
    'const server = setupServer(...handlers);',
    "server.listen({ onUnhandledRequest: 'error' });",
    "const answer = await fetch('http://pbx.test/openapi/v1.0/conference/list?access_token=t&page=2&page_size=3&sort_by=number');",
    "console.log(answer.headers.get('mock-spec-mismatch') ?? 'valid', JSON.stringify(await answer.json()));",
    'server.close();',
  ].join('\n'));
  const ran = run(process.execPath, ['msw-check.mjs'], scratch, 60_000);
  assert.equal(ran.status, 0, ran.output);
  const line = ran.stdout.trim();
  const verdict = line.slice(0, line.indexOf(' '));
  const body = line.slice(line.indexOf(' ') + 1);
  assert.equal(verdict, 'valid');
  const list = JSON.parse(body);
  assert.equal(list.total_number, 57);
  assert.deepEqual(list.data.map(c => c.number), ['6503', '6504', '6505']);
});
