// The PBX simulator's server: the PBX (pbx.mjs) on fastify, plus the spec's named examples for
// `Prefer: example=` and for every operation that the PBX does not simulate, and
// /__mock/state, /__mock/reset and /__mock/conferences. It listens on a private loopback port;
// clients reach it through the front, and its API answers through Prism's validating proxy.
import { parse as parseQuery } from 'node:querystring';
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

  // The query string read by Node's own parser, named here so that the in-process path reads it
  // exactly as fastify does for this app (fastify's default parser is a fast copy of it).
  const app = Fastify({ logger: false, routerOptions: { querystringParser: parseQuery }, ...(serverFactory ? { serverFactory } : {}) });
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

  /** A JSON answer as fastify's reply.type('application/json').send(text) would write it. */
  const json = (status, body, headers = {}) => ({
    status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify(body ?? null),
  });

  /**
   * The operation's named example: the one `Prefer: example=` names (the front has checked the
   * name), or, for an operation that the PBX does not simulate, its first.
   */
  function exampleAnswer(operation, name) {
    const chosen = name ?? Object.keys(operation.examples)[0];
    if (chosen === undefined) {
      return json(501, { errcode: -1, errmsg: 'FAILURE',
        submsg: `the mock has no simulation of ${operation.key} and the spec gives it no example: add a named example to its answer` });
    }
    if (!Object.hasOwn(operation.examples, chosen)) {
      return json(400, { error: `no example "${chosen}" for ${operation.key}` });
    }
    const body = operation.examples[chosen];
    counters.call(pbx.endpoint(operation.key) ?? operation.path.replace(`${API}/`, ''), body?.errcode ?? 'none');
    return json(operation.status ?? 200, body, { 'mock-source': `example ${chosen}` });
  }

  /**
   * Every API request: an example when asked for, the PBX's answer, or the spec's example.
   * Free of fastify, so that the in-process Prism can call it for a request without a body
   * (prism-forward.mjs); `query` as parseQuery() reads it, `body` as the JSON parser above
   * leaves it. Returns { status, headers, payload (a string) }.
   */
  function answerApi({ method: asked, url, headers, query, body }) {
    const pathname = url.split('?')[0];
    const method = asked === 'HEAD' ? 'GET' : asked;
    const key = `${method} ${pathname}`;
    const operation = store.find(method, pathname);
    const example = preferences(headers.prefer).example;
    if (operation && example !== undefined) return exampleAnswer(operation, example);
    if (pbx.endpoint(key)) return json(200, pbx.answer(key, { query, body }));
    if (operation) return exampleAnswer(operation);
    counters.call('other', 10001);
    return json(200, { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' });
  }

  const sendAnswer = (fastifyReply, answer) => fastifyReply.code(answer.status).headers(answer.headers).send(answer.payload);

  function api(request, fastifyReply) {
    return sendAnswer(fastifyReply, answerApi({ method: request.method, url: request.url, headers: request.headers, query: request.query,
      body: request.body }));
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
  app.setErrorHandler((error, request, fastifyReply) => {
    if (error.statusCode >= 400 && error.statusCode < 500 && request.url.startsWith(`${API}/`)) {
      const endpoint = request.url.slice(API.length + 1).split('?')[0];
      counters.call(endpoint, 40001);
      return sendAnswer(fastifyReply, json(200, { errcode: 40001, errmsg: 'PARAMETER SYNTAX ERROR' }));
    }
    if (error.statusCode >= 400 && error.statusCode < 500) {
      return fastifyReply.code(error.statusCode).type('application/problem+json')
        .send({ title: 'Bad request', status: error.statusCode, detail: error.message });
    }
    throw error;
  });

  return { app, answerApi, parseQuery, counters, tokens: pbx.tokens, pbx, get conferences() { return pbx.conferences; } };
}
