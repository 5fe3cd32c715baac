// The simulator inside a test, no server: the MSW handlers (lib/msw.mjs) through msw/node page,
// sort, issue tokens, apply faults and delays, answer an added operation from its examples, and
// every answer is checked against the spec with Ajv (lib/msw-validate.mjs).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { createHandlers } from '../lib/msw.mjs';
import { createValidator } from '../lib/msw-validate.mjs';
import { mockDir } from './support.mjs';
import { withConferenceGet } from './edited-spec.mjs';

const BASE = 'https://pbx.example.test';
const spec = parse(withConferenceGet(readFileSync(join(mockDir, '..', 'openapi', 'openapi.yaml'), 'utf8')));
const warnings = [];
const validator = createValidator(spec);
const validate = (...args) => {
  const problems = validator(...args);
  warnings.push(...problems);
  return problems;
};
const { handlers, pbx } = createHandlers({ http, HttpResponse, delay }, { spec, baseUrl: BASE, settings: { MOCK_AUTH: 'strict' }, validate });
const server = setupServer(...handlers);

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => pbx.reset());

const UA = { 'User-Agent': 'msw-test' };
const login = () => fetch(`${BASE}/openapi/v1.0/get_token`, { method: 'POST', headers: { ...UA, 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'mock-client-id', password: 'mock-client-secret' }) }).then(r => r.json());
const list = (token, query, init = {}) => fetch(`${BASE}/openapi/v1.0/conference/list?access_token=${token}&${query}`, { headers: UA, ...init });

test('strict mode through msw: login, paging and sorting, all answers valid against the spec', async () => {
  const tokens = await login();
  assert.equal(tokens.errcode, 0);
  assert.match(tokens.access_token, /^[A-Za-z0-9]{32}$/);
  assert.deepEqual(await (await list('wrong', 'page=1&page_size=5')).json(), { errcode: 10004, errmsg: 'TOKEN EXPIRED' });
  const first = await (await list(tokens.access_token, 'page=1&page_size=5')).json();
  assert.equal(first.total_number, 57);
  assert.deepEqual(first.data.map(c => c.number), ['6500', '6501', '6502', '6503', '6504']);
  const byName = await (await list(tokens.access_token, 'page=1&page_size=100&sort_by=name&order_by=desc')).json();
  const names = byName.data.map(c => c.name);
  assert.deepEqual(names, [...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })));
  const bad = await (await list(tokens.access_token, 'page=0&page_size=5')).json();
  assert.deepEqual(bad.invalid_param_list, [{ field: 'page', validation_type: 'invalid' }]);
  assert.equal(pbx.state().live_access_tokens, 1);
  assert.deepEqual(warnings, []);
});

test('faults, delays, examples and unknown parameters through msw', async () => {
  const outage = await list('t', 'page=1&page_size=1', { headers: { ...UA, Prefer: 'fault=http503' } });
  assert.equal(outage.status, 503);
  assert.equal(outage.headers.get('retry-after'), '1');
  await assert.rejects(list('t', 'page=1&page_size=1&__fault=reset'), TypeError);
  const cut = await list('t', 'page=1&page_size=1&__fault=truncated&__example=seed');
  await assert.rejects(cut.text(), /half-way|terminated|cut/);
  const start = performance.now();
  const slow = await list('t', 'page=1&page_size=1&sortby=name', { headers: { ...UA, Prefer: 'delay=200, example=empty' } });
  assert.ok(performance.now() - start >= 190);
  assert.deepEqual((await slow.json()).data, []);
  assert.equal(slow.headers.get('preference-applied'), 'example=empty, delay=200');
  assert.equal(slow.headers.get('mock-unknown-query'), 'sortby');
  const refused = await list('t', 'page=1&page_size=1', { headers: { ...UA, Prefer: 'fault=meteor' } });
  assert.equal(refused.status, 400);
  assert.match((await refused.json()).detail, /fault=meteor is not one of/);
  assert.equal(pbx.state().faults.http503, 1);
});

test('an operation only the spec has answers its examples; a path it lacks answers 10001', async () => {
  const found = await (await fetch(`${BASE}/openapi/v1.0/conference/get?access_token=t&id=7`, { headers: UA })).json();
  assert.deepEqual(found, { errcode: 0, errmsg: 'SUCCESS', data: { id: 7, name: 'Design Review', number: '6506' } });
  const missing = await (await fetch(`${BASE}/openapi/v1.0/conference/get?id=7`, { headers: { ...UA, Prefer: 'example=missing' } })).json();
  assert.equal(missing.errcode, -1);
  const none = await (await fetch(`${BASE}/openapi/v1.0/nope`, { headers: UA })).json();
  assert.equal(none.errcode, 10001);
});

test('an answer that breaks the spec is named in a header (the validator, fed a bad data set)', async () => {
  const broken = createHandlers({ http, HttpResponse, delay }, { spec, baseUrl: 'https://broken.example.test',
    data: [{ id: 1, name: 'A', number: 'not-digits' }], validate: validator });
  server.use(...broken.handlers);
  const original = console.warn;
  const warned = [];
  console.warn = text => warned.push(text);
  try {
    const answer = await fetch('https://broken.example.test/openapi/v1.0/conference/list?access_token=t&page=1&page_size=1', { headers: UA });
    assert.match(answer.headers.get('mock-spec-mismatch'), /\/data\/0\/number must match pattern/);
    assert.match(warned[0], /does not match the spec/);
  } finally {
    console.warn = original;
    server.resetHandlers();
  }
});
