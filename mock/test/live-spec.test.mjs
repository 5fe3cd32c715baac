// The live spec: the mock follows edits of the spec it serves without a restart and without a
// failed call; a spec that does not load keeps the last good one and is reported once; an
// operation added to the spec answers its named examples; an answer that a spec edit made
// invalid is blamed on the edit, naming the field, not on the mock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, startMock, state } from './support.mjs';
import { parse, stringify } from 'yaml';
import { ORIGINAL, specCopy, withConferenceGet } from './edited-spec.mjs';

let copy;
let mock;
before(async () => {
  copy = specCopy();
  mock = await startMock({ MOCK_SPEC: copy.path });
});
after(async () => {
  await mock?.stop();
  copy?.remove();
});

const GET = `${API}/conference/get?access_token=t&id=7`;
const LIST = `${API}/conference/list?access_token=t&page=1&page_size=2`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Calls `path` every 50 ms until `done(answer)`; every answer on the way is collected. */
async function until(path, done, options = {}, ms = 20_000) {
  const seen = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const answer = await call(mock.url, path, options);
    seen.push(answer);
    if (done(answer)) return seen;
    await sleep(50);
  }
  assert.fail(`no answer satisfied the wait: last ${JSON.stringify(seen.at(-1)?.body)}`);
}

test('edits are followed: an added operation answers its examples; no call fails meanwhile', { timeout: 60_000 }, async () => {
  assert.deepEqual((await call(mock.url, GET)).body, { errcode: 10001, errmsg: 'INTERFACE NOT EXISTED' });
  copy.write(withConferenceGet());
  // Calls to the list keep being answered while Prism reloads: none is a 502 or a refused connection.
  const during = until(LIST, () => false, {}, 3000).catch(() => 'no list call failed');
  const seen = await until(GET, answer => answer.body.errcode === 0);
  assert.ok(seen.every(answer => answer.status === 200), seen.map(a => a.status).join(' '));
  assert.deepEqual(seen.at(-1).body, { errcode: 0, errmsg: 'SUCCESS', data: { id: 7, name: 'Design Review', number: '6506' } });
  assert.equal(await during, 'no list call failed');
  const missing = await call(mock.url, GET, { headers: { Prefer: 'example=missing' } });
  assert.deepEqual(missing.body, { errcode: -1, errmsg: 'FAILURE' });
  assert.equal(missing.headers.get('preference-applied'), 'example=missing');
  const byQuery = await call(mock.url, `${GET}&__example=missing`);
  assert.equal(byQuery.body.errcode, -1);
  const unknown = await call(mock.url, GET, { headers: { Prefer: 'example=nope' } });
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.detail, /example=nope is not a named example of GET \/openapi\/v1.0\/conference\/get; it has: found, missing/);
  // validated like the rest: the added operation's answers pass Prism's check
  const snapshot = await state(mock.url);
  assert.equal(snapshot.violations.response, 0);
  assert.ok(snapshot.spec.operations.includes('GET /openapi/v1.0/conference/get'));
  assert.match(mock.log(), /spec reloaded: 5 operations \(added GET \/openapi\/v1.0\/conference\/get\)/);
  // a path that is in no spec still answers 10001
  assert.equal((await call(mock.url, `${API}/conference/nope?access_token=t`)).body.errcode, 10001);
});

test('a spec that does not load keeps the last good one, and says why once', { timeout: 60_000 }, async () => {
  const good = withConferenceGet();
  copy.write(good);
  await until(GET, answer => answer.body.errcode === 0);
  copy.write('openapi: 3.0.3\npaths: [broken');
  await sleep(1500);
  copy.write('openapi: 3.0.3\npaths: [broken'); // the same broken file again: no second report
  await sleep(1000);
  assert.equal((await call(mock.url, GET)).body.errcode, 0, 'the last good spec serves on');
  assert.equal((await call(mock.url, LIST)).body.errcode, 0);
  const reports = mock.log().split('\n').filter(line => line.includes('does not load'));
  assert.equal(reports.length, 1, reports.join('\n'));
  assert.match(reports[0], /openapi\.yaml does not load: .*line 2.*; still serving the last spec that loaded/);
  assert.match((await state(mock.url)).spec.failure, /does not load/);
  copy.write(good.replace('Design Review', 'Design Review 2'));
  await until(GET, answer => answer.body.data?.name === 'Design Review 2');
  assert.equal((await state(mock.url)).spec.failure, undefined);
});

test('an answer that an edit made invalid is blamed on the edit, naming the field', { timeout: 60_000 }, async () => {
  const before = (await state(mock.url)).violations.response;
  copy.write(withConferenceGet().replace('          minLength: 1\n          description: The conference name.',
    '          minLength: 1\n          maxLength: 3\n          description: The conference name.'));
  const seen = await until(LIST, answer => answer.headers.get('mock-spec-mismatch') !== null);
  const answer = seen.at(-1);
  assert.equal(answer.status, 200, 'the simulator\'s answer goes back as it is');
  assert.equal(answer.body.errcode, 0);
  assert.match(answer.headers.get('mock-spec-mismatch'), /^body\.data\.0\.name: .*must NOT have more than 3 characters/);
  assert.match(mock.log(), /the spec was edited \(.*\); the simulator's answer does not match it: body\.data\.0\.name/);
  assert.doesNotMatch(mock.log(), /bug in the mock|SPEC VIOLATION/);
  assert.ok((await state(mock.url)).violations.response > before);
  copy.write(ORIGINAL);
  await until(LIST, a => a.headers.get('mock-spec-mismatch') === null && a.status === 200);
});

test('an example of the spec that breaks its own schema is blamed on the spec', { timeout: 60_000 }, async () => {
  const spec = parse(withConferenceGet());
  spec.paths['/openapi/v1.0/conference/get'].get.responses['200'].content['application/json'].examples.found.value.data.number = 'six';
  copy.write(stringify(spec));
  const seen = await until(GET, answer => answer.headers.get('mock-spec-mismatch') !== null);
  const answer = seen.at(-1);
  assert.equal(answer.status, 200);
  assert.equal(answer.body.data.number, 'six', 'the example as the spec has it');
  assert.match(answer.headers.get('mock-spec-mismatch'), /^body\.data\.number: .*must match pattern/);
  assert.match(mock.log(), /the spec's example found of GET \/openapi\/v1\.0\/conference\/get does not match the spec's own schema: body\.data\.number/);
  copy.write(ORIGINAL);
  await until(GET, a => a.body.errcode === 10001);
});

test('a spec that does not load at the start stops it, naming the file and the reason', async () => {
  const broken = specCopy('openapi: 3.0.3\npaths: [broken');
  try {
    const error = await startMock({ MOCK_SPEC: broken.path }).then(() => null, e => e);
    assert.match(error.message, /exited \(1\)/);
    assert.match(error.message, /could not start: \S+openapi\.yaml does not load: .*line 2/);
  } finally {
    broken.remove();
  }
});
