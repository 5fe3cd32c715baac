// The named examples of the spec's 200 answers, by operation, read from openapi/openapi.yaml so
// that `Prefer: example=<name>` serves exactly what the spec shows, and new examples need no code.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const SPEC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi', 'openapi.yaml');

/** Map of "GET /openapi/v1.0/conference/list" to { exampleName: body }. */
export function loadExamples(specPath = SPEC_PATH) {
  const spec = parse(readFileSync(specPath, 'utf8'));
  const examples = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const content = operation?.responses?.['200']?.content?.['application/json'];
      if (content) {
        const named = Object.fromEntries(Object.entries(content.examples ?? {}).map(([n, e]) => [n, e.value]));
        examples.set(`${method.toUpperCase()} ${path}`, named);
      }
    }
  }
  return examples;
}
