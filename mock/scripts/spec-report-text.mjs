// The report's small pieces of Markdown: code spans that nothing can break out of, lines wrapped
// to a readable width, tool output in indented blocks, and changes grouped so that a change to a
// shared schema or parameter is said once with every operation it reaches.

export const WIDTH = 100;
const MAX_SPAN = 200;
const MAX_OUTPUT_LINES = 60;
const MAX_OUTPUT_WIDTH = 160;

/**
 * A code span of any text: one line, no backtick (a backtick could close the span and let the
 * rest act as Markdown or HTML), at most 200 characters.
 */
export function code(text) {
  let s = String(text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replaceAll('`', "'").trim();
  if (s.length > MAX_SPAN) s = `${s.slice(0, MAX_SPAN - 1)}…`;
  return `\`${s || ' '}\``;
}

/** Words of a line, a code span with its neighbouring punctuation counting as one word. */
const words = line => line.match(/(?:`[^`]*`|[^\s`])+/g) ?? [];

/** `text` wrapped at WIDTH: the first line as it starts, the next ones after `indent`. */
export function wrap(text, indent, width = WIDTH) {
  const lead = text.match(/^\s*/)[0];
  const lines = [];
  let line = lead;
  for (const word of words(text)) {
    const blank = line.trim() === '';
    if (!blank && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = blank ? line + word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** Tool output as an indented code block: literal text, at most 60 lines of 160 characters. */
export function indented(output) {
  const lines = String(output ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').split('\n');
  const shown = lines.slice(0, MAX_OUTPUT_LINES).map(l => (l.length > MAX_OUTPUT_WIDTH ? `${l.slice(0, MAX_OUTPUT_WIDTH - 1)}…` : l));
  if (lines.length > shown.length) shown.push(`(${lines.length - shown.length} more lines in report.md of the artifact)`);
  return shown.map(l => (l ? `    ${l}` : '')).join('\n');
}

const operationOf = where => where.match(/^[A-Z]+ \S+/)?.[0] ?? where;

/**
 * Changes grouped by place and kind: one group per change to a shared component (with `ops`,
 * every operation it reaches) and one per other change. Impacts are joined.
 */
export function group(changes) {
  const groups = new Map();
  for (const c of changes) {
    const key = `${c.shared ?? c.where}|${c.what}|${c.breaking}`;
    const g = groups.get(key);
    if (g) {
      if (!g.ops.includes(operationOf(c.where))) g.ops.push(operationOf(c.where));
      for (const k of Object.keys(g.impact)) g.impact[k] ||= c.impact?.[k] ?? false;
      continue;
    }
    groups.set(key, { ...c, impact: { sdk: false, frontend: false, wire: false, ...c.impact }, ops: [operationOf(c.where)] });
  }
  return [...groups.values()];
}

/**
 * Text that may hold names from a spec (a field, an enum value), made inert: the characters that
 * open HTML, links, images and code escaped, and @mentions and bare links broken with a
 * zero-width space, so that a spec cannot make the comment mention, link or hide anything.
 * Emphasis characters stay: at worst they make a word italic.
 */
export function inert(text) {
  return String(text ?? '')
    .replace(/[\\`<>[\]]/g, c => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('@', '@\u200b')
    .replaceAll('://', ':/\u200b/')
    .replace(/\bwww\./gi, m => `${m.slice(0, 3)}\u200b.`);
}
