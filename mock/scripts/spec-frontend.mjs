// Frontend teams, measured in TypeScript: the types the mock's npm package ships are generated
// by openapi-typescript (prepack.mjs); this generates them for the base and the head, writes a
// probe that uses, through the base's types, every operation, parameter, request body and
// response field, and compiles it with tsc against the head's types. Each error says which use
// broke: a response field now of another type or gone, a parameter that must now be sent.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatten } from './spec-diff-schema.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const q = s => JSON.stringify(s);

/** The probe's lines: [{ label, ts }], each use one assignment that compiles only if it still holds. */
export function probeLines(base) {
  const lines = [];
  const use = (label, ts) => lines.push({ label, ts });
  for (const [path, item] of Object.entries(base.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const at = `${method.toUpperCase()} ${path}`;
      const of = side => `${side}[${q(path)}][${q(method)}]`;
      // A request the base's types accept must still be accepted: old requests flow into the new type.
      use(`${at} parameters`, `{ const x: ${of('H')}['parameters'] = null as unknown as ${of('B')}['parameters']; void x; }`);
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        use(`${at} ${p.in} parameter ${p.name}`,
          `{ const x: ${of('H')}['parameters'][${q(p.in)}][${q(p.name)}] = null as unknown as NonNullable<${of('B')}['parameters'][${q(p.in)}]>[${q(p.name)}]; void x; }`);
      }
      if (op.requestBody) use(`${at} request body`, `{ const x: ${of('H')}['requestBody'] = null as unknown as ${of('B')}['requestBody']; void x; }`);
      // An answer of the new types must still read as the base's: new answers flow into old code.
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        for (const [media, content] of Object.entries(response.content ?? {})) {
          const root = side => `${of(side)}['responses'][${q(status)}]['content'][${q(media)}]`;
          fields(content.schema, [], 0, (label, access) => use(`${at} → ${status}${label ? ` ${label}` : ''}`,
            `{ const x: ${access(root('B'))} = null as unknown as ${access(root('H'))}; void x; }`));
        }
      }
    }
  }
  return lines;
}

/** Calls `visit(label, access)` for a schema and each field under it; `access(T)` is the type expression. */
function fields(schema, path, depth, visit) {
  const s = flatten(schema);
  const access = root => path.reduce((t, seg) => (seg === '[]' ? `NonNullable<${t}>[number]` : `NonNullable<${t}>[${q(seg)}]`), root);
  if (depth > 12) return;
  if (s.properties) {
    for (const [name, prop] of Object.entries(s.properties)) fields(prop, [...path, name], depth + 1, visit);
    return;
  }
  if (s.items) return fields(s.items, [...path, '[]'], depth + 1, visit);
  visit(path.join('.').replaceAll('.[]', '[]'), access);
}

/** Generated types of a parsed (not dereferenced) document, as the mock's npm package ships them. */
async function typesOf(raw) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  return astToString(await openapiTS(structuredClone(raw)));
}

/**
 * Returns { status: 'measured', errors: [{ where, message }] } or { status: 'unavailable', reason }.
 * `baseRaw`, `headRaw`: parsed documents; `base`: the dereferenced base; `work`: a scratch folder.
 */
export async function measureTypescript({ baseRaw, headRaw, base, work, tsc }) {
  mkdirSync(work, { recursive: true });
  try {
    writeFileSync(join(work, 'base.d.ts'), await typesOf(baseRaw));
    writeFileSync(join(work, 'head.d.ts'), await typesOf(headRaw));
  } catch (error) {
    return { status: 'unavailable', reason: `openapi-typescript could not generate the types: ${String(error.message).split('\n')[0]}` };
  }
  const lines = probeLines(base);
  const header = ["import type { paths as B } from './base';", "import type { paths as H } from './head';", ''];
  writeFileSync(join(work, 'probe.ts'), [...header, ...lines.map(l => l.ts), ''].join('\n'));
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext',
    '--moduleResolution', 'bundler', '--pretty', 'false', 'probe.ts'], { cwd: work, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 && !/error TS/.test(output)) return { status: 'unavailable', reason: `tsc did not run: ${output.trim().split('\n')[0]}` };
  const found = [];
  // An error line, then tsc's chain of reasons indented below it: the last reason is the gist.
  for (const m of output.matchAll(/^probe\.ts\((\d+),\d+\): error TS\d+: (.+)((?:\n {2,}.+)*)/gm)) {
    const line = lines[Number(m[1]) - header.length - 1];
    if (!line) continue;
    const chain = [m[2], ...m[3].split('\n').map(l => l.trim()).filter(Boolean)];
    found.push({ where: line.label, message: plain(chain.at(-1), !/→/.test(line.label)) });
  }
  // A request's whole parameter object fails whenever one of its parameters does: say it once.
  const errors = found.filter((e, i) => found.findIndex(f => f.where === e.where && f.message === e.message) === i
    && !(e.where.endsWith(' parameters') && found.some(f => f.where.startsWith(`${e.where.slice(0, -' parameters'.length)} `) && f.where.includes(' parameter '))));
  return { status: 'measured', errors, uses: lines.length };
}

/**
 * tsc's message in the reader's terms. In a request the base's value flows into the new type;
 * in a response the new value flows into the base's.
 */
function plain(message, request) {
  return message
    .replace(/Property '([^']+)' does not exist on type '.*'\.?/, '$1 is gone from the type')
    .replace(/Property '([^']+)' is missing in type '.*' but required in type '.*'\.?/, '$1 must now be sent')
    .replace(/^Type '(.*)' is not assignable to type '(.*)'\.?$/, (_, from, to) => (request
      ? `code sends ${from}; the new type takes ${to}`
      : `now ${from}; code expects ${to}`))
    .slice(0, 200);
}
