// Faults and delays, by Prefer header and by __ query parameter: http503 and http429 with
// Retry-After, a reset connection, a cut body, no answer at all; MOCK_LATENCY for every call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { API, call, startMock, state } from './support.mjs';

let mock;
let slow;
before(async () => {
  [mock, slow] = await Promise.all([startMock(), startMock({ MOCK_LATENCY: '400' })]);
});
after(async () => {
  await Promise.all([mock?.stop(), slow?.stop()]);
});

const LIST = `${API}/conference/list?access_token=t&page=1&page_size=5`;

/** A raw GET, so that what happens on the socket can be seen; resolves with what was received. */
function rawGet(base, path, headers = {}, { abortAfterMs } = {}) {
  return new Promise(resolve => {
    const req = request(base + path, { headers: { 'User-Agent': 'fault-test', ...headers } }, res => {
      const chunks = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', error => resolve({ status: res.statusCode, headers: res.headers, received: Buffer.concat(chunks).length, error }));
      res.on('aborted', () => {});
    });
    req.on('error', error => resolve({ error }));
    if (abortAfterMs) {
      setTimeout(() => {
        req.destroy(new Error('gave up'));
      }, abortAfterMs);
    }
    req.end();
  });
}

for (const [kind, status] of [['http503', 503], ['http429', 429]]) {
  test(`fault=${kind}: HTTP ${status} with Retry-After, by header and by query`, async () => {
    for (const [path, headers] of [[LIST, { Prefer: `fault=${kind}` }], [`${LIST}&__fault=${kind}`, {}]]) {
      const { status: got, headers: h, body } = await call(mock.url, path, { headers });
      assert.equal(got, status);
      assert.equal(h.get('retry-after'), '1');
      assert.match(body.detail, new RegExp(`simulated ${status}`));
    }
  });
}

test('fault=reset: the connection drops before any answer', async () => {
  const result = await rawGet(mock.url, LIST, { Prefer: 'fault=reset' });
  assert.equal(result.status, undefined);
  assert.equal(result.error.code, 'ECONNRESET');
});

test('fault=truncated: a valid answer announced in full, cut half-way', async () => {
  const result = await rawGet(mock.url, `${LIST}&__fault=truncated`);
  assert.equal(result.status, 200);
  assert.ok(result.error, 'the body ends early');
  const announced = Number(result.headers['content-length']);
  assert.ok(announced > 100);
  assert.equal(result.received, Math.floor(announced / 2));
});

test('fault=hang: no answer until the client gives up; the mock keeps serving', async () => {
  const result = await rawGet(mock.url, LIST, { Prefer: 'fault=hang' }, { abortAfterMs: 1500 });
  assert.equal(result.error.message, 'gave up');
  assert.equal(result.status, undefined);
  assert.equal((await call(mock.url, LIST)).body.errcode, 0);
});

test('faults are counted by kind in /__mock/state', async () => {
  const before = (await state(mock.url)).faults.http503 ?? 0;
  await call(mock.url, LIST, { headers: { Prefer: 'fault=http503' } });
  const snapshot = await state(mock.url);
  assert.equal(snapshot.faults.http503, before + 1);
  assert.ok(snapshot.faults.reset >= 1 && snapshot.faults.truncated >= 1 && snapshot.faults.hang >= 1);
});

test('a CORS preflight for a faulted URL is answered, not faulted', async () => {
  const response = await fetch(`${mock.url}${LIST}&__fault=http503`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:1', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'prefer' },
  });
  assert.equal(response.status, 204);
  assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:1');
  const refusedLater = await fetch(`${mock.url}${LIST}&__colour=red`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:1', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(refusedLater.status, 204, 'the request itself, not its preflight, gets the 400');
});

test('Prefer: delay and __delay hold the answer at least that long', async () => {
  for (const [path, headers] of [[LIST, { Prefer: 'delay=700' }], [`${LIST}&__delay=700`, {}]]) {
    const start = performance.now();
    const { body, headers: h } = await call(mock.url, path, { headers });
    assert.ok(performance.now() - start >= 700);
    assert.equal(body.errcode, 0);
    assert.equal(h.get('preference-applied'), 'delay=700');
  }
});

test('a delay combines with a fault and an example', async () => {
  const start = performance.now();
  const { status } = await call(mock.url, LIST, { headers: { Prefer: 'delay=300, fault=http503' } });
  assert.equal(status, 503);
  assert.ok(performance.now() - start >= 300);
  const { body, headers } = await call(mock.url, `${LIST}&__delay=100&__example=empty`);
  assert.equal(body.total_number, 0);
  assert.equal(headers.get('preference-applied'), 'example=empty, delay=100');
  assert.equal(headers.get('mock-source'), null, 'the simulator\'s note to the spec check stays inside');
});

test('MOCK_LATENCY delays every API call; a request\'s own delay replaces it', async () => {
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    assert.equal((await call(slow.url, LIST)).body.errcode, 0);
    assert.ok(performance.now() - start >= 400);
  }
  const start = performance.now();
  await call(slow.url, LIST, { headers: { Prefer: 'delay=900' } });
  assert.ok(performance.now() - start >= 900);
});
