// The PBX simulator: answers the spec's operations as a PBX would, with state (conferences,
// tokens, counters), plus /__mock/state and /__mock/reset. It listens on a private loopback port;
// clients reach it through the front, and its API answers through Prism's validating proxy.
import Fastify from 'fastify';
import { makeConferences, sortConferences } from './conferences.mjs';
import { TokenBook } from './tokens.mjs';
import { preferences } from './prefer.mjs';
import { Counters } from './counters.mjs';
import { checkConferences, DataError } from './data.mjs';

const API = '/openapi/v1.0';
const INT32_MAX = 2 ** 31 - 1;

const ok = extra => ({ errcode: 0, errmsg: 'SUCCESS', ...extra });
const TOKEN_EXPIRED = { errcode: 10004, errmsg: 'TOKEN EXPIRED' };
const IP_BLOCKED = { errcode: 70004, errmsg: 'ACCOUNT IP BLOCKED' };
const TOO_MANY_TOKENS = { errcode: 60002, errmsg: 'MAX LIMITATION EXCEEDED' };
const parameterError = invalid => ({ errcode: 40002, errmsg: 'PARAMETER ERROR', invalid_param_list: invalid });

function positiveInt32(value) {
  return typeof value === 'string' && /^[0-9]{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= INT32_MAX;
}

/**
 * Checks the list parameters as the PBX does: every problem listed, by field, in one 40002.
 * Returns the parsed parameters, or the invalid_param_list.
 */
function listParameters(query) {
  const invalid = [];
  const check = (field, required, valid) => {
    const value = query[field];
    if (value === undefined) {
      if (required) invalid.push({ field, validation_type: 'required' });
    } else if (!valid(value)) {
      invalid.push({ field, validation_type: 'invalid' });
    }
  };
  check('page', true, positiveInt32);
  check('page_size', true, positiveInt32);
  check('sort_by', false, v => v === 'number' || v === 'name');
  check('order_by', false, v => v === 'asc' || v === 'desc');
  if (invalid.length > 0) {
    return { invalid };
  }
  return {
    page: Number(query.page),
    pageSize: Number(query.page_size),
    sortBy: query.sort_by ?? 'number',
    orderBy: query.order_by ?? 'asc',
  };
}

/**
 * Builds the simulator (not yet listening). `settings` as readSettings() returns them; `store`
 * the live spec (spec-store.mjs), whose named examples answer `Prefer: example=` and every
 * operation that has no route here; `runtime` ({ auth }) what /__mock/settings changes while
 * it runs; `now` the clock for token lifetimes; `serverFactory` (fastify's option) lends it a server.
 */
export function createSimulator(settings, { store, runtime = { auth: settings.auth }, data, now = Date.now, serverFactory } = {}) {
  const isStrict = () => runtime.auth === 'strict';
  // The data set at the start (MOCK_DATA's, or generated), which /__mock/reset restores.
  const initial = data ?? makeConferences(settings.conferences, settings.seed);
  let conferences = initial;
  const tokens = new TokenBook({ ttlSeconds: settings.tokenTtl, now, maxLive: settings.maxTokens,
    maxFailedLogins: settings.maxFailedLogins });
  const counters = new Counters();
  const sorted = new Map(); // "name desc" -> the conferences in that order, made once

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

  function answer(reply, endpoint, body) {
    counters.call(endpoint, body.errcode);
    return reply.code(200).type('application/json').send(body);
  }

  /** The spec's named example when the request asks for one (the front has checked the name). */
  function example(request, reply, key) {
    const name = preferences(request.headers.prefer).example;
    if (name === undefined) return undefined;
    const [method, path] = key.split(' ');
    const named = store.find(method, path)?.examples ?? {};
    if (!Object.hasOwn(named, name)) {
      throw Object.assign(new Error(`no example "${name}" for ${key}`), { statusCode: 400 });
    }
    reply.header('mock-source', `example ${name}`);
    return named[name];
  }

  function tokenAnswer(pair) {
    return ok({
      access_token: pair.access,
      access_token_expire_time: settings.tokenTtl,
      refresh_token: pair.refresh,
      refresh_token_expire_time: Math.round((pair.refreshUntil - pair.issuedAt) / 1000),
    });
  }

  function liveAccessToken(token) {
    if (typeof token !== 'string' || token === '') return false;
    return !isStrict() || tokens.findAccess(token) !== undefined;
  }

  app.post(`${API}/get_token`, async (request, reply) => {
    const canned = example(request, reply, `POST ${API}/get_token`);
    if (canned) return answer(reply, 'get_token', canned);
    const body = request.body ?? {};
    const missing = ['username', 'password']
      .filter(field => typeof body[field] !== 'string' || body[field] === '')
      .map(field => ({ field, validation_type: 'required' }));
    if (missing.length > 0) return answer(reply, 'get_token', parameterError(missing));
    if (isStrict()) {
      if (tokens.blocked) return answer(reply, 'get_token', IP_BLOCKED);
      if (body.username !== settings.clientId || body.password !== settings.clientSecret) {
        tokens.loginFailed();
        return answer(reply, 'get_token', {
          errcode: -1, errmsg: 'FAILURE', invalid_param_list: [{ field: 'username or password', value: 'error' }],
        });
      }
      if (tokens.liveAccess().length >= settings.maxTokens) return answer(reply, 'get_token', TOO_MANY_TOKENS);
    }
    return answer(reply, 'get_token', tokenAnswer(tokens.issue('get_token')));
  });

  app.post(`${API}/refresh_token`, async (request, reply) => {
    const canned = example(request, reply, `POST ${API}/refresh_token`);
    if (canned) return answer(reply, 'refresh_token', canned);
    const token = request.body?.refresh_token;
    if (typeof token !== 'string' || token === '') {
      return answer(reply, 'refresh_token', parameterError([{ field: 'refresh_token', validation_type: 'required' }]));
    }
    const pair = tokens.findRefresh(token);
    if (!pair && isStrict()) return answer(reply, 'refresh_token', TOKEN_EXPIRED);
    // The new pair replaces the old one: its access token ends now, and its refresh token too.
    if (pair) tokens.revoke(pair);
    return answer(reply, 'refresh_token', tokenAnswer(tokens.issue('refresh_token')));
  });

  app.get(`${API}/del_token`, async (request, reply) => {
    const canned = example(request, reply, `GET ${API}/del_token`);
    if (canned) return answer(reply, 'del_token', canned);
    const token = request.query.access_token;
    if (!liveAccessToken(token)) return answer(reply, 'del_token', TOKEN_EXPIRED);
    const pair = tokens.findAccess(token);
    if (pair) tokens.revoke(pair);
    return answer(reply, 'del_token', ok());
  });

  app.get(`${API}/conference/list`, async (request, reply) => {
    const canned = example(request, reply, `GET ${API}/conference/list`);
    if (canned) return answer(reply, 'conference/list', canned);
    // The token is checked before the parameters, as an API gateway would.
    if (!liveAccessToken(request.query.access_token)) return answer(reply, 'conference/list', TOKEN_EXPIRED);
    const params = listParameters(request.query);
    if (params.invalid) return answer(reply, 'conference/list', parameterError(params.invalid));
    const key = `${params.sortBy} ${params.orderBy}`;
    if (!sorted.has(key)) sorted.set(key, sortConferences(conferences, params.sortBy, params.orderBy));
    const start = (params.page - 1) * params.pageSize;
    const data = sorted.get(key).slice(start, start + params.pageSize);
    return answer(reply, 'conference/list', ok({ total_number: conferences.length, data }));
  });

  app.get('/__mock/state', async () => ({
    auth: runtime.auth,
    conferences: conferences.length,
    token_ttl: settings.tokenTtl,
    ...tokens.snapshot(),
    calls: counters.calls,
    faults: counters.faults,
    violations: counters.violations,
  }));

  app.post('/__mock/reset', async () => {
    tokens.reset();
    counters.reset();
    conferences = initial;
    sorted.clear();
    return { reset: true, conferences: conferences.length };
  });

  app.get('/__mock/conferences', async () => ({ conferences }));

  // Replaces the data set while the mock runs; checked against the spec in service.
  app.put('/__mock/conferences', async (request, reply) => {
    try {
      conferences = checkConferences(request.body, store.spec, 'the body');
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      return reply.code(400).type('application/problem+json').send({ title: 'Bad data set', status: 400, detail: error.message });
    }
    sorted.clear();
    return { conferences: conferences.length };
  });

  // An operation of the spec without a route here answers its named examples; a path under the
  // API that the spec does not have is one the PBX does not have either.
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0];
    const operation = store.find(request.method === 'HEAD' ? 'GET' : request.method, pathname);
    if (operation) return exampleAnswer(request, reply, operation);
    return pathname.startsWith(`${API}/`)
      ? answer(reply, 'other', { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' })
      : reply.code(404).send({ error: `no route ${request.method} ${pathname}` });
  });

  /** The operation's named example: the one `Prefer: example=` names, or its first. */
  function exampleAnswer(request, reply, operation) {
    const names = Object.keys(operation.examples);
    const name = preferences(request.headers.prefer).example ?? names[0];
    const endpoint = operation.path.startsWith(`${API}/`) ? operation.path.slice(API.length + 1) : operation.path;
    if (name === undefined) {
      return reply.code(501).type('application/json').send({ errcode: -1, errmsg: 'FAILURE',
        submsg: `the mock has no simulation of ${operation.key} and the spec gives it no example: add a named example to its answer` });
    }
    reply.header('mock-source', `example ${name}`);
    const body = operation.examples[name];
    counters.call(endpoint, body?.errcode ?? 'none');
    return reply.code(operation.status).type('application/json').send(JSON.stringify(body ?? null));
  }

  // A body that is not JSON, or not an object: the PBX's syntax error rather than a framework 4xx.
  app.setErrorHandler((error, request, reply) => {
    if (error.statusCode === 400 && error.message.startsWith('no example')) {
      return reply.code(400).send({ error: error.message });
    }
    if (error.statusCode >= 400 && error.statusCode < 500 && request.url.startsWith(`${API}/`)) {
      const endpoint = request.url.slice(API.length + 1).split('?')[0];
      return answer(reply, endpoint, { errcode: 40001, errmsg: 'PARAMETER SYNTAX ERROR' });
    }
    if (error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).type('application/problem+json')
        .send({ title: 'Bad request', status: error.statusCode, detail: error.message });
    }
    throw error;
  });

  return { app, counters, tokens, get conferences() { return conferences; } };
}
