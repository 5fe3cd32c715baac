// A private copy of the spec for tests that edit it while the mock runs, optionally with an
// extra operation (GET /openapi/v1.0/conference/get?id=) answered only by its named examples.
// Not a test file: node --test runs only *.test.mjs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { mockDir } from './support.mjs';

export const ORIGINAL = readFileSync(join(mockDir, '..', 'openapi', 'openapi.yaml'), 'utf8');

/** The spec with GET /openapi/v1.0/conference/get: the envelope plus one Conference, two examples. */
export function withConferenceGet(text = ORIGINAL) {
  const spec = parse(text);
  spec.paths['/openapi/v1.0/conference/get'] = {
    get: {
      operationId: 'getConference',
      summary: 'One conference by id',
      parameters: [
        { $ref: '#/components/parameters/UserAgent' },
        { name: 'id', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      responses: {
        200: {
          description: 'The conference, or the failure.',
          content: {
            'application/json': {
              schema: {
                allOf: [{ $ref: '#/components/schemas/ApiResult' }, {
                  type: 'object',
                  properties: { data: { $ref: '#/components/schemas/Conference' } },
                }],
              },
              examples: {
                found: { value: { errcode: 0, errmsg: 'SUCCESS', data: { id: 7, name: 'Design Review', number: '6506' } } },
                missing: { value: { errcode: -1, errmsg: 'FAILURE' } },
              },
            },
          },
        },
      },
    },
  };
  return stringify(spec);
}

/** A directory with openapi.yaml holding `text`; { path, write(text), remove() }. */
export function specCopy(text = ORIGINAL) {
  const dir = mkdtempSync(join(tmpdir(), 'mock-spec-test-'));
  const path = join(dir, 'openapi.yaml');
  writeFileSync(path, text);
  return { path, write: next => writeFileSync(path, next), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
