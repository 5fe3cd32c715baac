// MOCK_AUTH=strict: the token lifecycle with a TTL of two seconds, the 8-token limit, the block
// after 5 failed logins, and what /__mock/state and /__mock/reset show and do.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, reset, startMock, state } from './support.mjs';
import { TokenBook } from '../lib/tokens.mjs';

const ID = 'test-client';
const SECRET = 'test-secret';
const TTL = 2;
let mock;

before(async () => {
  mock = await startMock({ MOCK_AUTH: 'strict', MOCK_CLIENT_ID: ID, MOCK_CLIENT_SECRET: SECRET, MOCK_TOKEN_TTL: String(TTL) });
});
after(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  await reset(mock.url);
});

const login = (username = ID, password = SECRET) =>
  call(mock.url, `${API}/get_token`, { method: 'POST', json: { username, password } }).then(r => r.body);
const refresh = token => call(mock.url, `${API}/refresh_token`, { method: 'POST', json: { refresh_token: token } }).then(r => r.body);
const list = token => call(mock.url, `${API}/conference/list?access_token=${token}&page=1&page_size=2`).then(r => r.body);
const revoke = token => call(mock.url, `${API}/del_token?access_token=${token}`).then(r => r.body);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const EXPIRED = { errcode: 10004, errmsg: 'TOKEN EXPIRED' };

test('get_token with the application\'s credentials: a pair living TTL and 48 x TTL seconds', async () => {
  const tokens = await login();
  assert.equal(tokens.errcode, 0);
  assert.match(tokens.access_token, /^[A-Za-z0-9]{32}$/);
  assert.match(tokens.refresh_token, /^[A-Za-z0-9]{32}$/);
  assert.equal(tokens.access_token_expire_time, TTL);
  assert.equal(tokens.refresh_token_expire_time, 48 * TTL);
  assert.equal((await list(tokens.access_token)).errcode, 0);
});

test('wrong credentials: -1 with invalid_param_list; unknown token: 10004', async () => {
  assert.deepEqual(await login(ID, 'wrong'), {
    errcode: -1, errmsg: 'FAILURE', invalid_param_list: [{ field: 'username or password', value: 'error' }],
  });
  assert.deepEqual(await list('not-a-token'), EXPIRED);
  assert.deepEqual(await list(''), EXPIRED);
});

test('an access token ends after its TTL', async () => {
  const tokens = await login();
  assert.equal((await list(tokens.access_token)).errcode, 0);
  await sleep(TTL * 1000 + 300);
  assert.deepEqual(await list(tokens.access_token), EXPIRED);
  assert.equal((await state(mock.url)).live_access_tokens, 0);
});

test('refresh_token: a new pair; the old access and refresh tokens end', async () => {
  const first = await login();
  const second = await refresh(first.refresh_token);
  assert.equal(second.errcode, 0);
  assert.notEqual(second.access_token, first.access_token);
  assert.notEqual(second.refresh_token, first.refresh_token);
  assert.deepEqual(await list(first.access_token), EXPIRED);
  assert.equal((await list(second.access_token)).errcode, 0);
  assert.deepEqual(await refresh(first.refresh_token), EXPIRED);
  assert.deepEqual(await refresh('unknown'), EXPIRED);
  // The refresh token outlives the access token: after the TTL it still gives a new pair.
  await sleep(TTL * 1000 + 300);
  assert.deepEqual(await list(second.access_token), EXPIRED);
  const third = await refresh(second.refresh_token);
  assert.equal(third.errcode, 0);
  assert.equal((await list(third.access_token)).errcode, 0);
  const snapshot = await state(mock.url);
  assert.equal(snapshot.live_access_tokens, 1);
  assert.deepEqual(snapshot.calls.refresh_token.errcodes, { 0: 2, 10004: 2 });
});

test('del_token revokes: the token then gets 10004, and so does a second del_token', async () => {
  const tokens = await login();
  assert.deepEqual(await revoke(tokens.access_token), { errcode: 0, errmsg: 'SUCCESS' });
  assert.deepEqual(await list(tokens.access_token), EXPIRED);
  assert.deepEqual(await revoke(tokens.access_token), EXPIRED);
  assert.deepEqual(await refresh(tokens.refresh_token), EXPIRED, 'the pair ends together');
  assert.equal((await state(mock.url)).live_access_tokens, 0);
});

