// The front door of `npm start`: the one port clients call. It reads the mock's own controls
// (Prefer: example/delay/fault and their __ query forms), makes the faults a network or gateway
// would, and passes everything else through Prism's validating proxy to the simulator, counting
// and reporting every spec violation that Prism finds. /__mock/* goes straight to the simulator:
// those routes are not in the spec, so Prism would reject them.
//
// Hand-written on node:http rather than a proxy library: the faults (a connection reset, a body
// cut mid-way, no answer at all) need the raw sockets that such libraries hide.
import { createServer, request as httpRequest, Agent } from 'node:http';
import { preferences } from './prefer.mjs';
import { redact } from './prism.mjs';

export const FAULTS = Object.freeze(['http503', 'http429', 'reset', 'truncated', 'hang']);
const CONTROLS = ['example', 'delay', 'fault'];
// Preferences that Prism's own mock reads, but that mean nothing to the simulator's answers.
const PRISM_ONLY = ['dynamic', 'code', 'seed'];
const MAX_DELAY_MS = 600_000;

function problem(res, status, title, detail, headers = {}) {
  const body = JSON.stringify({ title, status, detail });
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function corsHeaders(req) {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': '*',
  };
}

/** For a preference only Prism's mock knows, where to find it. */
function prismOnly(name) {
  return PRISM_ONLY.includes(name)
    ? `; ${name} is read by Prism's own mock, without the simulator: \`npm run start:examples --prefix mock\``
    : '';
}

/**
 * The mock's controls for one request: header preferences win over __ query parameters.
 * Returns { controls, query } or { error } naming what was wrong.
 */
export function readControls(url, preferHeader) {
  const fromHeader = preferences(preferHeader);
  const controls = {};
  const query = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('__')) {
      const name = key.slice(2);
      if (!CONTROLS.includes(name)) {
        return { error: `unknown mock parameter ${key}: the mock reads __example, __delay and __fault${prismOnly(name)}` };
      }
      controls[name] = value;
    } else {
      query.append(key, value);
    }
  }
  for (const [name, value] of Object.entries(fromHeader)) {
    if (!CONTROLS.includes(name)) {
      const given = value === '' ? name : `${name}=${value}`;
      return { error: `unknown preference ${given} in the Prefer header: the mock reads example, delay and fault${prismOnly(name)}` };
    }
    controls[name] = value;
  }
  if (controls.delay !== undefined && !(/^[0-9]+$/.test(controls.delay) && Number(controls.delay) <= MAX_DELAY_MS)) {
    return { error: `delay=${controls.delay} is not a number of milliseconds from 0 to ${MAX_DELAY_MS}` };
  }
  if (controls.fault !== undefined && !FAULTS.includes(controls.fault)) {
    return { error: `fault=${controls.fault} is not one of ${FAULTS.join(', ')}` };
  }
  return { controls, query };
}

/**
 * The front server (not yet listening). `simulator` and `prism` are base URLs; `counters` is the
 * simulator's; `examples` the spec's named examples by operation; `latency` the default delay in
 * milliseconds; `log` gets one line per notable event.
 */
