// Starting and stopping: every process the mock starts ends with it (SIGTERM to `npm start`,
// Ctrl-C to its process group, even SIGKILL of the mock, whose example mode runs `prism mock`); bad settings stop the start with a
// message; `start:examples` serves the spec's examples and coherent random data with Prism alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { API, alive, call, descendants, startMock } from './support.mjs';

const linux = process.platform === 'linux' ? false : 'reads /proc';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function gone(pids, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (pids.every(pid => !alive(pid))) return true;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return pids.filter(alive);
}

async function refused(url) {
  try {
    await fetch(`${url}/__mock/state`);
    return false;
  } catch {
    return true;
  }
}

/** The mock's whole process tree under npm: node (Prism runs inside it). */
function tree(pid) {
  const pids = descendants(pid);
  assert.ok(pids.length >= 1, `npm start started ${pids.length} processes`);
  return pids;
}

test('SIGTERM to the npm start process stops every process it started', { skip: linux, timeout: 60_000 }, async () => {
  const mock = await startMock({}, { command: [npm, 'start', '--silent'] });
  const pids = tree(mock.child.pid);
  process.kill(mock.child.pid, 'SIGTERM');
  await mock.exited;
  assert.equal(await gone(pids), true);
  assert.equal(await refused(mock.url), true);
});

test('Ctrl-C (SIGINT to the foreground process group) stops everything', { skip: linux, timeout: 60_000 }, async () => {
  const mock = await startMock({}, { command: [npm, 'start', '--silent'] });
  const pids = tree(mock.child.pid);
  process.kill(-mock.child.pid, 'SIGINT');
  await mock.exited;
  assert.equal(await gone(pids), true);
  assert.equal(await refused(mock.url), true);
});

test('even a SIGKILL of the mock takes Prism with it (example mode)', { skip: linux, timeout: 60_000 }, async () => {
  const mock = await startMock({}, { args: ['--examples'] });
  const pids = descendants(mock.child.pid);
  // `prism mock`, one process (with the simulator, Prism runs in the mock's own process).
  assert.equal(pids.length, 1, 'Prism');
  // The private copy of the spec that Prism serves goes with it.
  const copy = readFileSync(`/proc/${pids[0]}/cmdline`, 'utf8').split('\0').find(arg => /yeastar-mock-spec-[^/]+\/openapi\.yaml$/.test(arg));
  assert.ok(copy && existsSync(copy), `Prism serves the mock's copy: ${copy}`);
  process.kill(mock.child.pid, 'SIGKILL');
  await mock.exited;
  assert.equal(await gone(pids), true);
  assert.equal(existsSync(dirname(copy)), false, 'the copy of the spec is removed');
});

test('with the simulator, the mock starts no other process: Prism checks in its process', { skip: linux, timeout: 60_000 }, async () => {
  const mock = await startMock();
  try {
    assert.deepEqual(descendants(mock.child.pid), []);
    const list = await call(mock.url, `${API}/conference/list?access_token=t&page=0&page_size=5`);
    assert.equal(list.body.errcode, 40002);
    assert.match(list.headers.get('sl-violations'), /page must be >= 1/, 'Prism checked the request');
  } finally {
    await mock.stop();
  }
});

for (const [name, value, message] of [
  ['MOCK_AUTH', 'maybe', /MOCK_AUTH=maybe is neither open nor strict/],
  ['MOCK_TOKEN_TTL', '0', /MOCK_TOKEN_TTL=0 is not a whole number from 1 to/],
  ['MOCK_CONFERENCES', 'many', /MOCK_CONFERENCES=many is not a whole number/],
  ['MOCK_LATENCY', '-5', /MOCK_LATENCY=-5 is not a whole number/],
]) {
  test(`${name}=${value} stops the start, naming the setting`, async () => {
    const error = await startMock({ [name]: value }).then(() => null, e => e);
    assert.match(error.message, /exited \(2\)/);
    assert.match(error.message, message);
  });
}

