// Where the spec is, and what the mock reads from it (spec-index.mjs): its operations and the
// named examples of their answers, so that `Prefer: example=<name>` serves exactly what the spec
// shows and an operation added to the spec needs no code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { indexSpec } from './spec-index.mjs';

export { indexSpec, findOperation } from './spec-index.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The spec as the repository keeps it: openapi/openapi.yaml beside mock/. */
export const REPOSITORY_SPEC = join(mockDir, '..', 'openapi', 'openapi.yaml');
/** The copy of it that `npm pack` puts into the package (scripts/prepack.mjs). */
export const PACKAGED_SPEC = join(mockDir, 'openapi.yaml');
/** True in the repository (package-lock.json is never packed), false in an installed package. */
export const IN_REPOSITORY = existsSync(join(mockDir, 'package-lock.json'));

/**
 * The spec the mock serves by default: the packaged copy in an installed package; the
 * repository's own file in the repository, also while `npm pack` has a copy beside it, so that
 * edits reach a running mock and a copy left behind by an interrupted pack can never hide them.
 */
export const SPEC_PATH = IN_REPOSITORY ? REPOSITORY_SPEC : PACKAGED_SPEC;

/** Map of "GET /openapi/v1.0/conference/list" to { exampleName: body }, from the spec file. */
export function loadExamples(specPath = SPEC_PATH) {
  return new Map(indexSpec(parse(readFileSync(specPath, 'utf8'))).map(op => [op.key, op.examples]));
}
