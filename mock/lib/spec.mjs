// Where the spec is, and the named examples of its 200 answers, by operation, so that
// `Prefer: example=<name>` serves exactly what the spec shows, and new examples need no code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The spec as the repository keeps it: openapi/openapi.yaml beside mock/. */
export const REPOSITORY_SPEC = join(mockDir, '..', 'openapi', 'openapi.yaml');
/** The copy of it that `npm pack` puts into the package (scripts/prepack.mjs). */
export const PACKAGED_SPEC = join(mockDir, 'openapi.yaml');

/**
 * The spec the mock serves: the packaged copy in an installed package, which has no
 * package-lock.json (npm never packs one); the repository's own file in the repository, also
 * while `npm pack` has a copy beside it, so that edits reach a running mock (Prism reloads the
 * file) and a copy left behind by an interrupted pack can never hide them.
 */
export const SPEC_PATH = existsSync(join(mockDir, 'package-lock.json')) ? REPOSITORY_SPEC : PACKAGED_SPEC;

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
