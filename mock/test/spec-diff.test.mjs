// Fixture pairs for the spec review: each breaking kind is flagged, additive changes are not, and
// each change says what it does to SDK callers, to the mock's users and on the wire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, majorBumped } from '../scripts/spec-diff.mjs';
import { NAME } from '../scripts/spec-java.mjs';

const base = () => ({
  openapi: '3.0.3',
  info: { title: 'fixture', version: '1.0.0' },
  security: [{ access_token: [] }],
  paths: {
    '/openapi/v1.0/conference/list': {
      get: {
        parameters: [
          { name: 'page', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'sort_by', in: 'query', schema: { type: 'string', enum: ['number', 'name'] } },
        ],
        responses: {
          200: {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { type: 'object', required: ['errcode'], properties: { errcode: { type: 'integer', format: 'int32' } } },
                    {
                      type: 'object',
                      properties: {
                        data: {
                          type: 'array',
                          maxItems: 100,
                          items: {
                            type: 'object',
                            [NAME]: 'Moderator',
                            required: ['id'],
                            properties: {
                              id: { type: 'integer' },
                              number: { type: 'string', pattern: '^[0-9]{1,6}$' },
                              type: { type: 'string', [NAME]: 'ModeratorType', enum: ['extension', 'ext_group'] },
                              seats: { type: 'integer', format: 'int32' },
                            },
                          },
                        },
                      },
                    },
                  ],
                },
                examples: { seed: { value: { errcode: 0 } } },
              },
            },
          },
        },
      },
    },
    '/openapi/v1.0/del_token': { get: { responses: { 200: { description: 'ok' } } } },
    '/openapi/v1.0/get_token': { post: { security: [], responses: { 200: { description: 'ok' } } } },
  },
});

const list = doc => doc.paths['/openapi/v1.0/conference/list'].get;
const body = doc => list(doc).responses[200].content['application/json'];
const item = doc => body(doc).schema.allOf[1].properties.data.items;

function changed(edit) {
  const head = base();
  edit(head);
  return compare(base(), head);
}

const breakingKinds = {
  'a removed path': h => delete h.paths['/openapi/v1.0/del_token'],
  'a removed operation': h => { h.paths['/openapi/v1.0/del_token'] = {}; },
  'a removed response field': h => delete item(h).properties.number,
  'a removed enum value in a response': h => { item(h).properties.type.enum = ['extension']; },
  'a removed enum value of a parameter': h => { list(h).parameters[1].schema.enum = ['number']; },
  'a new required parameter': h => list(h).parameters.push({ name: 'keyword', in: 'query', required: true, schema: { type: 'string' } }),
  'an optional parameter made required': h => { list(h).parameters[1].required = true; },
  'a narrowed constraint (minimum raised)': h => { list(h).parameters[0].schema.minimum = 2; },
  'a widened response constraint (maxItems raised)': h => { body(h).schema.allOf[1].properties.data.maxItems = 500; },
  'a changed pattern': h => { item(h).properties.number.pattern = '^[0-9]{4}$'; },
  'a changed type': h => { item(h).properties.id.type = 'string'; },
  'a changed format': h => { body(h).schema.allOf[0].properties.errcode.format = 'int64'; },
  'a removed parameter': h => list(h).parameters.pop(),
  'a removed named example': h => { body(h).examples = {}; },
  'a response field made optional': h => { item(h).required = []; },
  'a removed response status': h => { list(h).responses = { 201: { description: 'created' } }; },
  'a newly secured operation': h => delete h.paths['/openapi/v1.0/get_token'].post.security,
  'an optional integer field made required (Integer becomes int)': h => { item(h).required.push('seats'); },
};

for (const [kind, edit] of Object.entries(breakingKinds)) {
  test(`${kind} is breaking`, () => {
    const changes = changed(edit);
    assert.ok(changes.some(c => c.breaking), JSON.stringify(changes, null, 2));
  });
}

const additiveKinds = {
  'a new optional parameter': h => list(h).parameters.push({ name: 'keyword', in: 'query', schema: { type: 'string' } }),
  'a new response field': h => { item(h).properties.members = { type: 'array', items: { type: 'string' } }; },
  'a new named example': h => { body(h).examples.empty = { value: { errcode: 0, data: [] } }; },
  'a new enum value in a response': h => item(h).properties.type.enum.push('ring_group'),
  'a narrowed response constraint (maxItems lowered)': h => { body(h).schema.allOf[1].properties.data.maxItems = 50; },
  'a widened request constraint (minimum lowered)': h => { list(h).parameters[0].schema.minimum = 0; },
  'a new path': h => { h.paths['/openapi/v1.0/conference/get'] = { get: { responses: { 200: { description: 'ok' } } } }; },
  'a changed description': h => { list(h).description = 'Lists conferences.'; },
};

for (const [kind, edit] of Object.entries(additiveKinds)) {
  test(`${kind} is not breaking, and is reported`, () => {
    const changes = changed(edit);
    assert.ok(changes.length > 0, 'the change is reported');
    assert.deepEqual(changes.filter(c => c.breaking), []);
  });
}

test('an unchanged spec has no changes', () => {
  assert.deepEqual(compare(base(), base()), []);
});

test('flattened allOf compares like the object it stands for', () => {
  const head = base();
  const [envelope, page] = body(head).schema.allOf;
  body(head).schema = {
    type: 'object',
    required: envelope.required,
    properties: { ...envelope.properties, ...page.properties },
  };
  assert.deepEqual(compare(base(), head).filter(c => c.breaking), []);
});

test('only a major bump acknowledges breaking changes', () => {
  assert.equal(majorBumped('1.0.0', '2.0.0'), true);
  assert.equal(majorBumped('1.0.0', '1.9.0'), false);
  assert.equal(majorBumped('2.1.0', '2.1.0'), false);
});

test('every change says what it does to SDK callers, frontend teams and the wire', () => {
  for (const edit of [...Object.values(breakingKinds), ...Object.values(additiveKinds)]) {
    for (const c of changed(edit)) {
      for (const audience of ['sdk', 'frontend', 'wire']) {
        assert.equal(typeof c[audience], 'string', `${c.where}: ${c.what} has no ${audience} impact`);
        assert.ok(c[audience].length > 0);
      }
      assert.ok(!c.where.includes('`'), `a code span cannot hold ${c.where}`);
    }
  }
});

test('a removed response enum value names the Java constant that goes', () => {
  const [change] = changed(h => { item(h).properties.type.enum = ['extension']; });
  assert.equal(change.where, 'GET /openapi/v1.0/conference/list → 200 body.data[].type');
  assert.equal(change.what, 'enum value ext_group removed');
  assert.match(change.sdk, /^ModeratorType\.EXT_GROUP is removed: a source and binary break/);
  assert.equal(change.frontend, 'the mock\'s examples that use ext_group stop validating, and the simulator must stop generating ext_group (its answers would fail the proxy\'s validation)');
});

test('a required integer made optional changes the accessor type from int to Integer', () => {
  const changes = changed(h => { item(h).required = []; });
  const change = changes.find(c => c.what === 'field id is now optional');
  assert.equal(change.breaking, true);
  assert.equal(change.sdk, 'Moderator.id() changes from int to Integer and may be null: a source and binary break');
});

test('a removed parameter enum value is flagged by the mock', () => {
  const [change] = changed(h => { list(h).parameters[1].schema.enum = ['number']; });
  assert.equal(change.where, 'GET /openapi/v1.0/conference/list query parameter sort_by');
  assert.match(change.frontend, /npm start flags requests with name \(sl-violations header\)/);
  assert.match(change.wire, /requests with name are rejected/);
});
