// Prism in the mock's process (prism-inprocess.mjs, prism-forward.mjs), without the front: the
// short way a GET takes to the simulator answers exactly as the simulator's fastify route does;
// Prism still checks the request and the answer, answers a body it cannot read as Prism's
// server does, falls back to the spec's example when the simulator has none (501), and follows
// the spec store's reloads with the next request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readSettings } from '../lib/settings.mjs';
import { SpecStore } from '../lib/spec-store.mjs';
import { createSimulator } from '../lib/simulator.mjs';
import { SPEC_PATH } from '../lib/spec.mjs';
import { createPrismInProcess } from '../lib/prism-inprocess.mjs';

const LIST = '/openapi/v1.0/conference/list';
let dir;
let store;
let simulator;
let prism;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prism-inprocess-test-'));
  writeFileSync(join(dir, 'openapi.yaml'), readFileSync(SPEC_PATH, 'utf8'));
  store = new SpecStore({ source: join(dir, 'openapi.yaml') });
  await store.prismOperationsReady();
  simulator = createSimulator(readSettings({}), { store });
  await simulator.app.ready();
  prism = createPrismInProcess({ store, simulator });
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path, headers = {}) => prism.answer({ method: 'GET', path, headers: { 'user-agent': 'test', 'content-length': '0', ...headers },
  body: Buffer.alloc(0) });
const post = (path, body, headers = {}) => prism.answer({ method: 'POST', path,
  headers: { 'user-agent': 'test', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  body: Buffer.from(body) });
const json = answer => JSON.parse(answer.body.toString('utf8'));

test('a GET answered the short way is the answer of the simulator\'s fastify route, byte for byte', async () => {
  for (const [path, headers] of [
    [`${LIST}?access_token=t&page=1&page_size=3&sort_by=name&order_by=desc`, {}],
    [`${LIST}?access_token=t&page=0&page_size=x`, {}],
    [`${LIST}?access_token=t&page=1&page=2&page_size=2`, {}],
    [`${LIST}?access_token=t&page=1&page_size=2&sort_by=na%20me+x`, {}],
    [`${LIST}?page=1&page_size=2`, {}],
    [`${LIST}?access_token=t&page=1&page_size=2`, { prefer: 'example=empty' }],
    [`${LIST}?access_token=t&page=1&page_size=2`, { prefer: 'example=nonesuch' }],
    ['/openapi/v1.0/del_token?access_token=nope', {}],
    ['/openapi/v1.0/nothing?a=1', {}],
  ]) {
    const search = path.split('?')[1] ?? '';
    const direct = simulator.answerApi({ method: 'GET', url: path, headers, query: simulator.parseQuery(search), body: undefined });
    const routed = await simulator.app.inject({ method: 'GET', url: path, headers });
    assert.equal(direct.status, routed.statusCode, path);
    assert.equal(direct.payload, routed.payload, path);
    for (const [name, value] of Object.entries(direct.headers)) assert.equal(routed.headers[name], value, `${path}: ${name}`);
  }
});

test('Prism checks the request and lets the PBX\'s answer through, with its verdict in sl-violations', async () => {
  const answer = await get(`${LIST}?access_token=t&page=0&page_size=2`);
  assert.equal(answer.status, 200);
  assert.equal(json(answer).errcode, 40002);
  const violations = JSON.parse(answer.headers['sl-violations']);
  assert.deepEqual(violations.map(v => [v.location.join('.'), v.severity]), [['request.query.page', 'Error']]);
  const fine = await get(`${LIST}?access_token=t&page=1&page_size=2`);
  assert.equal(fine.headers['sl-violations'], undefined);
  assert.equal(json(fine).data.length, 2);
});

test('a body Prism cannot read gets Prism\'s answers: invalid_json, and none for a GET with a body', async () => {
  const broken = await post('/openapi/v1.0/get_token', '{"username":');
  assert.equal(broken.status, 400);
  assert.deepEqual(json(broken), { error: { code: 'invalid_json', message: 'Invalid JSON' } });
  const login = await post('/openapi/v1.0/get_token', JSON.stringify({ username: 'mock-client-id', password: 'mock-client-secret' }));
  assert.equal(json(login).errcode, 0);
  const withBody = await prism.answer({ method: 'GET', path: `${LIST}?access_token=t&page=1&page_size=1`,
    headers: { 'user-agent': 'test', 'content-type': 'text/plain', 'content-length': '2' }, body: Buffer.from('hi') });
  assert.equal(withBody.status, 501);
  assert.match(json(withBody).type, /PROXY_UNSUPPORTED_REQUEST_BODY$/);
  assert.equal(withBody.headers['content-type'], 'application/problem+json');
});

test('an answer outside the spec is reported as a response violation', async () => {
  // The simulator's answer for del_token has errcode and errmsg; a spec that demands one more
  // field makes Prism flag the answer, as it would flag a bug of the simulator.
  const spec = parse(readFileSync(SPEC_PATH, 'utf8'));
  const operation = spec.paths['/openapi/v1.0/del_token'].get;
  const content = operation.responses['200'].content['application/json'];
  content.schema = { type: 'object', required: ['errcode', 'errmsg', 'never_sent'], properties: { errcode: { type: 'integer' } } };
  writeFileSync(store.source, stringify(spec));
  assert.equal(await store.reload(), true);
  const answer = await get('/openapi/v1.0/del_token?access_token=nope');
  const violations = JSON.parse(answer.headers['sl-violations']);
  assert.ok(violations.some(v => v.location[0] === 'response' && /never_sent/.test(v.message)), answer.headers['sl-violations']);
});

test('after a reload Prism routes the spec in service: an added operation without simulation gets its example', async () => {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8'));
  spec.paths['/openapi/v1.0/conference/count'] = {
    get: {
      operationId: 'countConferences',
      parameters: [{ name: 'User-Agent', in: 'header', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'the count', content: { 'application/json': {
        schema: { type: 'object', required: ['errcode', 'count'], properties: { errcode: { type: 'integer' }, count: { type: 'integer' } } },
        examples: { three: { value: { errcode: 0, count: 3 } } },
      } } } },
    },
  };
  spec.paths['/openapi/v1.0/conference/size'] = structuredClone(spec.paths['/openapi/v1.0/conference/count']);
  spec.paths['/openapi/v1.0/conference/size'].get.operationId = 'conferenceSize';
  delete spec.paths['/openapi/v1.0/conference/size'].get.responses[200].content['application/json'].examples;
  const before = await get('/openapi/v1.0/conference/count?access_token=t');
  assert.equal(json(before).errcode, 10001, 'not in the spec yet: the simulator does not know it');
  writeFileSync(store.source, stringify(spec));
  assert.equal(await store.reload(), true);
  const after = await get('/openapi/v1.0/conference/count?access_token=t');
  assert.deepEqual(json(after), { errcode: 0, count: 3 });
  assert.equal(after.headers['mock-source'], 'example three');
  assert.equal(after.headers['sl-violations'], undefined, after.headers['sl-violations']);
  // No simulation and no example: the simulator's 501 makes Prism answer from the schema.
  const generated = await get('/openapi/v1.0/conference/size?access_token=t');
  assert.equal(generated.status, 200);
  assert.ok(Number.isInteger(json(generated).count), generated.body.toString('utf8'));
  assert.equal(generated.headers['sl-violations'], undefined, generated.headers['sl-violations']);
});
