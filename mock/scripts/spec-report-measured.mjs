// The measured sections of the report: the SDK's public API compared by japicmp, the TypeScript
// probe compiled against the new types, and the mock's answers replayed. What these carry was
// measured on the pull request's tree, so every name and message goes into a code span.
import { code, wrap } from './spec-report-text.mjs';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const kinds = i => [i.source ? null : 'source', i.binary ? null : 'binary'].filter(Boolean).join(' and ') || 'behaviour';

/** The SDK section, from spec-sdk.mjs's result (null: not run). */
export function renderSdk(sdk) {
  if (!sdk) return [];
  const out = ['### SDK callers, measured', ''];
  if (sdk.status === 'skipped' || sdk.status === 'unavailable') return [...out, ...wrap(`Not measured: ${sdk.reason}.`, ''), ''];
  if (sdk.status === 'broken') {
    out.push(...wrap(`${sdk.reason}${sdk.gates ? '' : ' (the spec alone does not cause it: reported, not gating)'}. ` +
      'Code written against the base SDK that uses what the runtime used stops compiling too.', ''), '');
    for (const e of sdk.compile?.first ?? []) out.push(`- ${code(e)}`);
    return [...out, ''];
  }
  const items = sdk.items ?? [];
  const types = [...new Set(items.map(i => i.type))];
  out.push(...wrap(`japicmp 0.27.0 on the jars built from each side, in ${sdk.packages.map(code).join(', ') || 'every package'}: ` +
    `${plural(items.length, 'incompatible member')} in ${plural(types.length, 'public type')}, ${sdk.added} added.` +
    (items.some(i => !i.gates) ? ' Those marked "not gating" come from the templates or the runtime, not the spec: the SDK\'s own version governs them.' : ''), ''), '');
  for (const type of types) {
    const members = items.filter(i => i.type === type)
      .map(i => `${i.member ? `${code(i.member)} ` : ''}${code(i.what)} (${kinds(i)}${i.gates ? '' : ', not gating'})`);
    out.push(...wrap(`- ${code(type)}: ${members.join('; ')}.`, '  '));
  }
  const errcodes = sdk.errcodes ?? [];
  if (errcodes.length) {
    out.push('', ...wrap(`Errcode → exception in the built jars (javap), unseen by any signature: ${errcodes
      .map(e => `${code(e.code)} becomes ${code(e.now)}, was ${code(e.was)}`).join('; ')}.`, ''));
  }
  return [...out, ''];
}

/** The frontend section: { typescript, simulator }, each { status, reason?, ... } or absent. */
export function renderFrontend(frontend) {
  if (!frontend) return [];
  const out = ['### Frontend teams, measured', ''];
  const ts = frontend.typescript;
  if (ts) {
    if (ts.status !== 'measured') out.push(...wrap(`- TypeScript: not measured: ${ts.reason}.`, '  '));
    else if (ts.errors.length === 0) out.push(...wrap('- TypeScript: a probe that uses every operation, parameter and response field of the base\'s types compiles against the new types.', '  '));
    else {
      out.push(...wrap(`- TypeScript: code written against the base's types (every operation, parameter and response field) gets ${plural(ts.errors.length, 'error')} from tsc against the new types:`, '  '));
      for (const e of ts.errors) out.push(...wrap(`  - ${code(e.where)}: ${code(e.message)}`, '    '));
    }
  }
  const sim = frontend.simulator;
  if (sim) {
    if (sim.status !== 'measured') out.push(...wrap(`- Simulator: not measured: ${sim.reason}.`, '  '));
    else {
      const differ = sim.rows.filter(r => r.before !== r.now);
      out.push(...wrap(`- Simulator (npm start), ${plural(sim.rows.length, 'request')} replayed against the base's and the head's mock: ` +
        `${differ.length ? `${plural(differ.length, 'answer')} changed:` : 'every answer is the same.'}`, '  '));
      // Requests that changed alike are one line.
      const alike = new Map();
      for (const r of differ) {
        const key = JSON.stringify([r.before, r.now, r.examples ?? null]);
        alike.set(key, [...(alike.get(key) ?? []), r]);
      }
      for (const rows of alike.values()) {
        const [r] = rows;
        out.push(...wrap(`  - ${rows.map(x => code(x.request)).join(', ')}: was ${code(r.before)}, now ${code(r.now)}` +
          `${r.examples ? `; npm run start:examples answers ${code(r.examples)}` : ''}.`, '    '));
      }
    }
  }
  return [...out, ''];
}
