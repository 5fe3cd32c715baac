// The PBX simulator's server: the PBX (pbx.mjs) on fastify, plus the spec's named examples for
// `Prefer: example=` and for every operation that the PBX does not simulate, and
// /__mock/state, /__mock/reset and /__mock/conferences. It listens on a private loopback port;
// clients reach it through the front, and its API answers through Prism's validating proxy.
import Fastify from 'fastify';
import { API, createPbx } from './pbx.mjs';
import { preferences } from './prefer.mjs';
import { checkConferences, DataError } from './data.mjs';

/**
 * Builds the simulator (not yet listening). `settings` as readSettings() returns them; `store`
 * the live spec (spec-store.mjs), whose named examples answer `Prefer: example=` and every
 * operation that has no simulation here; `runtime` ({ auth }) what /__mock/settings changes
 * while it runs; `data` replaces the generated conferences; `now` the clock for token
 * lifetimes; `serverFactory` (fastify's option) lends it a server.
 */
export function createSimulator(settings, { store, runtime = { auth: settings.auth }, data, now = Date.now, serverFactory } = {}) {
  const pbx = createPbx(settings, { runtime, data, now });
  const { counters } = pbx;

  const app = Fastify({ logger: false, ...(serverFactory ? { serverFactory } : {}) });
  // An empty JSON body is no body (fastify would refuse it); malformed JSON stays an error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    if (text.trim() === '') return done(null, undefined);
    try {
      return done(null, JSON.parse(text));
    } catch (error) {
      error.statusCode = 400;
      return done(error, undefined);
    }
  });

  const send = (reply, status, body) => reply.code(status).type('application/json').send(JSON.stringify(body ?? null));

  /**
   * The operation's named example: the one `Prefer: example=` names (the front has checked the
   * name), or, for an operation that the PBX does not simulate, its first.
   */
  function exampleAnswer(request, reply, operation, name) {
    const chosen = name ?? Object.keys(operation.examples)[0];
    if (chosen === undefined) {
      return send(reply, 501, { errcode: -1, errmsg: 'FAILURE',
        submsg: `the mock has no simulation of ${operation.key} and the spec gives it no example: add a named example to its answer` });
    }
    if (!Object.hasOwn(operation.examples, chosen)) {
      return reply.code(400).send({ error: `no example "${chosen}" for ${operation.key}` });
    }
    reply.header('mock-source', `example ${chosen}`);
    const body = operation.examples[chosen];
    counters.call(pbx.endpoint(operation.key) ?? operation.path.replace(`${API}/`, ''), body?.errcode ?? 'none');
    return send(reply, operation.status ?? 200, body);
  }

  /** Every API request: an example when asked for, the PBX's answer, or the spec's example. */
  function api(request, reply) {
    const pathname = request.url.split('?')[0];
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const key = `${method} ${pathname}`;
    const operation = store.find(method, pathname);
    const asked = preferences(request.headers.prefer).example;
    if (operation && asked !== undefined) return exampleAnswer(request, reply, operation, asked);
    if (pbx.endpoint(key)) return send(reply, 200, pbx.answer(key, { query: request.query, body: request.body }));
    if (operation) return exampleAnswer(request, reply, operation);
    counters.call('other', 10001);
    return send(reply, 200, { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' });
  }

  app.get('/__mock/state', async () => pbx.state());

  app.post('/__mock/reset', async () => {
    pbx.reset();
    return { reset: true, conferences: pbx.conferences.length };
  });

  app.get('/__mock/conferences', async () => ({ conferences: pbx.conferences }));

  // Replaces the data set while the mock runs; checked against the spec in service.
  app.put('/__mock/conferences', async (request, reply) => {
    try {
      pbx.setConferences(checkConferences(request.body, store.spec, 'the body'));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      return reply.code(400).type('application/problem+json').send({ title: 'Bad data set', status: 400, detail: error.message });
    }
    return { conferences: pbx.conferences.length };
  });

  app.all(`${API}/*`, api);
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));

  // A body that is not JSON, or not an object: the PBX's syntax error rather than a framework 4xx.
  app.setErrorHandler((error, request, reply) => {
    if (error.statusCode >= 400 && error.statusCode < 500 && request.url.startsWith(`${API}/`)) {
      const endpoint = request.url.slice(API.length + 1).split('?')[0];
      counters.call(endpoint, 40001);
      return send(reply, 200, { errcode: 40001, errmsg: 'PARAMETER SYNTAX ERROR' });
    }
    if (error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).type('application/problem+json')
        .send({ title: 'Bad request', status: error.statusCode, detail: error.message });
    }
    throw error;
  });

  return { app, counters, tokens: pbx.tokens, pbx, get conferences() { return pbx.conferences; } };
}
