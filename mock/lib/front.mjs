// The front door: the one port clients call. It reads the mock's controls (controls.mjs), makes
// the faults a network or gateway would, passes API calls through Prism's validating proxy (in
// this process, prism-inprocess.mjs; in example mode, to Prism's mock over HTTP), reports what
// Prism found, writes one log line and one journal entry per request, and serves the mock's own
// pages (/, /__mock/*; mock-routes.mjs).
//
// Hand-written on node:http rather than a proxy library: the faults (a connection reset, a body
// cut mid-way, no answer at all) need the raw sockets that such libraries hide.
import { createServer } from 'node:http';
import { FAULTS, applied, corsHeaders, preflightHeaders, problem, readControls } from './controls.mjs';
import { BodyTooLarge, MAX_JSON_DEPTH, createForwarder, jsonDepth, readBody } from './upstream.mjs';
import { logLine, preview } from './journal.mjs';
import { redact } from './prism.mjs';
import { checkViolations } from './violations.mjs';
import { lockoutHint } from './hints.mjs';
import { handleMockRoute } from './mock-routes.mjs';
import { COMMANDS } from './cli.mjs';

const DROPPED = ['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'];

function answerHeaders(req, headers) {
  const copy = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!DROPPED.includes(name) && !name.startsWith('access-control-')) copy[name] = value;
  }
  return { ...copy, ...corsHeaders(req) };
}

const asciiName = name => (/^[\x21-\x7e]*$/.test(name) && !name.includes(',') ? name : encodeURIComponent(name));

/**
 * The headers that Prism's server read when the front forwarded over HTTP: the client's, with the
 * body's length, without the hop-by-hop ones.
 */
function forPrismHeaders(headers, body) {
  const sent = { ...headers, 'content-length': String(body.length) };
  delete sent['transfer-encoding'];
  delete sent.host;
  delete sent.connection;
  return sent;
}

/**
 * The PBX errcode of a JSON answer, or undefined. `previewed` is the journal's preview of the
 * body: when that is already the parsed JSON, the body is not parsed a second time.
 */
