// conference/list on the simulator, through Prism's proxy: paging, sorting, the PBX's 40002 for
// bad parameters, the spec's named examples, and no response violation from any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, listPage, startMock, state } from './support.mjs';
import { VENDOR_CONFERENCES } from '../lib/conferences.mjs';
import { loadExamples } from '../lib/spec.mjs';

let mock;
before(async () => {
  mock = await startMock({ MOCK_AUTH: 'open' });
});
after(async () => {
  await mock?.stop();
});

const numbers = body => body.data.map(c => c.number);

test('the first page holds the vendor\'s three conferences first, and the total', async () => {
  const body = await listPage(mock.url, 'page=1&page_size=5');
  assert.equal(body.errcode, 0);
  assert.equal(body.total_number, 57);
  assert.deepEqual(body.data.slice(0, 3), VENDOR_CONFERENCES);
  assert.deepEqual(numbers(body), ['6500', '6501', '6502', '6503', '6504']);
});

test('pages follow each other: every conference once, in number order, then empty pages', async () => {
  const seen = [];
  for (let page = 1; page <= 6; page++) {
    const body = await listPage(mock.url, `page=${page}&page_size=10`);
    assert.equal(body.total_number, 57);
    assert.equal(body.data.length, page < 6 ? 10 : 7);
    seen.push(...numbers(body));
  }
  assert.deepEqual(seen, Array.from({ length: 57 }, (_, i) => String(6500 + i)));
  const past = await listPage(mock.url, 'page=7&page_size=10');
  assert.deepEqual(past.data, []);
  assert.equal(past.total_number, 57);
  const ids = new Set(seen);
  assert.equal(ids.size, 57);
});

test('page 2 of 2 differs from page 1', async () => {
  const one = await listPage(mock.url, 'page=1&page_size=2');
  const two = await listPage(mock.url, 'page=2&page_size=2');
  assert.deepEqual(numbers(one), ['6500', '6501']);
  assert.deepEqual(numbers(two), ['6502', '6503']);
});

