// Fixture pairs for the spec review: each breaking kind is flagged, additive changes are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, majorBumped } from '../scripts/spec-diff.mjs';

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
                            required: ['id'],
                            properties: {
                              id: { type: 'integer' },
                              number: { type: 'string', pattern: '^[0-9]{1,6}$' },
                              type: { type: 'string', enum: ['extension', 'ext_group'] },
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
  'a narrowed constraint (maxItems lowered)': h => { body(h).schema.allOf[1].properties.data.maxItems = 50; },
  'a changed pattern': h => { item(h).properties.number.pattern = '^[0-9]{4}$'; },
  'a changed type': h => { item(h).properties.id.type = 'string'; },
  'a changed format': h => { body(h).schema.allOf[0].properties.errcode.format = 'int64'; },
  'a removed parameter': h => list(h).parameters.pop(),
  'a removed named example': h => { body(h).examples = {}; },
  'a response field made optional': h => { item(h).required = []; },
  'a removed response status': h => { list(h).responses = { 201: { description: 'created' } }; },
  'a newly secured operation': h => delete h.paths['/openapi/v1.0/get_token'].post.security,
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
  'a widened constraint': h => { body(h).schema.allOf[1].properties.data.maxItems = 500; },
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