test('at most 8 live access tokens: the 9th login gets 60002 until one is revoked', async () => {
  const held = [];
  for (let i = 0; i < 8; i++) held.push(await login());
  assert.ok(held.every(t => t.errcode === 0));
  assert.deepEqual(await login(), { errcode: 60002, errmsg: 'MAX LIMITATION EXCEEDED' });
  assert.equal((await state(mock.url)).live_access_tokens, 8);
  await revoke(held[0].access_token);
  assert.equal((await login()).errcode, 0);
});

test('5 failed logins in a row block logins with 70004, the right credentials too; reset lifts it', async () => {
  assert.equal((await login()).errcode, 0);
  for (let i = 0; i < 4; i++) assert.equal((await login(ID, 'wrong')).errcode, -1);
  assert.equal((await login()).errcode, 0, 'a success clears the count');
  for (let i = 0; i < 5; i++) assert.equal((await login(ID, 'wrong')).errcode, -1);
  assert.deepEqual(await login(), { errcode: 70004, errmsg: 'ACCOUNT IP BLOCKED' });
  assert.deepEqual(await login(ID, 'wrong'), { errcode: 70004, errmsg: 'ACCOUNT IP BLOCKED' });
  assert.equal((await state(mock.url)).logins_blocked, true);
  await reset(mock.url);
  assert.equal((await login()).errcode, 0);
});

test('a login without a field is 40002 naming it, and does not count as a failed login', async () => {
  const { body } = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: ID } });
  assert.deepEqual(body, { errcode: 40002, errmsg: 'PARAMETER ERROR', invalid_param_list: [{ field: 'password', validation_type: 'required' }] });
  const empty = await call(mock.url, `${API}/get_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.invalid_param_list.map(p => p.field), ['username', 'password']);
  const broken = await fetch(`${mock.url}${API}/get_token`, {
    method: 'POST', headers: { 'User-Agent': 'mock-test', 'Content-Type': 'application/json' }, body: '{"username":',
  });
  // Prism's proxy refuses a body that is not JSON before the simulator sees it (README: what
  // differs from a real PBX).
  assert.equal(broken.status, 400);
  assert.deepEqual(await broken.json(), { error: { code: 'invalid_json', message: 'Invalid JSON' } });
  assert.equal((await state(mock.url)).failed_logins_in_a_row, 0);
});

test('/__mock/state shows token fingerprints, never tokens; counts calls by endpoint and errcode', async () => {
  const tokens = await login();
  await list(tokens.access_token);
  await list('nope');
  const response = await call(mock.url, '/__mock/state');
  const text = JSON.stringify(response.body);
  assert.ok(!text.includes(tokens.access_token) && !text.includes(tokens.refresh_token));
  assert.equal(response.body.tokens[0].access, `${tokens.access_token.slice(0, 4)}…`);
  assert.equal(response.body.auth, 'strict');
  assert.deepEqual(response.body.calls['conference/list'], { total: 2, errcodes: { 0: 1, 10004: 1 } });
  assert.deepEqual(response.body.calls.get_token, { total: 1, errcodes: { 0: 1 } });
  assert.equal(response.body.violations.response, 0);
  await reset(mock.url);
  const after = await state(mock.url);
  assert.equal(after.live_access_tokens, 0);
  assert.deepEqual(after.calls, {});
  assert.deepEqual(await list(tokens.access_token), EXPIRED, 'reset ends every token');
});

test('TokenBook: a refresh token ends after 48 x TTL (a clock the test moves)', () => {
  let now = 0;
  const book = new TokenBook({ ttlSeconds: 10, now: () => now });
  const pair = book.issue('get_token');
  now = 10_000;
  assert.equal(book.findAccess(pair.access), undefined);
  assert.equal(book.findRefresh(pair.refresh), pair);
  now = 480_000;
  assert.equal(book.findRefresh(pair.refresh), undefined);
  assert.equal(book.snapshot().tokens.length, 0);
});