test('sort_by=name orders by name; order_by=desc is the exact reverse', async () => {
  const asc = await listPage(mock.url, 'page=1&page_size=100&sort_by=name&order_by=asc');
  const desc = await listPage(mock.url, 'page=1&page_size=100&sort_by=name&order_by=desc');
  const names = asc.data.map(c => c.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
  assert.deepEqual(desc.data, [...asc.data].reverse());
  assert.notDeepEqual(numbers(asc), [...numbers(asc)].sort(), 'name order is not number order');
  const byNumberDesc = await listPage(mock.url, 'page=1&page_size=3&order_by=desc');
  assert.deepEqual(numbers(byNumberDesc), ['6556', '6555', '6554']);
  const defaults = await listPage(mock.url, 'page=1&page_size=3&sort_by=number');
  assert.deepEqual(numbers(defaults), ['6500', '6501', '6502']);
});

test('moderators of both types appear in the data set', async () => {
  const body = await listPage(mock.url, 'page=1&page_size=57');
  const types = new Set(body.data.flatMap(c => c.moderator_list.map(m => m.type)));
  assert.deepEqual([...types].sort(), ['ext_group', 'extension']);
});

for (const [query, invalid] of [
  ['page_size=5', [{ field: 'page', validation_type: 'required' }]],
  ['page=1', [{ field: 'page_size', validation_type: 'required' }]],
  ['page=0&page_size=5', [{ field: 'page', validation_type: 'invalid' }]],
  ['page=one&page_size=5', [{ field: 'page', validation_type: 'invalid' }]],
  ['page=1&page_size=-1', [{ field: 'page_size', validation_type: 'invalid' }]],
  ['page=1&page_size=5&sort_by=date', [{ field: 'sort_by', validation_type: 'invalid' }]],
  ['page=1&page_size=5&order_by=up', [{ field: 'order_by', validation_type: 'invalid' }]],
  ['sort_by=x&order_by=y', [
    { field: 'page', validation_type: 'required' }, { field: 'page_size', validation_type: 'required' },
    { field: 'sort_by', validation_type: 'invalid' }, { field: 'order_by', validation_type: 'invalid' }]],
]) {
  test(`${query}: HTTP 200, 40002 naming the field; Prism notes the bad request`, async () => {
    const before = await state(mock.url);
    const { status, body } = await call(mock.url, `${API}/conference/list?access_token=t&${query}`);
    assert.equal(status, 200);
    assert.deepEqual(body, { errcode: 40002, errmsg: 'PARAMETER ERROR', invalid_param_list: invalid });
    const after = await state(mock.url);
    assert.ok(after.violations.request > before.violations.request, 'Prism reported the request');
    assert.equal(after.violations.response, 0);
    assert.equal(after.calls['conference/list'].errcodes['40002'], (before.calls['conference/list']?.errcodes['40002'] ?? 0) + 1);
  });
}

test('open mode: any token works, none gets 10004', async () => {
  assert.equal((await listPage(mock.url, 'page=1&page_size=1', 'whatever')).errcode, 0);
  const { body } = await call(mock.url, `${API}/conference/list?page=1&page_size=1`);
  assert.deepEqual(body, { errcode: 10004, errmsg: 'TOKEN EXPIRED' });
});

test('every named example of every operation, by header and by query parameter', async () => {
  const examples = loadExamples();
  let served = 0;
  for (const [operation, named] of examples) {
    const [method, path] = operation.split(' ');
    for (const [name, value] of Object.entries(named)) {
      const json = method === 'POST' ? (path.endsWith('get_token') ? { username: 'a', password: 'b' } : { refresh_token: 'r' }) : undefined;
      const query = path.endsWith('conference/list') ? '?access_token=t&page=1&page_size=5' : path.endsWith('del_token') ? '?access_token=t' : '';
      const byHeader = await call(mock.url, path + query, { method, json, headers: { Prefer: `example=${name}` } });
      assert.deepEqual(byHeader.body, value, `${operation} Prefer: example=${name}`);
      assert.equal(byHeader.headers.get('preference-applied'), `example=${name}`);
      const separator = query ? '&' : '?';
      const byQuery = await call(mock.url, `${path}${query}${separator}__example=${name}`, { method, json });
      assert.deepEqual(byQuery.body, value, `${operation} __example=${name}`);
      served += 2;
    }
  }
  assert.ok(served >= 2 * 14, `served ${served}`);
  assert.equal((await state(mock.url)).violations.response, 0);
});

test('an unknown example, mock parameter, delay or fault is a 400 that names it', async () => {
  const list = `${API}/conference/list?access_token=t&page=1&page_size=1`;
  for (const [extra, headers, expected] of [
    ['', { Prefer: 'example=nope' }, /example=nope is not a named example of GET \/openapi\/v1.0\/conference\/list; it has: seed, empty/],
    ['&__colour=red', {}, /unknown mock parameter __colour/],
    ['&__delay=soon', {}, /delay=soon is not a number of milliseconds/],
    ['', { Prefer: 'fault=meteor' }, /fault=meteor is not one of http503, http429, reset, truncated, hang/],
    ['', { Prefer: 'foo=bar' }, /^unknown preference foo=bar in the Prefer header: the mock reads example, delay and fault$/],
    ['', { Prefer: 'delay=0, respond-async' }, /^unknown preference respond-async in the Prefer header/],
    ['', { Prefer: 'dynamic=true' }, /^unknown preference dynamic=true .*; dynamic is read by Prism's own mock, without the simulator: `npm run start:examples --prefix mock`$/],
    ['', { Prefer: 'code=500' }, /^unknown preference code=500 .*; code is read by Prism's own mock/],
    ['', { Prefer: 'dynamic=true, seed=42' }, /^unknown preference dynamic=true /],
    ['&__seed=42', {}, /^unknown mock parameter __seed: .*; seed is read by Prism's own mock/],
  ]) {
    const { status, body } = await call(mock.url, list + extra, { headers });
    assert.equal(status, 400, `${extra} ${JSON.stringify(headers)}`);
    assert.match(body.detail, expected);
  }
});

test('a CORS preflight is answered whatever unknown preference the request carries', async () => {
  for (const [extra, headers] of [['&__dynamic=true', {}], ['', { Prefer: 'foo=bar' }]]) {
    const res = await fetch(`${mock.url}${API}/conference/list?access_token=t&page=1&page_size=1${extra}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:1', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'prefer', ...headers },
    });
    assert.equal(res.status, 204, `${extra} ${JSON.stringify(headers)}`);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:1');
  }
});

test('a path the PBX does not have answers 10001; /__mock paths are not sent through Prism', async () => {
  const { status, body } = await call(mock.url, `${API}/conference/nope?access_token=t`);
  assert.equal(status, 200);
  assert.deepEqual(body, { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' });
  const snapshot = await state(mock.url);
  assert.equal(snapshot.violations.response, 0);
  assert.ok(!snapshot.violations.recent.some(v => v.request.includes('__mock')));
});

test('Prism\'s log, as the mock prints it, never shows a token', async () => {
  await listPage(mock.url, 'page=1&page_size=1', 'SECRETtoken123');
  await new Promise(resolve => setTimeout(resolve, 200));
  assert.match(mock.log(), /access_token=\*\*\*/);
  assert.doesNotMatch(mock.log(), /SECRETtoken123/);
});
