// Renders the spec review as Markdown for a reviewer with ten seconds: the verdict and the count
// per audience on the first line, then each breaking item once (a change to a shared schema
// names every operation it reaches), then what was measured, and everything else folded in
// <details>. The text depends only on its inputs (no times, no absolute paths), so that a rerun
// on the same commits gives the same comment. Text measured on a pull request's tree (type
// names, compiler and mock output) is shown only inside code spans or indented blocks, where
// Markdown and HTML do nothing (spec-report-text.mjs).
import { code, group, indented, inert, wrap } from './spec-report-text.mjs';
import { renderFrontend, renderSdk } from './spec-report-measured.mjs';

/** The first line of the pull request comment, which the workflow looks for to update it. */
export const MARKER = '<!-- spec-review: openapi/openapi.yaml -->';
/** The comment's size bound; the whole report is in the artifact. GitHub's own limit is 65,536. */
export const MAX_COMMENT = 30000;

const AUDIENCES = [['sdk', 'SDK callers'], ['frontend', 'Frontend teams'], ['wire', 'Wire']];
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function nextMajor(version) {
  const major = Number.parseInt(String(version ?? '0').split('.')[0], 10) || 0;
  return `${major + 1}.0.0`;
}

/** What gates: a breaking spec change, or an SDK break that the spec causes. */
export function verdictOf(review) {
  const groups = group(review.changes ?? []);
  const breaking = groups.filter(g => g.breaking);
  const sdk = review.sdk ?? {};
  const sdkGating = (sdk.items ?? []).filter(i => i.gates).length + (sdk.status === 'broken' && sdk.gates ? 1 : 0);
  const lintFails = (review.lint ?? []).some(l => !l.ok);
  const unacknowledged = (breaking.length > 0 || sdkGating > 0) && !review.acknowledged;
  const counts = {};
  for (const [key] of AUDIENCES) counts[key] = breaking.filter(g => g.impact[key]).length;
  return { groups, breaking, sdkGating, lintFails, unacknowledged, counts, failed: lintFails || unacknowledged };
}

function headline(review, v) {
  const sdk = review.sdk ?? {};
  const ts = review.frontend?.typescript;
  const measuredSdk = sdk.status === 'measured' ? ` (japicmp: ${plural(sdk.items.length, 'incompatible member')})`
    : sdk.status === 'broken' ? ' (the head SDK does not compile)' : '';
  const measuredTs = ts?.status === 'measured' ? ` (tsc: ${plural(ts.errors.length, 'type error')})` : '';
  const parts = [
    `SDK callers: ${v.counts.sdk} breaking${measuredSdk}`,
    `frontend teams: ${v.counts.frontend} breaking${measuredTs}`,
    `wire: ${v.counts.wire} breaking`,
    `lint: ${v.lintFails ? 'fails' : 'passes'}`,
  ];
  const state = v.failed ? '**Not ready**' : v.breaking.length || v.sdkGating ? '**Ready, breaking and acknowledged**' : '**Ready**';
  return `${state} · ${parts.join(' · ')}`;
}

function breakingItem(g, n, t) {
  const title = g.shared ? `${code(g.shared)}: ${t(g.what)}` : `${code(g.where)}: ${t(g.what)}`;
  const lines = [...wrap(`${n}. ${title}.`, '   ')];
  if (g.shared) lines.push(...wrap(`   Reaches ${g.ops.map(code).join(', ')}.`, '   '));
  for (const [key, label] of AUDIENCES) {
    const text = g[key];
    if (text === 'none' && !g.impact[key]) continue;
    lines.push(...wrap(`   - ${label}${g.impact[key] ? ' (breaks)' : ''}: ${t(text)}.`, '     '));
  }
  return lines;
}

function otherItem(g, t) {
  const at = g.shared ? `${code(g.shared)} (${g.ops.map(code).join(', ')})` : code(g.where);
  const says = AUDIENCES.filter(([key]) => g[key] !== 'none').map(([key, label]) => `${label}: ${t(g[key])}`).join('; ');
  return wrap(`- ${at}: ${t(g.what)}${says ? `. ${says}` : ''}.`, '  ');
}