export function createFront({ simulator, prism, counters, examples, latency = 0, log = () => {} }) {
  const agent = new Agent({ keepAlive: true });

  function forward(target, req, path, headers) {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(new URL(path, target), { method: req.method, headers, agent }, response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      upstream.on('error', reject);
      req.pipe(upstream);
    });
  }

  function copyHeaders(headers) {
    const copy = { ...headers };
    for (const name of ['content-length', 'transfer-encoding', 'connection', 'keep-alive']) delete copy[name];
    return copy;
  }

  /** Counts and reports what Prism found; a violating answer becomes a 500 naming the fields. */
  function checkViolations(req, path, answer) {
    const header = answer.headers['sl-violations'];
    if (!header) return answer;
    let list;
    try {
      list = JSON.parse(header);
    } catch {
      list = [{ location: ['response'], message: `unreadable sl-violations header: ${header}` }];
    }
    const where = v => (v.location?.[0] === 'response' ? 'response' : 'request');
    const call = `${req.method} ${redact(path)}`;
    for (const kind of ['request', 'response']) {
      const found = list.filter(v => where(v) === kind);
      if (found.length === 0) continue;
      counters.violation(kind, call, found);
      const lead = kind === 'response'
        ? 'SPEC VIOLATION: the simulator answered outside the spec'
        : 'spec violation: the request does not follow the spec';
      for (const v of found) log(`${lead}: ${call}: ${v.message}`);
    }
    if (list.some(v => where(v) === 'response')) {
      const body = Buffer.from(JSON.stringify({
        title: 'The mock answered outside the spec',
        status: 500,
        detail: 'The simulator\'s answer failed Prism\'s validation; this is a bug in the mock.',
        validation: list,
      }));
      return { status: 500, headers: { ...answer.headers, 'content-type': 'application/problem+json' }, body };
    }
    return answer;
  }

  async function handleMock(req, res, url) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...corsHeaders(req), 'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*' });
      res.end();
      return;
    }
    const headers = { ...req.headers };
    delete headers.host;
    const answer = await forward(simulator, req, url.pathname + url.search, headers);
    res.writeHead(answer.status, { ...copyHeaders(answer.headers), ...corsHeaders(req), 'Content-Length': answer.body.length });
    res.end(answer.body);
  }

  async function handleApi(req, res, url) {
    const read = readControls(url, req.headers.prefer);
    // A preflight carries the URL but is the browser's, not the app's: it is never refused, so
    // that the app's own request gets the 400 that explains what was wrong.
    if (read.error && req.method !== 'OPTIONS') {
      problem(res, 400, 'Bad mock control', read.error, corsHeaders(req));
      return;
    }
    const controls = read.controls ?? {};
    const query = read.query ?? new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('__')));
    const path = url.pathname + (query.size > 0 ? `?${query}` : '');
    // Nor is a preflight delayed or faulted.
    if (req.method !== 'OPTIONS') {
      const operation = `${req.method} ${url.pathname}`;
      if (controls.example !== undefined && !Object.hasOwn(examples.get(operation) ?? {}, controls.example)) {
        const known = Object.keys(examples.get(operation) ?? {});
        problem(res, 400, 'Bad mock control',
          `example=${controls.example} is not a named example of ${operation}; it has: ${known.join(', ') || 'none'}`,
          corsHeaders(req));
        return;
      }
      const applied = CONTROLS.filter(name => controls[name] !== undefined).map(name => `${name}=${controls[name]}`);
      if (applied.length > 0) res.setHeader('Preference-Applied', applied.join(', '));
      const delay = controls.delay !== undefined ? Number(controls.delay) : latency;
      if (delay > 0) {
        await new Promise(resolve => {
          const timer = setTimeout(resolve, delay);
          req.socket.once('close', () => clearTimeout(timer));
        });
        if (req.socket.destroyed) return;
      }
      if (controls.fault) counters.fault(controls.fault);
      switch (controls.fault) {
        case 'http503':
        case 'http429': {
          const status = controls.fault === 'http503' ? 503 : 429;
          problem(res, status, status === 503 ? 'Service Unavailable' : 'Too Many Requests',
            `a simulated ${status} (fault=${controls.fault}); try again after the Retry-After seconds`,
            { ...corsHeaders(req), 'Retry-After': '1' });
          return;
        }
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'hang':
          // No answer: the connection stays open until the client gives up or the mock stops.
          return;
        default:
      }
    }
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.prefer;
    if (controls.example !== undefined) headers.prefer = `example=${controls.example}`;
    const answer = checkViolations(req, path, await forward(prism, req, path, headers));
    const outgoing = { ...copyHeaders(answer.headers), 'Content-Length': answer.body.length };
    if (controls.fault === 'truncated' && answer.body.length > 1) {
      // The full length is announced, half the body is sent, then the connection is dropped.
      res.writeHead(answer.status, outgoing);
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.destroy());
      return;
    }
    res.writeHead(answer.status, outgoing);
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://mock');
    const handler = url.pathname.startsWith('/__mock/') ? handleMock : handleApi;
    handler(req, res, url).catch(error => {
      log(`mock: ${req.method} ${redact(url.pathname)} failed: ${redact(error.message)}`);
      if (!res.headersSent) problem(res, 502, 'Bad Gateway', `the mock could not answer: ${redact(error.message)}`);
      else res.destroy();
    });
  });
  server.on('close', () => agent.destroy());
  return server;
}
