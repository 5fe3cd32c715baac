// The errcode → exception table as the SDK jar has it: javap disassembles the generated switch
// (errcodes.mustache renders `case CODE -> new Exception(...)`), so a changed mapping is seen in
// the built code, not only in the spec's x-errcodes. No API diff sees it: the signatures are the
// same, while callers' catch blocks stop matching. The class is found by name (…Errcodes), in
// whichever package the runtime keeps it.
import { spawnSync } from 'node:child_process';

/**
 * Reads `javap -c` output: for each lookupswitch or tableswitch whose cases construct exceptions,
 * { code: ExceptionSimpleName }, with `default` under the key 'default'. Null when there is none.
 */
export function parseErrcodeSwitch(javap) {
  const lines = javap.split('\n');
  let best = null;
  for (let i = 0; i < lines.length; i++) {
    if (!/:\s+(lookupswitch|tableswitch)\s+\{/.test(lines[i])) continue;
    const targets = {};
    let j = i + 1;
    for (; j < lines.length && !/^\s*\}/.test(lines[j]); j++) {
      const m = lines[j].match(/^\s*(-?\d+|default):\s*(\d+)\s*$/);
      if (m) targets[m[1]] = Number(m[2]);
    }
    // The instructions after the switch, by offset: the first `new` at or after each target.
    const news = lines.slice(j).map(l => l.match(/^\s*(\d+): new\s+#\d+\s+\/\/ class (\S+)/)).filter(Boolean)
      .map(m => ({ offset: Number(m[1]), type: m[2].split('/').pop().replaceAll('$', '.') }));
    const table = {};
    for (const [code, offset] of Object.entries(targets)) {
      const made = news.find(n => n.offset >= offset);
      if (made && /Exception$/.test(made.type)) table[code] = made.type;
    }
    if (Object.keys(table).length > Object.keys(best ?? {}).length) best = table;
  }
  return best;
}

/** The table of the jar's …Errcodes class, or null when the jar has none (or javap is missing). */
export function errcodeTable(jar) {
  const list = spawnSync('jar', ['tf', jar], { encoding: 'utf8' });
  const entry = (list.stdout ?? '').split('\n').find(e => /(^|\/)Errcodes\.class$/.test(e.trim()));
  if (!entry) return null;
  const name = entry.trim().replace(/\.class$/, '').replaceAll('/', '.');
  const javap = spawnSync('javap', ['-c', '-p', '-cp', jar, name], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return javap.status === 0 ? parseErrcodeSwitch(javap.stdout) : null;
}

/** [{ code, was, now }] for each code whose exception differs; a code missing on a side takes its default. */
export function compareErrcodeTables(before, after) {
  if (!before || !after) return [];
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(c => c !== 'default').sort((a, b) => a - b);
  const of = (table, code) => table[code] ?? table.default ?? 'none';
  const changed = codes.filter(c => of(before, c) !== of(after, c)).map(c => ({ code: c, was: of(before, c), now: of(after, c) }));
  if (before.default !== after.default) changed.push({ code: 'default', was: before.default ?? 'none', now: after.default ?? 'none' });
  return changed;
}
