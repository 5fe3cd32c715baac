// `npm run spec:review --prefix mock -- [BASE_GIT_REF]`: lints openapi/openapi.yaml, compares it
// with its version at BASE_GIT_REF (default: the previous commit), and writes
// target/spec-review/report.md and target/spec-review/index.html (the rendered docs). Exits 1 on
// a lint error, or on a breaking change that a major bump of info.version does not acknowledge.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';
import { compare, majorBumped } from './spec-diff.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(mockDir, '..');
const spec = join(root, 'openapi', 'openapi.yaml');
const out = join(root, 'target', 'spec-review');
const bin = name => join(mockDir, 'node_modules', '.bin', name);
const baseRef = process.argv[2] || 'HEAD~1';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

ensureInstalled();
mkdirSync(out, { recursive: true });

// 1. Lint, both tools, keeping their words for the report.
const spectral = run(bin('spectral'), ['lint', '--fail-severity=warn', '--ruleset', '.spectral.yaml', 'openapi/openapi.yaml']);
const redocly = run(bin('redocly'), ['lint', '--config', 'redocly.yaml', 'openapi/openapi.yaml'], {
  env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' },
});

// 2. Both versions, dereferenced, so that the comparison sees every $ref resolved.
function bundle(source, name) {
  const target = join(out, `${name}.json`);
  const bundled = run(bin('redocly'), ['bundle', source, '--dereferenced', '--ext', 'json', '-o', target]);
  if (!bundled.ok) throw new Error(`cannot bundle ${source}:\n${bundled.output}`);
  return JSON.parse(readFileSync(target, 'utf8'));
}
const baseText = run('git', ['show', `${baseRef}:openapi/openapi.yaml`]);
let base = null;
if (baseText.ok) {
  const baseFile = join(out, 'base.yaml');
  writeFileSync(baseFile, baseText.output + '\n');
  base = bundle(baseFile, 'base');
}
const head = bundle(spec, 'head');
const changes = base ? compare(base, head) : [];
const breaking = changes.filter(c => c.breaking);
const acknowledged = base !== null && majorBumped(base.info?.version, head.info?.version);

// 3. The rendered docs of the new spec.
const docs = run(bin('redocly'), ['build-docs', 'openapi/openapi.yaml', '-o', join(out, 'index.html')]);

// 4. The report.
const line = c => `- ${c.breaking ? '**Breaking:** ' : ''}\`${c.where}\`: ${c.what}.`;
const failed = !spectral.ok || !redocly.ok || (breaking.length > 0 && !acknowledged);
const report = [
  `# Spec review: \`openapi/openapi.yaml\``,
  '',
  base
    ? `Compared with \`${baseRef}\`: version ${base.info?.version} → ${head.info?.version}.`
    : `No spec at \`${baseRef}\` to compare with: every operation is new.`,
  '',
  '## Lint',
  '',
  `- Spectral (\`.spectral.yaml\`): ${spectral.ok ? 'no problems' : 'problems found'}.`,
  `- Redocly (\`redocly.yaml\`): ${redocly.ok ? 'valid' : 'problems found'}.`,
  ...(spectral.ok ? [] : ['', '```', spectral.output, '```']),
  ...(redocly.ok ? [] : ['', '```', redocly.output, '```']),
  '',
  `## Breaking changes (${breaking.length})`,
  '',
  ...(breaking.length ? breaking.map(line) : ['None.']),
  '',
  `## Other changes (${changes.length - breaking.length})`,
  '',
  ...(changes.length - breaking.length ? changes.filter(c => !c.breaking).map(line) : ['None.']),
  '',
  '## Verdict',
  '',
  failed
    ? `**Not ready.** ${!spectral.ok || !redocly.ok ? 'Lint fails. ' : ''}${
        breaking.length && !acknowledged
          ? `${breaking.length} breaking change(s) without a major bump of info.version.`
          : ''
      }`.trim()
    : breaking.length
      ? `Ready: the breaking changes are acknowledged by the major version ${head.info?.version}.`
      : 'Ready: nothing breaks generated clients or the mock\'s users.',
  '',
  `Rendered docs: \`target/spec-review/index.html\`${docs.ok ? '' : ' (could not be built: ' + docs.output + ')'}.`,
  '',
].join('\n');
writeFileSync(join(out, 'report.md'), report);
console.log(report);
console.log(`Written: ${relative(root, join(out, 'report.md'))}, ${relative(root, join(out, 'index.html'))}`);
process.exit(failed ? 1 : 0);
