// What people read: one log line per request (method, masked path, status, errcode, time,
// scenario), Prism's own lines only with MOCK_LOG=debug, a start banner that says what to call;
// an unknown query parameter named in a header and the log; strict mode's lockouts explained
// in a header and the log while the body stays the PBX's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, reset, startMock } from './support.mjs';

let mock;
let strict;
before(async () => {
  [mock, strict] = await Promise.all([startMock(),
    startMock({ MOCK_AUTH: 'strict', MOCK_MAX_TOKENS: '2', MOCK_MAX_FAILED_LOGINS: '3', MOCK_LOG: 'debug' })]);
});
after(async () => {
  await Promise.all([mock?.stop(), strict?.stop()]);
});

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const lines = (m, pattern) => m.log().split('\n').filter(line => pattern.test(line));

test('one line per request: method, masked path, status, errcode, time and scenario', async () => {
  await call(mock.url, `${API}/conference/list?access_token=SECRETtoken1&page=1&page_size=2`, { headers: { Prefer: 'example=empty, delay=20' } });
  await call(mock.url, `${API}/conference/list?access_token=SECRETtoken1&page=0&page_size=2`);
  await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=2&__fault=http503`);
  await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=2`, { headers: { Prefer: 'fault=meteor' } });
  await sleep(100);
  assert.equal(lines(mock, /SECRETtoken1/).length, 0, 'no token in the log');
  assert.match(mock.log(), /^mock: GET \/openapi\/v1\.0\/conference\/list\?access_token=\*\*\*&page=1&page_size=2 200 errcode=0 \d+ ms \[example=empty, delay=20\]$/m);
  assert.match(mock.log(), /^mock: GET \S+page=0\S* 200 errcode=40002 \d+ ms spec: request breaks the spec at query\.page: /m);
  assert.match(mock.log(), /^mock: GET \S+ 503 \d+ ms \[fault=http503\]$/m);
  assert.match(mock.log(), /^mock: GET \S+ 400 \d+ ms \(fault=meteor is not one of /m);
  assert.equal(lines(mock, /\[(HTTP SERVER|PROXY|NEGOTIATOR|CLI)\]|Prism is listening/).length, 0, 'Prism\'s own lines only with MOCK_LOG=debug');
  assert.ok(lines(strict, /^prism: /).length > 0, 'MOCK_LOG=debug shows them');
});

test('the banner: the URL, a curl line that works, the dashboard, journal and state', async () => {
  const text = mock.log();
  assert.match(text, new RegExp(`ready on ${mock.url} `));
  const curl = /try: +curl -H 'User-Agent: demo' '(\S+)'/.exec(text);
  assert.ok(curl, text);
  const answer = await call(curl[1].replace(/^http:\/\/[^/]+/, mock.url), '');
  assert.equal(answer.body.errcode, 0);
  for (const page of ['dashboard: ', 'journal: ', 'state: ']) assert.ok(text.includes(page), page);
  assert.match(strict.log(), /log in: +curl .*"username":"mock-client-id","password":"mock-client-secret"/);
  assert.match(strict.log(), /limits: +2 live tokens, 3 failed logins in a row; POST \S+\/__mock\/reset lifts a lockout/);
});

test('an unknown query parameter is ignored, as the PBX does, and named in a header and the log', async () => {
  const { body, headers } = await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=57&sortby=name&colour=red`);
  assert.equal(body.errcode, 0);
  assert.deepEqual(body.data.map(c => c.number).slice(0, 3), ['6500', '6501', '6502'], 'sortby did not sort');
  assert.equal(headers.get('mock-unknown-query'), 'sortby, colour');
  assert.match(headers.get('access-control-expose-headers'), /Mock-Unknown-Query/);
  await sleep(50);
  assert.match(mock.log(), /sortby=name&colour=red 200 errcode=0 \d+ ms unknown query parameters ignored: sortby, colour/);
  const known = await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=1&sort_by=name`);
  assert.equal(known.headers.get('mock-unknown-query'), null);
});

test('strict mode: the limits are settings; a lockout keeps the PBX body and says how to lift it', async () => {
  await reset(strict.url);
  const login = (password = 'mock-client-secret') => call(strict.url, `${API}/get_token`, { method: 'POST', json: { username: 'mock-client-id', password } });
  assert.equal((await login()).body.errcode, 0);
  assert.equal((await login()).body.errcode, 0);
  const third = await login();
  assert.deepEqual(third.body, { errcode: 60002, errmsg: 'MAX LIMITATION EXCEEDED' });
  assert.match(third.headers.get('mock-hint'), /^2 access tokens are live, the limit .*POST \/__mock\/reset/);
  await reset(strict.url);
  for (let i = 0; i < 3; i++) assert.equal((await login('wrong')).body.errcode, -1);
  const blocked = await login();
  assert.deepEqual(blocked.body, { errcode: 70004, errmsg: 'ACCOUNT IP BLOCKED' });
  assert.match(blocked.headers.get('mock-hint'), /blocked after 3 failed ones in a row .*POST \/__mock\/reset lifts the block/);
  await sleep(50);
  assert.match(strict.log(), /POST \/openapi\/v1\.0\/get_token 200 errcode=70004 \d+ ms \(logins are blocked after 3 failed ones/);
  await reset(strict.url);
  assert.equal((await login()).body.errcode, 0);
  assert.deepEqual(lines(strict, /^mock: POST .*(wrong|mock-client-secret)/), [], 'no secret from a request body in the log');
});
