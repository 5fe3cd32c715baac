// The named examples are the mock's scenarios: frontend teams build screens and fixtures on them.
// This lists which ones changed between two versions and which no longer validate against the
// new schema (Ajv, the validator Spectral and Prism use too), so that a reviewer sees both.
import Ajv from 'ajv';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every named response example of a dereferenced document: [{ where, name, value, schema }]. */
function examples(doc) {
  const found = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          for (const [name, example] of Object.entries(media.examples ?? {})) {
            const where = `${method.toUpperCase()} ${path} → ${status} ${type}`;
            found.push({ key: `${where} ${name}`, where, name, value: example.value, schema: media.schema });
          }
        }
      }
    }
  }
  return found;
}

function validator() {
  // strict: false lets OpenAPI's own keywords (example, x-faker, discriminator) pass; formats
  // such as int32 and password say nothing a type does not.
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  return (schema, value) => {
    const validate = ajv.compile(schema ?? {});
    if (validate(value)) return null;
    const [error] = validate.errors;
    const detail = error.params?.allowedValues ? `: ${error.params.allowedValues.join(', ')}` : '';
    return `${error.instancePath || '/'} ${error.message}${detail}`;
  };
}

/**
 * Returns { changed: [{ where, name }], invalid: [{ where, name, error, before }] }: the examples
 * of `head` whose value differs from `base`'s, and those that do not validate against `head`'s
 * schema, with `before` saying whether the same example validated in `base`.
 */
export function reviewExamples(base, head) {
  const check = validator();
  const old = new Map((base ? examples(base) : []).map(e => [e.key, e]));
  const changed = [];
  const invalid = [];
  for (const example of examples(head)) {
    const previous = old.get(example.key);
    if (previous && JSON.stringify(previous.value) !== JSON.stringify(example.value)) {
      changed.push({ where: example.where, name: example.name });
    }
    const error = check(example.schema, example.value);
    if (error) {
      const before = previous ? (check(previous.schema, previous.value) === null ? 'valid' : 'invalid') : 'new';
      invalid.push({ where: example.where, name: example.name, error, before });
    }
  }
  return { changed, invalid };
}