function details(summary, body) {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

/**
 * `review`: { base: { label, version } | null, baseRef, head: { label, version }, alsoChanged,
 * lint: [{ tool, config, ok, output }], changes, examples: { changed, invalid }, acknowledged,
 * sdk, frontend, docs: { ok, output } }. Returns { markdown, comment, failed }. Text that can
 * carry the spec's names is made inert (a pull request's spec writes them; `List<Moderator>`
 * would otherwise read as an HTML tag), so the comment workflow renders the same text.
 */
export function renderReport(review) {
  const t = inert;
  const { base, head } = review;
  const v = verdictOf(review);
  const out = [headline(review, v), ''];
  const reasons = [];
  if (v.lintFails) reasons.push('the lint fails');
  if (v.unacknowledged) {
    const what = [v.breaking.length ? plural(v.breaking.length, 'breaking change') + ' in the spec' : null,
      v.sdkGating ? `${plural(v.sdkGating, 'SDK API break')} the spec causes` : null].filter(Boolean);
    reasons.push(`${what.join(' and ')}, not acknowledged by a major version`);
  }
  if (reasons.length) out.push(...wrap(`Not ready: ${reasons.join(', and ')}.`, ''), '');
  out.push(...wrap(base
    ? `Spec ${code(base.version)} at ${base.label} → ${code(head.version)} at ${head.label}.`
    : `No spec at ${review.baseRef} to compare with: every operation is new.`, ''), '');

  out.push(`### Breaking (${v.breaking.length})`, '');
  if (v.breaking.length === 0) out.push('None in the spec.', '');
  v.breaking.forEach((g, i) => out.push(...breakingItem(g, i + 1, t)));
  out.push('');
  out.push(...renderSdk(review.sdk), ...renderFrontend(review.frontend));

  const other = v.groups.filter(g => !g.breaking);
  out.push(...details(`Other changes (${other.length})`, other.length ? other.flatMap(g => otherItem(g, t)) : ['None.']));
  const ex = review.examples ?? { changed: [], invalid: [] };
  out.push(...details(`Examples (${ex.changed.length} changed, ${ex.invalid.length} not valid)`, [
    ex.changed.length ? `Changed: ${ex.changed.map(e => `${code(e.name)} (${code(e.where)})`).join(', ')}.` : 'Changed: none.',
    '',
    ...(ex.invalid.length === 0 ? ['Every named example validates against the new schema.'] : ex.invalid.flatMap(e => wrap(
      `- ${code(e.name)} (${code(e.where)}) does not validate: ${code(e.error)} (${{ valid: 'it validated before', invalid: 'it did not validate before either', new: 'it is new' }[e.before]}).`, '  '))),
  ]));
  const lint = review.lint ?? [];
  out.push(...details(`Lint: ${lint.map(l => `${l.tool} ${l.ok ? 'passes' : 'fails'}`).join(', ')}`,
    lint.flatMap(l => [`${l.tool} (${code(l.config)}): ${l.ok ? 'no problems.' : 'problems:'}`, '', ...(l.ok ? [] : [indented(l.output), ''])])));
  if (review.alsoChanged?.length) {
    out.push(...wrap(`Also changed since the base: ${review.alsoChanged.map(code).join(', ')}.`, ''), '');
  }
  out.push(...wrap(`To acknowledge a breaking change, raise the major version of info.version in the same pull request ` +
    `(${base?.version ?? head.version} to ${nextMajor(base?.version ?? head.version)}). To avoid it, keep what was there and add beside it.`, ''), '');
  out.push(review.docs?.ok === false ? 'The rendered docs could not be built: see the report artifact.' : 'Rendered docs and the whole report: the spec-review artifact.', '');
  const markdown = out.join('\n');
  return { markdown, comment: bounded(markdown), failed: v.failed };
}

/** The comment: the marker, then the report, cut at a section boundary to stay within MAX_COMMENT. */
export function bounded(markdown) {
  let body = markdown;
  if (body.length > MAX_COMMENT) {
    const cut = body.lastIndexOf('\n<details>', MAX_COMMENT - 200);
    body = `${body.slice(0, cut > 0 ? cut : MAX_COMMENT - 200)}\n\n(The rest is in report.md in the spec-review artifact.)\n`;
  }
  return `${MARKER}\n${body}`;
}

/** The pull request comment: the marker, then the report. */
export function commentBody(markdown) {
  return bounded(markdown);
}
