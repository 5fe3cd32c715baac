// The mock's own routes, served by the front and never through Prism (the spec does not have
// them): the dashboard at /, the journal (/__mock/requests), the run-time settings
// (/__mock/settings), and the simulator's state, reset and data set (/__mock/state,
// /__mock/reset, /__mock/conferences).
import { readFileSync } from 'node:fs';
import { corsHeaders, preflightHeaders, problem, FAULTS } from './controls.mjs';
import { readBody } from './upstream.mjs';

const DASHBOARD = new URL('./dashboard.html', import.meta.url);

function json(req, res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...corsHeaders(req), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Applies { auth, latency, fault_rate, fault } to `runtime`; returns an error message or undefined. */
export function changeSettings(runtime, change) {
  if (!change || typeof change !== 'object' || Array.isArray(change)) return 'the body must be a JSON object';
  const known = ['auth', 'latency', 'fault_rate', 'fault'];
  const unknown = Object.keys(change).filter(key => !known.includes(key));
  if (unknown.length > 0) return `unknown setting ${unknown.join(', ')}: the mock changes ${known.join(', ')} at run time`;
  if ('auth' in change && !['open', 'strict'].includes(change.auth)) return `auth=${JSON.stringify(change.auth)} is neither "open" nor "strict"`;
  if ('latency' in change && !(Number.isInteger(change.latency) && change.latency >= 0 && change.latency <= 600_000)) {
    return `latency=${JSON.stringify(change.latency)} is not a whole number of milliseconds from 0 to 600000`;
  }
  if ('fault_rate' in change && !(typeof change.fault_rate === 'number' && change.fault_rate >= 0 && change.fault_rate <= 1)) {
    return `fault_rate=${JSON.stringify(change.fault_rate)} is not a number from 0 to 1`;
  }
  if ('fault' in change && !FAULTS.includes(change.fault)) return `fault=${JSON.stringify(change.fault)} is not one of ${FAULTS.join(', ')}`;
  if ('auth' in change) runtime.auth = change.auth;
  if ('latency' in change) runtime.latency = change.latency;
  if ('fault_rate' in change) runtime.faultRate = change.fault_rate;
  if ('fault' in change) runtime.faultKind = change.fault;
  return undefined;
}

const runtimeView = runtime => ({ auth: runtime.auth, latency: runtime.latency, fault_rate: runtime.faultRate,
  fault: runtime.faultKind ?? 'http503' });

/** Serves one request to /, /favicon.ico or /__mock/*. */
export async function handleMockRoute({ req, res, url, forwarder, simulator, journal, runtime, store, counters }) {
  const route = `${req.method === 'HEAD' ? 'GET' : req.method} ${url.pathname}`;
  if (req.method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, preflightHeaders(req));
    res.end();
    return;
  }
  const body = await readBody(req);
  const spec = { path: store.source, version: store.version, edited: store.edited, loaded_at: store.loadedAt.toISOString(),
    operations: store.operations.map(op => op.key), ...(store.failure ? { failure: store.failure } : {}) };
  switch (route) {
    case 'GET /': {
      const page = readFileSync(DASHBOARD);
      res.writeHead(200, { ...corsHeaders(req), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length,
        'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    case 'GET /favicon.ico':
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    case 'GET /__mock/requests':
      try {
        json(req, res, 200, { requests: journal.select(url.searchParams) });
      } catch (error) {
        problem(req, res, 400, 'Bad journal filter', error.message);
      }
      return;
    case 'GET /__mock/settings':
      json(req, res, 200, runtimeView(runtime));
      return;
    case 'PUT /__mock/settings':
    case 'PATCH /__mock/settings':
    case 'POST /__mock/settings': {
      let change;
      try {
        change = JSON.parse(body.toString('utf8'));
      } catch {
        problem(req, res, 400, 'Bad settings', 'the body is not JSON: send {"auth": "strict", "latency": 200, "fault_rate": 0.1}');
        return;
      }
      const error = changeSettings(runtime, change);
      if (error) problem(req, res, 400, 'Bad settings', error);
      else json(req, res, 200, runtimeView(runtime));
      return;
    }
    case 'POST /__mock/reset':
      journal.clear();
      if (!simulator) {
        counters.reset();
        json(req, res, 200, { reset: true });
        return;
      }
      break;
    case 'GET /__mock/state':
      if (!simulator) {
        json(req, res, 200, { mode: 'examples', ...runtimeView(runtime), faults: counters.faults, violations: counters.violations, spec });
        return;
      }
      {
        const answer = await forwarder.forward(() => simulator, 'GET', '/__mock/state', { accept: 'application/json' });
        json(req, res, answer.status, { mode: 'simulator', ...JSON.parse(answer.body.toString('utf8')), ...runtimeView(runtime), spec });
      }
      return;
    default:
      if (!simulator) {
        problem(req, res, 404, 'Not found', `${req.method} ${url.pathname} is not one of the mock's routes in example mode`);
        return;
      }
  }
  const headers = { ...req.headers };
  const answer = await forwarder.forward(() => simulator, req.method, url.pathname + url.search, headers, body);
  res.writeHead(answer.status, { ...corsHeaders(req), 'Content-Type': answer.headers['content-type'] ?? 'application/json',
    'Content-Length': answer.body.length });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}