function errcodeOf(answer, previewed) {
  if (!/json/.test(answer.headers['content-type'] ?? '')) return undefined;
  if (previewed && typeof previewed === 'object' && !Array.isArray(previewed)) {
    return Number.isInteger(previewed.errcode) ? previewed.errcode : undefined;
  }
  try {
    const code = JSON.parse(answer.body.toString('utf8')).errcode;
    return Number.isInteger(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The front server (not yet listening).
 * - `prismInProcess`: Prism's proxy in process (prism-inprocess.mjs), absent in example mode;
 * - example mode: `prism()`: Prism's current base URL; `prismReady()`: a promise that holds API
 *   calls while Prism reloads the spec;
 * - `simulator`: the simulator's base URL, for the mock's pages (absent in example mode);
 * - `store`: the live spec (spec-store.mjs); `counters`: where faults and violations count;
 * - `runtime`: { latency, faultRate, auth }, changed at run time by /__mock/settings;
 * - `journal`, `log` (one line per request), `debug` (a line that only MOCK_LOG=debug shows),
 *   `settings`, `commands` (hints: how to start the mock here).
 */
export function createFront(options) {
  const { prism, store, counters, runtime, journal, log = () => {}, simulator } = options;
  const examplesMode = !simulator;
  const forwarder = createForwarder();
  let lastReady;

  function record(entry, started) {
    const done = { time: new Date(started.wall).toISOString(), ms: Math.round(performance.now() - started.at), ...entry };
    journal.add(done);
    log(logLine(done));
  }

  async function handleApi(req, res, url, started) {
    if (req.method === 'OPTIONS') {
      req.resume(); // a body, if any, is read and dropped, so that it never reads as the next request
      // A preflight is the browser's, not the app's: never refused, delayed or faulted, so that
      // the app's own request gets the answer that explains what was wrong.
      res.writeHead(204, preflightHeaders(req));
      res.end();
      return;
    }
    const entry = { method: req.method, path: redact(url.pathname + url.search), scenario: [] };
    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      problem(req, res, 413, 'Request body too large', error.message, { Connection: 'close' });
      record({ ...entry, status: 413, note: error.message }, started);
      return;
    }
    entry.request = preview(body, req.headers['content-type']);
    const read = readControls(url, req.headers.prefer, { allowPrism: examplesMode, examplesCommand: COMMANDS.examples });
    if (read.error) {
      problem(req, res, 400, 'Bad mock control', read.error);
      record({ ...entry, status: 400, note: read.error }, started);
      return;
    }
    const { controls, query } = read;
    const path = url.pathname + (query.size > 0 ? `?${query}` : '');
    entry.path = redact(path);
    // HEAD is answered as GET without the body: Prism and the simulator only ever see the GET.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const operation = store.find(method, url.pathname);
    if (controls.example !== undefined && !Object.hasOwn(operation?.examples ?? {}, controls.example)) {
      const known = Object.keys(operation?.examples ?? {});
      const detail = redact(operation
        ? `example=${controls.example} is not a named example of ${operation.key}; it has: ${known.join(', ') || 'none'}`
        : `example=${controls.example}: the spec has no operation ${req.method} ${url.pathname}`);
      problem(req, res, 400, 'Bad mock control', detail);
      record({ ...entry, status: 400, note: detail }, started);
      return;
    }
    // A parameter the spec does not have is ignored, as the PBX ignores it, but named.
    entry.unknown = operation ? [...new Set([...query.keys()].filter(key => !operation.query.has(key)))] : [];
    // Percent-encoded where a name is not printable ASCII, which a header cannot carry.
    if (entry.unknown.length > 0) res.setHeader('Mock-Unknown-Query', entry.unknown.map(asciiName).join(', '));
    if (controls.fault === undefined && runtime.faultRate > 0 && Math.random() < runtime.faultRate) {
      controls.fault = runtime.faultKind ?? 'http503';
      entry.scenario.push(`fault rate ${runtime.faultRate}`);
    }
    const preferences = applied(controls);
    entry.scenario.unshift(...preferences);
    if (preferences.length > 0) res.setHeader('Preference-Applied', preferences.join(', '));
    const delay = controls.delay !== undefined ? Number(controls.delay) : runtime.latency;
    if (delay > 0) {
      if (controls.delay === undefined) entry.scenario.push(`latency=${delay}`);
      await new Promise(resolve => {
        const gaveUp = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          req.socket.off('close', gaveUp);
          resolve();
        }, delay);
        req.socket.once('close', gaveUp);
      });
      if (req.socket.destroyed) {
        record({ ...entry, note: 'the client gave up during the delay' }, started);
        return;
      }
    }
    if (controls.fault) counters.fault(controls.fault);
    switch (controls.fault) {
      case 'http503':
      case 'http429': {
        const status = controls.fault === 'http503' ? 503 : 429;
        problem(req, res, status, status === 503 ? 'Service Unavailable' : 'Too Many Requests',
          `a simulated ${status} (fault=${controls.fault}); try again after the Retry-After seconds`, { 'Retry-After': '1' });
        record({ ...entry, status }, started);
        return;
      }
      case 'reset':
        req.socket.resetAndDestroy();
        record({ ...entry, note: 'connection reset' }, started);
        return;
      case 'hang':
        // No answer: the connection stays open until the client gives up or the mock stops.
        record({ ...entry, note: 'no answer (hang)' }, started);
        return;
      default:
    }
    if (!operation) {
      // Not an operation of the spec: nothing for Prism to check, so it never sees the request.
      await answerUnknown(req, res, url, path, body, entry, started);
      return;
    }
    if (jsonDepth(body.toString('utf8')) > MAX_JSON_DEPTH) {
      const detail = `the request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`;
      problem(req, res, 400, 'Request body too deep', detail);
      record({ ...entry, status: 400, note: detail }, started);
      return;
    }
    const headers = { ...req.headers };
    delete headers.prefer;
    const forPrism = [controls.example !== undefined ? `example=${controls.example}` : '', ...read.prism].filter(Boolean);
    if (forPrism.length > 0) headers.prefer = forPrism.join(', ');
    const raw = options.prismInProcess
      ? await options.prismInProcess.answer({ method, path, headers: forPrismHeaders(headers, body), body })
      : await forwardToPrism(method, path, headers, body);
    const answer = checkViolations({ answer: raw, call: `${req.method} ${redact(path)}`, operation, store, counters, entry,
      examplesMode, log });
    const answered = preview(answer.body, answer.headers['content-type']);
    entry.errcode = errcodeOf(answer, answered);
    entry.status = answer.status;
    entry.answer = answered;
    const hint = lockoutHint(entry.errcode, options);
    if (hint) {
      res.setHeader('Mock-Hint', hint);
      entry.note = hint;
    }
    const outgoing = { ...answerHeaders(req, answer.headers), 'Content-Length': answer.body.length };
    record(entry, started);
    if (controls.fault === 'truncated' && answer.body.length > 1) {
      // The full length is announced, half the body is sent, then the connection is dropped.
      res.writeHead(answer.status, outgoing);
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.destroy());
      return;
    }
    res.writeHead(answer.status, outgoing);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  /** Example mode: Prism (`prism mock`) in its child process, over HTTP. */
  async function forwardToPrism(method, path, headers, body) {
    const ready = options.prismReady?.();
    if (ready !== lastReady) {
      // Prism reloads the spec by starting a new server on the same port; connections kept
      // alive to the old one would still be checked against the spec before the edit.
      lastReady = ready;
      await ready;
      forwarder.reconnect();
    }
    await ready;
    return forwarder.forward(prism, method, path, headers, body);
  }

  /**
   * A request for a path or method the spec does not have: under the API, the simulator's (or,
   * in example mode, the PBX's) 10001 INTERFACE NOT EXISTED; elsewhere a 404 naming the path.
   */
  async function answerUnknown(req, res, url, path, body, entry, started) {
    let answer;
    if (url.pathname.startsWith('/openapi/') && simulator) {
      const headers = { ...req.headers };
      delete headers.prefer;
      answer = await forwarder.forward(() => simulator, req.method === 'HEAD' ? 'GET' : req.method, path, headers, body);
    } else if (url.pathname.startsWith('/openapi/')) {
      answer = { status: 200, headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' })) };
    } else {
      const detail = `${req.method} ${redact(url.pathname)} is not an operation of the spec; the mock's own pages are / and /__mock/*`;
      problem(req, res, 404, 'Not found', detail);
      record({ ...entry, status: 404, note: 'not in the spec' }, started);
      return;
    }
    const answered = preview(answer.body, answer.headers['content-type']);
    entry.status = answer.status;
    entry.errcode = errcodeOf(answer, answered);
    entry.answer = answered;
    entry.note = 'not in the spec';
    record(entry, started);
    res.writeHead(answer.status, { ...answerHeaders(req, answer.headers), 'Content-Length': answer.body.length });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  const server = createServer((req, res) => {
    const started = { at: performance.now(), wall: Date.now() };
    let url;
    try {
      url = new URL(req.url, 'http://mock');
    } catch {
      problem(req, res, 400, 'Bad request target', 'the request target is not a path the mock can read');
      return;
    }
    const own = url.pathname === '/' || url.pathname === '/favicon.ico' || url.pathname.startsWith('/__mock/');
    const handled = own
      ? handleMockRoute({ req, res, url, forwarder, ...options })
      : handleApi(req, res, url, started);
    handled.catch(error => {
      if (error instanceof BodyTooLarge) {
        if (!res.headersSent) problem(req, res, 413, 'Request body too large', error.message, { Connection: 'close' });
        return;
      }
      const detail = `the mock could not answer: ${redact(error.message)}`;
      log(`${req.method} ${redact(url.pathname)} failed: ${redact(error.message)}`);
      if (!res.headersSent) problem(req, res, 502, 'Bad Gateway', detail);
      else res.destroy();
    });
  });
  server.on('clientError', (error, socket) => {
    // A request Node cannot even parse: a JSON 400 when the socket still takes one.
    if (socket.writable && !socket.destroyed) {
      const body = JSON.stringify({ title: 'Bad request', status: 400, detail: `the request could not be read: ${error.code ?? error.message}` });
      // A HEAD request's answer has no body, even this one (the parser keeps the raw request).
      const head = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nAccess-Control-Allow-Origin: *\r\n`
        + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`);
    } else {
      socket.destroy();
    }
  });
  server.on('close', () => forwarder.close());
  return server;
}

export { FAULTS };
