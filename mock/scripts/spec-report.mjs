// Renders the spec review as Markdown: the two versions compared, lint, each change with what it
// does to SDK callers, frontend teams and the wire, the examples, and the verdict. The text
// depends only on its inputs (no times, no absolute paths), so that a rerun on the same commits
// gives the same pull request comment. Code spans never nest: `where` holds no backtick, and
// tool output goes in indented blocks.

/** The first line of the pull request comment, which the workflow looks for to update it. */
export const MARKER = '<!-- spec-review: openapi/openapi.yaml -->';

const MAX_OUTPUT_LINES = 40;

function indented(output) {
  const lines = output.split('\n');
  const shown = lines.slice(0, MAX_OUTPUT_LINES);
  if (lines.length > shown.length) shown.push(`(${lines.length - shown.length} more lines in the report artifact)`);
  return shown.map(l => (l ? `    ${l}` : '')).join('\n');
}

function detailed(c, n) {
  return [
    `### ${n}. \`${c.where}\``,
    '',
    `${c.what[0].toUpperCase()}${c.what.slice(1)}.`,
    '',
    `- SDK callers: ${c.sdk}.`,
    `- Frontend teams: ${c.frontend}.`,
    `- Wire: ${c.wire}.`,
    '',
  ];
}

const brief = c => `- \`${c.where}\`: ${c.what}. SDK: ${c.sdk}. Frontend: ${c.frontend}. Wire: ${c.wire}.`;

function nextMajor(version) {
  const major = Number.parseInt(String(version ?? '0').split('.')[0], 10) || 0;
  return `${major + 1}.0.0`;
}

/**
 * `review`: { base: { label, version } | null, head: { label, version }, alsoChanged: [path],
 * lint: [{ tool, config, ok, output }], changes, examples: { changed, invalid }, acknowledged,
 * docs: { ok, output } }.
 */
export function renderReport(review) {
  const { base, head, lint, changes, examples, acknowledged, docs } = review;
  const breaking = changes.filter(c => c.breaking);
  const other = changes.filter(c => !c.breaking);
  const lintFails = lint.some(l => !l.ok);
  const unacknowledged = breaking.length > 0 && !acknowledged;
  const out = ['# Spec review: openapi/openapi.yaml', ''];
  out.push(base
    ? `Compared version ${base.version} at ${base.label} with version ${head.version} at ${head.label}.`
    : `No spec at ${review.baseRef} to compare with (${head.label} is the first version): every operation is new.`, '');
  if (review.alsoChanged?.length) {
    out.push(`Also changed since the base: ${review.alsoChanged.map(f => `\`${f}\``).join(', ')}. ` +
      'What they change in the generated Java or in the lint is not compared here: the CI build compiles, lints and tests it.', '');
  }

  out.push('## Lint', '');
  for (const l of lint) out.push(`- ${l.tool} (${l.config}): ${l.ok ? 'no problems' : 'problems found, below'}.`);
  for (const l of lint.filter(x => !x.ok)) out.push('', `${l.tool} says:`, '', indented(l.output));
  out.push('');

  out.push(`## Breaking changes (${breaking.length})`, '');
  if (breaking.length === 0) out.push('None.', '');
  breaking.forEach((c, i) => out.push(...detailed(c, i + 1)));

  out.push(`## Other changes (${other.length})`, '');
  out.push(...(other.length ? other.map(brief) : ['None.']), '');

  out.push('## Examples', '');
  out.push(examples.changed.length
    ? `Changed: ${examples.changed.map(e => `${e.name} (\`${e.where}\`)`).join(', ')}.`
    : 'Changed: none.');
  out.push('');
  if (examples.invalid.length === 0) out.push('Every named example validates against the new schema.');
  else out.push('Not valid against the new schema:', '');
  for (const e of examples.invalid) {
    const was = { valid: 'it validated before', invalid: 'it did not validate before either', new: 'it is new' }[e.before];
    out.push(`- ${e.name} (\`${e.where}\`) does not validate: ${e.error} (${was}).`);
  }
  out.push('');

  out.push('## Verdict', '');
  const reasons = [];
  if (lintFails) reasons.push('the lint fails');
  if (unacknowledged) reasons.push(`${breaking.length} breaking change${breaking.length === 1 ? ' is' : 's are'} not acknowledged`);
  if (reasons.length) out.push(`**Not ready:** ${reasons.join(', and ')}.`);
  else if (breaking.length) out.push(`**Ready.** The breaking changes are acknowledged by the major version ${head.version}.`);
  else out.push('**Ready.** Nothing breaks SDK callers, frontend teams or the wire.');
  out.push('');
  out.push(
    `To acknowledge a breaking change, raise the major version of info.version in openapi/openapi.yaml in the same pull request (${base?.version ?? head.version} to ${nextMajor(base?.version ?? head.version)}): ` +
      'the next SDK and mock releases are then major ones. To avoid the break instead, keep what was there ' +
      '(an enum value, a field, an example) and add beside it.',
  );
  out.push('');
  out.push(docs.ok
    ? 'Rendered docs of the new spec: index.html in the spec-review artifact (target/spec-review/ locally).'
    : `The rendered docs could not be built:\n\n${indented(docs.output)}`);
  out.push('');
  return { markdown: out.join('\n'), failed: lintFails || unacknowledged };
}

/** The pull request comment: the marker, then the report. */
export function commentBody(markdown) {
  return `${MARKER}\n${markdown}`;
}
