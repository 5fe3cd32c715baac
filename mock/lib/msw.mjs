// The simulator as Mock Service Worker handlers: the same PBX (pbx.mjs: data, paging, sorting,
// tokens and their limits) and the same controls (Prefer / __ parameters: example, delay, fault)
// as the mock server, answering inside a browser or a test with no server running. The app's own
// msw is handed in ({ http, HttpResponse, delay }), so that this package pins no msw version.
// No Node modules: it runs in a browser as it is.
import { API, createPbx } from './pbx.mjs';
import { readSettings } from './settings.mjs';
import { findOperation, indexSpec } from './spec-index.mjs';
import { applied, readControls } from './controls.mjs';

const problemBody = (status, title, detail) => ({ title, status, detail });

/** A body that announces its full length, sends half and then fails, like a dropped connection. */
function truncated(text, HttpResponse, init) {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
      controller.error(new TypeError('the mock cut the answer half-way (fault=truncated)'));
    },
  });
  return new HttpResponse(stream, { ...init, headers: { ...init.headers, 'Content-Length': String(bytes.length) } });
}

/**
 * Handlers for msw's `setupServer(...handlers)` or `setupWorker(...handlers)`.
 * - `msw`: { http, HttpResponse, delay } from 'msw';
 * - `spec`: the parsed OpenAPI document (yeastar-conference-mock/openapi.json), for the named
 *   examples, unknown parameters and operations that the PBX does not simulate;
 * - `baseUrl`: where the app calls the PBX ('' matches any origin);
 * - `settings`: like the mock's environment ({ MOCK_AUTH: 'strict', MOCK_CONFERENCES: '20' });
 * - `data`: conferences to serve instead of generated ones;
 * - `validate`: (operationKey, status, body) => list of problems, such as the one that
 *   createValidator() (msw-validate.mjs) makes with Ajv; each answer that breaks the spec gets
 *   a Mock-Spec-Mismatch header and a console warning.
 * Returns { handlers, pbx } (pbx.reset() between tests, pbx.state() to look inside).
 */
export function createHandlers(msw, { spec, baseUrl = '', settings = {}, data, validate } = {}) {
  const { http, HttpResponse, delay } = msw;
  const options = readSettings(settings);
  const runtime = { auth: options.auth };
  const pbx = createPbx(options, { runtime, data });
  const operations = spec ? indexSpec(spec) : [];
  const json = (status, body, headers = {}) => HttpResponse.json(body, { status, headers });

  async function answer({ request }) {
    const url = new URL(request.url);
    const read = readControls(url, request.headers.get('prefer') ?? undefined);
    if (read.error) return json(400, problemBody(400, 'Bad mock control', read.error), { 'Content-Type': 'application/problem+json' });
    const { controls, query } = read;
    const operation = findOperation(operations, request.method, url.pathname);
    const key = `${request.method} ${url.pathname}`;
    if (controls.example !== undefined && !Object.hasOwn(operation?.examples ?? {}, controls.example)) {
      return json(400, problemBody(400, 'Bad mock control', `example=${controls.example} is not a named example of ${operation?.key ?? key}; `
        + `it has: ${Object.keys(operation?.examples ?? {}).join(', ') || 'none'}`));
    }
    const headers = {};
    const preferences = applied(controls);
    if (preferences.length > 0) headers['Preference-Applied'] = preferences.join(', ');
    const unknown = operation ? [...new Set([...query.keys()].filter(name => !operation.query.has(name)))] : [];
    if (unknown.length > 0) headers['Mock-Unknown-Query'] = unknown.join(', ');
    const wait = controls.delay !== undefined ? Number(controls.delay) : options.latency;
    if (wait > 0) await delay(wait);
    if (controls.fault) pbx.counters.fault(controls.fault);
    switch (controls.fault) {
      case 'http503':
      case 'http429': {
        const status = controls.fault === 'http503' ? 503 : 429;
        return json(status, problemBody(status, status === 503 ? 'Service Unavailable' : 'Too Many Requests',
          `a simulated ${status} (fault=${controls.fault}); try again after the Retry-After seconds`), { ...headers, 'Retry-After': '1' });
      }
      case 'reset':
        return HttpResponse.error();
      case 'hang':
        await delay('infinite');
        return HttpResponse.error();
      default:
    }
    const text = await request.text();
    let body;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      return json(400, { error: { code: 'invalid_json', message: 'Invalid JSON' } }, headers);
    }
    let status = 200;
    let result;
    if (operation && controls.example !== undefined) {
      result = operation.examples[controls.example];
    } else if (pbx.endpoint(key)) {
      result = pbx.answer(key, { query: Object.fromEntries(query), body });
    } else if (operation && Object.keys(operation.examples).length > 0) {
      result = Object.values(operation.examples)[0];
      status = operation.status ?? 200;
    } else {
      result = { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' };
    }
    const problems = validate && operation ? validate(operation.key, status, result) : [];
    if (problems?.length > 0) {
      headers['Mock-Spec-Mismatch'] = problems.join('; ').replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
      console.warn(`yeastar-conference-mock: the answer to ${operation.key} does not match the spec: ${problems.join('; ')}`);
    }
    return controls.fault === 'truncated'
      ? truncated(JSON.stringify(result), HttpResponse, { status, headers: { ...headers, 'Content-Type': 'application/json' } })
      : json(status, result, headers);
  }

  const handlers = [http.all(`${baseUrl}${API}/*`, answer)];
  return { handlers, pbx, runtime };
}
