// The journal (GET /__mock/requests): the last requests and answers, tokens and secrets
// masked, filterable; the run-time settings (/__mock/settings) that the dashboard changes; the
// data set from a file (MOCK_DATA), replaced while running (PUT /__mock/conferences) and
// restored by /__mock/reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API, call, reset, startMock, state } from './support.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mock-data-'));
const DATA = [
  { id: 10, name: 'Zeta Room', number: '7001', moderator_list: [{ id: '5', name: 'Ann Lee', type: 'extension' }] },
  { id: 11, name: 'Alpha Room', number: '7000' },
];
let mock;
before(async () => {
  writeFileSync(join(dir, 'data.json'), JSON.stringify(DATA));
  mock = await startMock({ MOCK_AUTH: 'strict', MOCK_DATA: join(dir, 'data.json') });
});
after(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const requests = async query => (await call(mock.url, `/__mock/requests${query}`)).body.requests;
const list = (token, extra = '') => call(mock.url, `${API}/conference/list?access_token=${token}&page=1&page_size=10&sort_by=name${extra}`);

test('the journal: newest first, tokens and secrets masked, filterable', async () => {
  await reset(mock.url);
  const login = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: 'mock-client-id', password: 'mock-client-secret' } });
  const token = login.body.access_token;
  await list(token);
  await list('stale-token-XYZ', '&__delay=10');
  const all = await requests('');
  assert.deepEqual(all.map(e => [e.method, e.status, e.errcode]), [['GET', 200, 10004], ['GET', 200, 0], ['POST', 200, 0]]);
  const text = JSON.stringify(all);
  for (const secret of [token, login.body.refresh_token, 'mock-client-secret', 'stale-token-XYZ']) assert.ok(!text.includes(secret), secret);
  assert.equal(all[2].request.password, '***');
  assert.equal(all[2].answer.access_token, '***');
  assert.deepEqual(all[0].scenario, ['delay=10']);
  assert.ok(all[1].ms >= 0 && typeof all[1].time === 'string');
  assert.deepEqual((await requests('?errcode=10004')).map(e => e.id), [all[0].id]);
  assert.deepEqual((await requests('?method=post')).map(e => e.id), [all[2].id]);
  assert.deepEqual((await requests('?path=conference/list&limit=1')).map(e => e.id), [all[0].id]);
  assert.deepEqual((await requests(`?since=${all[1].id}`)).map(e => e.id), [all[0].id]);
  assert.deepEqual((await requests('?scenario=delay')).map(e => e.id), [all[0].id]);
  const bad = await call(mock.url, '/__mock/requests?colour=red');
  assert.equal(bad.status, 400);
  assert.match(bad.body.detail, /unknown filter colour/);
  await reset(mock.url);
  assert.deepEqual(await requests(''), [], 'reset empties the journal');
});

test('MOCK_DATA: the file\'s conferences are served, paged and sorted', async () => {
  const login = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: 'mock-client-id', password: 'mock-client-secret' } });
  const { body } = await list(login.body.access_token);
  assert.equal(body.total_number, 2);
  assert.deepEqual(body.data.map(c => c.name), ['Alpha Room', 'Zeta Room']);
  assert.equal((await state(mock.url)).violations.response, 0);
});

test('PUT /__mock/conferences replaces the data set, checked against the spec; reset restores it', async () => {
  const replaced = await call(mock.url, '/__mock/conferences', { method: 'PUT', json: [{ id: 1, name: 'Only', number: '1' }] });
  assert.deepEqual(replaced.body, { conferences: 1 });
  assert.equal((await state(mock.url)).conferences, 1);
  const wrong = await call(mock.url, '/__mock/conferences', { method: 'PUT', json: { conferences: [{ id: 1, name: 'A', number: '1' }, { id: 2, name: 'B', number: 'x9' }] } });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.detail, /conference 1 \(id 2\) does not match the spec's Conference schema: \/number must match pattern/);
  const twice = await call(mock.url, '/__mock/conferences', { method: 'PUT', json: [{ id: 1, name: 'A', number: '1' }, { id: 1, name: 'B', number: '2' }] });
  assert.match(twice.body.detail, /conference 1 \(id 1\) has the same id as conference 0/);
  assert.equal((await state(mock.url)).conferences, 1, 'a refused data set changes nothing');
  await reset(mock.url);
  assert.equal((await state(mock.url)).conferences, 2);
});

test('a bad MOCK_DATA stops the start, naming the record and the field', async () => {
  writeFileSync(join(dir, 'bad.json'), JSON.stringify([DATA[0], { id: 12, number: '7002' }]));
  const error = await startMock({ MOCK_DATA: join(dir, 'bad.json') }).then(() => null, e => e);
  assert.match(error.message, /exited \(2\)/);
  assert.match(error.message, /bad\.json: conference 1 \(id 12\) does not match the spec's Conference schema: \(the record\) must have required property 'name'/);
});

test('/__mock/settings changes auth, latency and a fault rate at run time, and refuses bad values', async () => {
  const put = body => call(mock.url, '/__mock/settings', { method: 'PUT', json: body });
  try {
    assert.deepEqual((await put({ auth: 'open', latency: 0, fault_rate: 1, fault: 'http429' })).body,
      { auth: 'open', latency: 0, fault_rate: 1, fault: 'http429' });
    const faulted = await list('any');
    assert.equal(faulted.status, 429);
    assert.equal(faulted.headers.get('retry-after'), '1');
    assert.deepEqual((await requests('?limit=1'))[0].scenario, ['fault=http429', 'fault rate 1']);
    await put({ fault_rate: 0, latency: 300 });
    const start = performance.now();
    assert.equal((await list('any')).body.errcode, 0, 'open mode: any token');
    assert.ok(performance.now() - start >= 300);
    for (const [body, message] of [[{ auth: 'maybe' }, /auth="maybe" is neither/], [{ fault_rate: 2 }, /fault_rate=2 is not a number from 0 to 1/],
      [{ speed: 1 }, /unknown setting speed/], [[], /must be a JSON object/]]) {
      const refused = await put(body);
      assert.equal(refused.status, 400);
      assert.match(refused.body.detail, message);
    }
  } finally {
    await put({ auth: 'strict', latency: 0, fault_rate: 0, fault: 'http503' });
  }
});
