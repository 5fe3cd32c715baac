// The examples section of the spec review: which named examples changed, and which no longer
// validate against the new schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewExamples } from '../scripts/spec-examples.mjs';

const doc = (typeEnum, later) => ({
  paths: {
    '/list': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { type: { type: 'string', enum: typeEnum }, count: { type: 'integer', nullable: true } },
                },
                examples: { seed: { value: { type: 'extension', count: null } }, later: { value: later } },
              },
            },
          },
        },
      },
    },
  },
});

test('an example that validated before and not now is listed with the reason', () => {
  const base = doc(['extension', 'ext_group'], { type: 'ext_group' });
  const head = doc(['extension'], { type: 'ext_group' });
  assert.deepEqual(reviewExamples(base, head), {
    changed: [],
    invalid: [{ where: 'GET /list → 200 application/json', name: 'later', before: 'valid',
      error: '/type must be equal to one of the allowed values: extension' }],
  });
});

test('a changed example is listed, and a valid one is not called invalid', () => {
  const base = doc(['extension', 'ext_group'], { type: 'ext_group' });
  const head = doc(['extension', 'ext_group'], { type: 'extension' });
  assert.deepEqual(reviewExamples(base, head), { changed: [{ where: 'GET /list → 200 application/json', name: 'later' }], invalid: [] });
});

test('without a base every example is new', () => {
  const { invalid } = reviewExamples(null, doc(['extension'], { type: 'bogus' }));
  assert.equal(invalid[0].before, 'new');
});
