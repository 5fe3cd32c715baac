// The simulated PBX itself, free of any server framework and of Node's own modules, so that the
// same code answers behind Prism (simulator.mjs, on fastify) and inside a browser or a test
// through MSW (msw.mjs): conferences, paging, sorting, tokens and their limits, counters.
import { makeConferences, sortConferences } from './conferences.mjs';
import { TokenBook } from './tokens.mjs';
import { Counters } from './counters.mjs';

export const API = '/openapi/v1.0';
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
  if (invalid.length > 0) return { invalid };
  return { page: Number(query.page), pageSize: Number(query.page_size), sortBy: query.sort_by ?? 'number', orderBy: query.order_by ?? 'asc' };
}

/**
 * A PBX. `settings` as readSettings() returns them (defaults.mjs has them for the browser);
 * `runtime.auth` ('open' or 'strict') is read on every call, so it can change while it runs;
 * `data` replaces the generated conferences; `now` is the clock for token lifetimes.
 * `answer(operation, { query, body })` answers one of the four simulated operations
 * ("GET /openapi/v1.0/conference/list": query as a plain object, body parsed) with the PBX's
 * JSON body, or returns undefined for any other operation.
 */
export function createPbx(settings, { runtime = { auth: settings.auth }, data, now = Date.now } = {}) {
  const isStrict = () => runtime.auth === 'strict';
  // The data set at the start, which reset() restores.
  const initial = data ?? makeConferences(settings.conferences, settings.seed);
  let conferences = initial;
  const tokens = new TokenBook({ ttlSeconds: settings.tokenTtl, now, maxLive: settings.maxTokens, maxFailedLogins: settings.maxFailedLogins });
  const counters = new Counters();
  const sorted = new Map(); // "name desc" -> the conferences in that order, made once

  const tokenAnswer = pair => ok({
    access_token: pair.access,
    access_token_expire_time: settings.tokenTtl,
    refresh_token: pair.refresh,
    refresh_token_expire_time: Math.round((pair.refreshUntil - pair.issuedAt) / 1000),
  });

  function liveAccessToken(token) {
    if (typeof token !== 'string' || token === '') return false;
    return !isStrict() || tokens.findAccess(token) !== undefined;
  }

  const operations = {
    get_token({ body = {} }) {
      const missing = ['username', 'password']
        .filter(field => typeof body?.[field] !== 'string' || body[field] === '')
        .map(field => ({ field, validation_type: 'required' }));
      if (missing.length > 0) return parameterError(missing);
      if (isStrict()) {
        if (tokens.blocked) return IP_BLOCKED;
        if (body.username !== settings.clientId || body.password !== settings.clientSecret) {
          tokens.loginFailed();
          return { errcode: -1, errmsg: 'FAILURE', invalid_param_list: [{ field: 'username or password', value: 'error' }] };
        }
        if (tokens.liveAccess().length >= settings.maxTokens) return TOO_MANY_TOKENS;
      }
      return tokenAnswer(tokens.issue('get_token'));
    },
    refresh_token({ body }) {
      const token = body?.refresh_token;
      if (typeof token !== 'string' || token === '') return parameterError([{ field: 'refresh_token', validation_type: 'required' }]);
      const pair = tokens.findRefresh(token);
      if (!pair && isStrict()) return TOKEN_EXPIRED;
      // The new pair replaces the old one: its access token ends now, and its refresh token too.
      if (pair) tokens.revoke(pair);
      return tokenAnswer(tokens.issue('refresh_token'));
    },
    del_token({ query }) {
      if (!liveAccessToken(query.access_token)) return TOKEN_EXPIRED;
      const pair = tokens.findAccess(query.access_token);
      if (pair) tokens.revoke(pair);
      return ok();
    },
    'conference/list'({ query }) {
      // The token is checked before the parameters, as an API gateway would.
      if (!liveAccessToken(query.access_token)) return TOKEN_EXPIRED;
      const params = listParameters(query);
      if (params.invalid) return parameterError(params.invalid);
      const key = `${params.sortBy} ${params.orderBy}`;
      if (!sorted.has(key)) sorted.set(key, sortConferences(conferences, params.sortBy, params.orderBy));
      const start = (params.page - 1) * params.pageSize;
      return ok({ total_number: conferences.length, data: sorted.get(key).slice(start, start + params.pageSize) });
    },
  };
  const routes = new Map([
    [`POST ${API}/get_token`, 'get_token'], [`POST ${API}/refresh_token`, 'refresh_token'],
    [`GET ${API}/del_token`, 'del_token'], [`GET ${API}/conference/list`, 'conference/list'],
  ]);

  return {
    tokens,
    counters,
    get conferences() {
      return conferences;
    },
    /** The endpoint name ("conference/list") that simulates `operation`, or undefined. */
    endpoint: operation => routes.get(operation),
    answer(operation, request) {
      const endpoint = routes.get(operation);
      if (!endpoint) return undefined;
      const body = operations[endpoint]({ query: request.query ?? {}, body: request.body });
      counters.call(endpoint, body.errcode);
      return body;
    },
    /** Ends every token, zeroes every count and restores the data set of the start. */
    reset() {
      tokens.reset();
      counters.reset();
      conferences = initial;
      sorted.clear();
    },
    /** Replaces the data set (already checked against the spec). */
    setConferences(list) {
      conferences = list;
      sorted.clear();
    },
    /** What /__mock/state shows. */
    state: () => ({ auth: runtime.auth, conferences: conferences.length, token_ttl: settings.tokenTtl, ...tokens.snapshot(),
      calls: counters.calls, faults: counters.faults, violations: counters.violations }),
  };
}
