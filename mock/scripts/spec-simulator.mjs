// Frontend teams, measured on the mock: starts the base's and the head's `npm start` (the PBX
// simulator behind Prism's proxy) side by side, and the head's `npm run start:examples` (Prism
// alone on the spec's examples), sends each the same requests, a standard probe per operation and
// one per named example of the base (Prefer: example=NAME), and the head's new operations, and
// compares what they answer: HTTP status, errcode, the shape of the body, and whether the proxy
// flagged the exchange (its sl-violations header).
// The base's mock runs from its own mock/ and openapi/ with the head's installed packages. A mock
// that does not start is said in the report, never a crash: the mock evolves on its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const START_TIMEOUT_MS = 45_000;

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** Starts the mock whose mock/ folder is `mockDir`; resolves { url, stop } or rejects naming why. */
async function startMock(mockDir, label, args = []) {
  const entry = join(mockDir, 'lib', 'serve.mjs');
  if (!existsSync(entry)) throw new Error(`the ${label} has no mock/lib/serve.mjs`);
  const port = await freePort();
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: mockDir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), MOCK_AUTH: 'open' },
  });
  let stderr = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', d => { stderr = (stderr + d).slice(-2000); });
  const stop = () => new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${label}'s mock ended on start: ${stderr.trim().split('\n').pop() ?? ''}`);
    // Ready once its port answers with anything but 503 (the answer while its modules load).
    const status = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(r => r.status, () => 0);
    if (status !== 0 && status !== 503) return { url, stop };
    await new Promise(r => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the ${label}'s mock did not start within ${START_TIMEOUT_MS / 1000} s`);
}

/** A value for a parameter or property: its example, else its default, else one of its type. */
function sample(schema = {}, extra) {
  if (extra !== undefined) return extra;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  if (schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).filter(([k]) => (schema.required ?? []).includes(k))
      .map(([k, v]) => [k, sample(v)]));
  }
  return { integer: 1, number: 1, boolean: true, array: [], string: 'probe' }[schema.type] ?? 'probe';
}

/** The requests to replay: a standard probe per operation of `doc`, one per named example. */
export function requestsOf(doc, only = null) {
  const requests = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op || (only && !only(path, method))) continue;
      const query = new URLSearchParams({ access_token: 'spec-review-probe' });
      const headers = { 'User-Agent': 'OpenAPI' };
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        // Required parameters, and optional ones with a value the spec names: a renamed
        // parameter then shows in what the mock makes of the base's request.
        const named = p.example ?? p['x-sdk-default'] ?? p.schema?.example ?? p.schema?.default;
        if (!p.required && named === undefined) continue;
        const value = String(sample(p.schema, p.example ?? p['x-sdk-default']));
        if (p.in === 'query') query.set(p.name, value);
        if (p.in === 'header') headers[p.name] = value;
      }
      const media = op.requestBody?.content?.['application/json'];
      const body = media ? JSON.stringify(media.example ?? sample(media.schema)) : undefined;
      if (body) headers['Content-Type'] = 'application/json';
      const name = `${method.toUpperCase()} ${path}`;
      const target = `${path}?${query}`;
      requests.push({ name, path, op: method, method: method.toUpperCase(), target, headers, body });
      const examples = Object.values(op.responses ?? {}).flatMap(r => Object.keys(r.content?.['application/json']?.examples ?? {}));
      for (const example of new Set(examples)) {
        requests.push({ name: `${name} Prefer: example=${example}`, path, op: method, method: method.toUpperCase(), target, headers: { ...headers, Prefer: `example=${example}` }, body });
      }
    }
  }
  return requests;
}

/** An answer in a few words: status, errcode, and the shape of the body (keys and value types). */
export function summary(status, text, violations = null, unknown = null) {
  const flagged = violations ? `, flagged by the proxy (${violations.length > 60 ? `${violations.slice(0, 59)}…` : violations})` : '';
  const ignored = unknown ? `, unknown query ${unknown}` : '';
  return `${outline(status, text)}${flagged}${ignored}`;
}

function outline(status, text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return `HTTP ${status}, ${text ? 'not JSON' : 'no body'}`;
  }
  const shape = (v, depth = 0) => {
    if (Array.isArray(v)) return v.length ? `[${shape(v[0], depth + 1)}]` : '[]';
    if (v && typeof v === 'object') return depth > 2 ? '{…}' : `{${Object.keys(v).sort().map(k => `${k}:${shape(v[k], depth + 1)}`).join(',')}}`;
    return v === null ? 'null' : typeof v;
  };
  // Prism's own answers are problem documents (RFC 9457): their title says what it refused.
  if (body && typeof body.title === 'string' && 'status' in body && !('errcode' in body)) return `HTTP ${status}, Prism: ${body.title}`;
  const outline = shape(body);
  return `HTTP ${status}${body && 'errcode' in body ? ` errcode ${body.errcode}` : ''} ${outline.length > 80 ? `${outline.slice(0, 79)}…` : outline}`;
}

/** The gist of Prism's sl-violations header: the messages of the violations it lists. */
function violationsOf(header) {
  if (!header) return null;
  try {
    return JSON.parse(header).map(v => v.message).join('; ') || 'a violation';
  } catch {
    return 'a violation';
  }
}

async function send(url, r) {
  try {
    const res = await fetch(url + r.target, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(10_000) });
    // Mock-Unknown-Query: the query parameters the mock does not know, where it says so.
    return summary(res.status, await res.text(), violationsOf(res.headers.get('sl-violations')), res.headers.get('mock-unknown-query'));
  } catch (error) {
    return `no answer (${error.cause?.code ?? error.name})`;
  }
}

/**
 * Returns { status: 'measured', rows: [{ request, before, now, examples }] } or { status: 'unavailable', reason }:
 * `before` and `now` what the base's and the head's `npm start` answer, `examples` the head's start:examples.
 * `base`: the base's dereferenced spec; `head`: the head's, for its new operations.
 */
export async function measureSimulator({ root, baseRef, base, head, work }) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const unpack = spawnSync('sh', ['-c', 'git -C "$1" archive "$2" mock openapi | tar -x -C "$3"', 'sh', root, baseRef, work], { encoding: 'utf8' });
  if (unpack.status !== 0) return { status: 'unavailable', reason: `the base's mock could not be unpacked: ${unpack.stderr.trim()}` };
  symlinkSync(join(root, 'mock', 'node_modules'), join(work, 'mock', 'node_modules'), 'dir');
  const started = await Promise.allSettled([startMock(join(work, 'mock'), 'base'), startMock(join(root, 'mock'), 'head'),
    startMock(join(root, 'mock'), 'head (start:examples)', ['--examples'])]);
  try {
    const failed = started.find(s => s.status === 'rejected');
    if (failed) return { status: 'unavailable', reason: failed.reason.message };
    const [before, now, examples] = started.map(s => s.value);
    const known = (path, method) => Boolean(base.paths?.[path]?.[method]);
    const requests = [...requestsOf(base), ...(head ? requestsOf(head, (p, m) => !known(p, m)) : [])];
    const rows = [];
    for (const r of requests) {
      const isNew = !known(r.path, r.op);
      rows.push({ request: r.name, before: isNew ? 'not in the base' : await send(before.url, r), now: await send(now.url, r),
        examples: await send(examples.url, r) });
    }
    return { status: 'measured', rows };
  } finally {
    await Promise.all(started.filter(s => s.status === 'fulfilled').map(s => s.value.stop()));
  }
}
