// What the generator reads that no API diff and no wire diff sees: the errcode → exception table
// (x-errcodes), which component schemas stay out of the public API (x-sdk-internal), and the
// envelope's roles (x-envelope-*), all read by generator-templates/. A changed mapping changes
// which exception a caller's catch block receives, without changing a single signature.
import { NAME } from './spec-java.mjs';

const NONE = 'none';
const SDK_ONLY = { impact: { sdk: true, frontend: false, wire: false } };
const FALLBACK = 'ApiErrorException';

/** Compares the generator's extensions of every component schema and its properties. */
export function compareGenerator(base, head, add) {
  const before = base.components?.schemas ?? {};
  const after = head.components?.schemas ?? {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[name] ?? {};
    const now = after[name] ?? {};
    compareErrcodes(name, was['x-errcodes'], now['x-errcodes'], add);
    if (Boolean(was['x-sdk-internal']) !== Boolean(now['x-sdk-internal']) && before[name] && after[name]) {
      add(true, `schema ${name}`, now['x-sdk-internal'] ? 'now internal (x-sdk-internal)' : 'now public (x-sdk-internal dropped)',
        now['x-sdk-internal'] ? `${name} leaves the public API: a source and binary break for code that names it` : `${name} joins the public API`,
        NONE, NONE, now['x-sdk-internal'] ? SDK_ONLY : { impact: { sdk: false, frontend: false, wire: false } });
    }
    if (Boolean(was['x-request-only']) !== Boolean(now['x-request-only']) && before[name] && after[name]) {
      add(true, `schema ${name}`, now['x-request-only'] ? 'now request-only (x-request-only)' : 'no longer request-only (x-request-only dropped)',
        now['x-request-only'] ? `${name} loses its stand-in for unknown values (value(), known()): a source break for code that reads them`
          : `${name} gains a stand-in for unknown values: switch statements over it must handle UNKNOWN`,
        NONE, NONE, SDK_ONLY);
    }
    for (const [where, key, from, to] of extensionChanges(name, was, now)) {
      add(true, where, `${key} changed from ${from} to ${to}`,
        'the generated envelope handling reads another field: how answers are judged a success or a failure changes',
        NONE, NONE, SDK_ONLY);
    }
  }
}

function compareErrcodes(schema, beforeList, afterList, add) {
  if (!beforeList && !afterList) return;
  const table = list => new Map((list ?? []).map(e => [e.code, e]));
  const was = table(beforeList);
  const now = table(afterList);
  const where = code => `errcode ${code} (${schema} x-errcodes)`;
  for (const [code, entry] of was) {
    const later = now.get(code);
    const from = entry.exception ?? FALLBACK;
    const to = later?.exception ?? FALLBACK;
    if (from !== to) {
      add(true, where(code), `now becomes ${to} instead of ${from}${later ? '' : ' (the code is no longer listed)'}`,
        `callers' catch (${from} e) blocks no longer see errcode ${code}; it arrives as ${to}`,
        NONE, NONE, SDK_ONLY);
    } else if (!later) {
      add(false, where(code), 'no longer listed', `still ${FALLBACK}; its message is no longer documented`, NONE, NONE);
    } else if (entry.errmsg !== later.errmsg || entry.meaning !== later.meaning) {
      add(false, where(code), 'documentation changed', 'Javadoc only', 'documentation only', NONE);
    }
  }
  for (const [code, entry] of now) {
    if (was.has(code)) continue;
    const to = entry.exception ?? FALLBACK;
    add(to !== FALLBACK, where(code), `added, as ${to}`,
      to === FALLBACK ? `arrives as ${FALLBACK}, as an unlisted code did` : `arrives as ${to} where it was an ${FALLBACK}: catch blocks for ${FALLBACK} no longer see it`,
      `the mock may answer errcode ${code}: screens should say what ${entry.errmsg ?? 'it'} means`, NONE,
      { impact: { sdk: to !== FALLBACK, frontend: false, wire: false } });
  }
}

/** [where, key, from, to] for each x-envelope-* or x-sdk-* extension that changed, other than those above. */
function extensionChanges(name, was, now) {
  const found = [];
  const skip = new Set(['x-errcodes', 'x-sdk-internal', 'x-request-only', NAME]);
  const visit = (where, a, b) => {
    for (const key of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
      if (!/^x-(sdk|envelope)-/.test(key) || skip.has(key)) continue;
      const from = JSON.stringify(a?.[key] ?? null);
      const to = JSON.stringify(b?.[key] ?? null);
      if (from !== to) found.push([where, key, from, to]);
    }
  };
  visit(`schema ${name}`, was, now);
  for (const prop of new Set([...Object.keys(was.properties ?? {}), ...Object.keys(now.properties ?? {})])) {
    visit(`schema ${name}.${prop}`, was.properties?.[prop], now.properties?.[prop]);
  }
  return found;
}
