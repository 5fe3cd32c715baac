// Run by npm around `npm pack` and `npm publish` (prepack, and postpack with --clean): puts into
// the mock's directory what the package carries besides the code, and removes it afterwards.
// Both are gitignored; tracked files are never written.
// - openapi.yaml: the spec, copied from ../openapi/openapi.yaml, served by the installed mock;
// - openapi.json: the same document as JSON, for the MSW handlers in a browser (no YAML parser);
// - types/openapi.d.ts: TypeScript types generated from it by openapi-typescript, so that a
//   frontend's calls are typed by the same spec the mock validates against.
import { mkdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const specSource = join(mockDir, '..', 'openapi', 'openapi.yaml');
const specCopy = join(mockDir, 'openapi.yaml');
const specJson = join(mockDir, 'openapi.json');
const typesDir = join(mockDir, 'types');

/** Writes through a temporary file and a rename, so no reader ever sees half a file. */
function writeWhole(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

/** The TypeScript declarations of the spec at `specFile`: `paths`, `components`, `operations`. */
export async function generateTypes(specFile) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const version = JSON.parse(readFileSync(join(mockDir, 'node_modules', 'openapi-typescript', 'package.json'), 'utf8')).version;
  const header = `// Generated from openapi.yaml by openapi-typescript ${version} when this package was packed.\n`
    + '// Do not edit: change the spec instead.\n\n';
  return header + astToString(await openapiTS(pathToFileURL(specFile)));
}

if (process.argv.includes('--clean')) {
  rmSync(specCopy, { force: true });
  rmSync(specJson, { force: true });
  rmSync(typesDir, { recursive: true, force: true });
} else {
  const spec = readFileSync(specSource, 'utf8');
  writeWhole(specCopy, spec);
  const { parse } = await import('yaml');
  writeWhole(specJson, `${JSON.stringify(parse(spec), null, 2)}\n`);
  writeWhole(join(typesDir, 'openapi.d.ts'), await generateTypes(specCopy));
}
