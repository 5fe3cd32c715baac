// The frontend measurements: the TypeScript probe of the base's types compiled against the head's
// (a real tsc run on copies of the live spec), and the pieces of the simulator replay that need
// no running mock (its requests and how an answer is summed up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { measureTypescript } from '../scripts/spec-frontend.mjs';
import { loadSpec } from '../scripts/spec-load.mjs';
import { requestsOf, summary } from '../scripts/spec-simulator.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const live = parse(readFileSync(join(mockDir, '..', 'openapi', 'openapi.yaml'), 'utf8'));
const tsc = join(mockDir, 'node_modules', 'typescript', 'bin', 'tsc');

async function probe(edit) {
  const head = structuredClone(live);
  edit(head);
  const work = mkdtempSync(join(tmpdir(), 'spec-frontend-'));
  try {
    return await measureTypescript({ baseRaw: live, headRaw: head, base: await loadSpec(live), work, tsc });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('an unchanged spec compiles: every operation, parameter and response field is probed', async () => {
  const result = await probe(() => {});
  assert.equal(result.status, 'measured');
  assert.deepEqual(result.errors, []);
  assert.ok(result.uses > 40, `${result.uses} uses`);
});

test('a retyped response field, a removed parameter and a newly required one each say what broke', async () => {
  const result = await probe(h => {
    const id = h.components.schemas.Conference.properties.id;
    Object.assign(id, { type: 'string', example: '1' });
    delete id.format;
    delete id.minimum;
    h.paths['/openapi/v1.0/conference/list'].get.parameters[3].name = 'sort';
    h.components.parameters.OrderBy.required = true;
  });
  assert.deepEqual(result.errors, [
    { where: 'GET /openapi/v1.0/conference/list query parameter sort_by', message: 'sort_by is gone from the type' },
    { where: 'GET /openapi/v1.0/conference/list query parameter order_by', message: 'code sends undefined; the new type takes "asc" | "desc"' },
    { where: 'GET /openapi/v1.0/conference/list → 200 data[].id', message: 'now string; code expects number' },
  ]);
});

test('a new optional response field breaks no code written against the base', async () => {
  const result = await probe(h => { h.components.schemas.Conference.properties.members = { type: 'integer', description: 'm' }; });
  assert.deepEqual(result.errors, []);
});

test('the replay sends a standard probe per operation and one per named example', async () => {
  const requests = requestsOf(await loadSpec(live));
  const names = requests.map(r => r.name);
  assert.ok(names.includes('GET /openapi/v1.0/conference/list'));
  assert.ok(names.includes('GET /openapi/v1.0/conference/list Prefer: example=seed'));
  const list = requests.find(r => r.name === 'GET /openapi/v1.0/conference/list');
  assert.match(list.target, /page=1/);
  assert.match(list.target, /page_size=20/);
  assert.equal(list.headers['User-Agent'], 'OpenAPI');
  const token = requests.find(r => r.name === 'POST /openapi/v1.0/get_token');
  assert.deepEqual(Object.keys(JSON.parse(token.body)).sort(), ['password', 'username']);
});

test('an answer is summed up by status, errcode and shape, so that a type change shows', () => {
  assert.equal(summary(200, '{"errcode":0,"data":[{"id":1}]}'), 'HTTP 200 errcode 0 {data:[{id:number}],errcode:number}');
  assert.equal(summary(200, '{"errcode":0,"data":[{"id":"1"}]}'), 'HTTP 200 errcode 0 {data:[{id:string}],errcode:number}');
  assert.equal(summary(500, '<html>'), 'HTTP 500, not JSON');
  // Prism's own refusals, and what its proxy flags on an answer it let through.
  assert.equal(summary(422, '{"type":"x","title":"Invalid request","status":422,"detail":"d"}'), 'HTTP 422, Prism: Invalid request');
  assert.equal(summary(200, '{"errcode":0}', "Request query must have required property 'order_by'"),
    "HTTP 200 errcode 0 {errcode:number}, flagged by the proxy (Request query must have required property 'order_by')");
});