test('a port in use is named, and nothing is left running', { timeout: 60_000 }, async () => {
  const blocker = createServer();
  await new Promise(resolve => blocker.listen(0, '127.0.0.1', resolve));
  try {
    const error = await startMock({ PORT: String(blocker.address().port) }).then(() => null, e => e);
    assert.match(error.message, /exited \(1\)/);
    assert.match(error.message, new RegExp(`127.0.0.1:${blocker.address().port} is in use`));
  } finally {
    blocker.close();
  }
});

test('MOCK_CONFERENCES and MOCK_SEED set the data set', { timeout: 60_000 }, async () => {
  const mock = await startMock({ MOCK_CONFERENCES: '7', MOCK_SEED: '99' });
  try {
    const { body } = await call(mock.url, `${API}/conference/list?access_token=t&page=1&page_size=50`);
    assert.equal(body.total_number, 7);
    assert.deepEqual(body.data.map(c => c.number), ['6500', '6501', '6502', '6503', '6504', '6505', '6506']);
  } finally {
    await mock.stop();
  }
});

// A seed makes everything reproducible but what x-faker draws from faker, which Prism does not
// seed: the conference and moderator names (and the tokens) differ from call to call.
const skeleton = body => ({ ...body, data: body.data.map(c => ({ ...c, name: '*',
  moderator_list: c.moderator_list.map(m => ({ ...m, name: '*' })) })) });

test('start:examples: Prism alone serves the examples, and coherent random data', { timeout: 60_000 }, async () => {
  const mock = await startMock({}, { command: [npm, 'run', '--silent', 'start:examples'], ready: /ready on (http:\/\/\S+)/ });
  try {
    const list = `${API}/conference/list?access_token=t&page=1&page_size=20`;
    assert.equal((await call(mock.url, list)).body.total_number, 3);
    assert.deepEqual((await call(mock.url, `${list}&__example=empty`)).body.data, []);
    for (let seed = 1; seed <= 20; seed++) {
      const { body } = await call(mock.url, list, { headers: { Prefer: `dynamic=true, seed=${seed}` } });
      assert.equal(body.errcode, 0);
      assert.equal(body.errmsg, 'SUCCESS');
      assert.equal(body.total_number, body.data.length, `seed ${seed}`);
      assert.ok(!('invalid_param_list' in body) && !('submsg' in body), `seed ${seed}: ${JSON.stringify(body)}`);
      const tokens = (await call(mock.url, `${API}/get_token`, {
        method: 'POST', json: { username: 'a', password: 'b' }, headers: { Prefer: `dynamic=true, seed=${seed}` },
      })).body;
      assert.equal(tokens.access_token_expire_time, 1800);
      assert.equal(tokens.refresh_token_expire_time, 86400);
      assert.match(tokens.access_token, /^[a-z0-9]{32}$/);
      assert.ok(!('invalid_param_list' in tokens) && !('submsg' in tokens));
    }
    const seeded = async seed => skeleton((await call(mock.url, list, { headers: { Prefer: `dynamic=true, seed=${seed}` } })).body);
    const first = await seeded(42);
    assert.deepEqual(await seeded(42), first);
    assert.notDeepEqual(await seeded(43), first);
  } finally {
    await mock.stop();
  }
});

test('SEED=42 start:dynamic: every answer has the same conferences, but for their names', { timeout: 60_000 }, async () => {
  const mock = await startMock({ SEED: '42' }, { command: [npm, 'run', '--silent', 'start:dynamic'], ready: /ready on (http:\/\/\S+)/ });
  try {
    const list = `${API}/conference/list?access_token=t&page=1&page_size=20`;
    const first = (await call(mock.url, list)).body;
    assert.equal(first.total_number, first.data.length);
    assert.ok(first.data.every(c => typeof c.name === 'string' && c.name.length > 0));
    assert.deepEqual(skeleton((await call(mock.url, list)).body), skeleton(first));
  } finally {
    await mock.stop();
  }
});
