// Checks the MSW handlers' answers against the spec with Ajv, for tests and development builds
// (Ajv is a CommonJS package: a bundler or Node loads it; msw.mjs itself needs none of it).
import Ajv from 'ajv';

/** A copy of `node` whose local $refs ("#/components/...") point into the schema named `id`. */
function rebase(node, id) {
  if (Array.isArray(node)) return node.map(item => rebase(item, id));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) =>
    [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${id}${value}` : rebase(value, id)]));
}

/**
 * A `validate(operationKey, status, body)` for createHandlers(): the list of problems
 * ("/data/0/number must match pattern ...") of `body` against the JSON schema of that answer in
 * `spec` (a parsed OpenAPI 3.0 document); empty when it matches or the spec has no schema.
 */
export function createValidator(spec) {
  // strict: false, as OpenAPI schemas carry keywords (example, nullable, x-*) that JSON Schema has not.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int32', { type: 'number', validate: n => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: n => Number.isInteger(n) });
  ajv.addSchema({ components: spec.components ?? {} }, 'spec');
  const compiled = new Map();
  return (operationKey, status, body) => {
    const [method, path] = operationKey.split(' ');
    const responses = spec.paths?.[path]?.[method.toLowerCase()]?.responses ?? {};
    const schema = (responses[String(status)] ?? responses.default)?.content?.['application/json']?.schema;
    if (!schema) return [];
    const key = `${operationKey} ${status}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(rebase(schema, 'spec')));
    const valid = compiled.get(key);
    return valid(body) ? [] : valid.errors.map(e => `${e.instancePath || '(the body)'} ${e.message}`);
  };
}
