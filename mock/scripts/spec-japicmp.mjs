// Reads japicmp's XML report (japicmp 0.27.0, `-x`) into the public types and members whose
// change breaks callers' source or binaries. Only what japicmp itself marks incompatible is
// listed; additions are counted. The report's XML is parsed with fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';

const LISTS = new Set(['class', 'method', 'constructor', 'field', 'compatibilityChange', 'parameter', 'interface']);

// java.lang.String → String, io.github.yeastarsdk.Conference$Builder → Conference.Builder.
const simple = type => String(type ?? '').replace(/\b(?:[a-z_][a-z0-9_]*\.)+(?=[A-Z])/g, '').replaceAll('$', '.');
// An empty element parses to '', whose .constructor is String: read own properties only.
const own = (node, key) => (node && typeof node === 'object' && Object.hasOwn(node, key) ? node[key] : undefined);
const incompatible = node => node?.binaryCompatible === 'false' || node?.sourceCompatible === 'false';
const changesOf = node => (own(own(node, 'compatibilityChanges'), 'compatibilityChange') ?? [])
  .filter(incompatible).map(c => ({ type: c.type, binary: c.binaryCompatible !== 'false', source: c.sourceCompatible !== 'false' }));

function signature(kind, node, className) {
  const params = (own(own(node, 'parameters'), 'parameter') ?? []).map(p => simple(p.type)).join(', ');
  if (kind === 'constructor') return `${simple(className).split('.').pop()}(${params})`;
  if (kind === 'field') return node.name;
  return `${node.name}(${params})`;
}

function detail(kind, node) {
  const status = node.changeStatus;
  if (status === 'REMOVED') return `${kind} removed`;
  const ret = node.returnType;
  if (ret && ret.changeStatus === 'MODIFIED') return `returns ${simple(ret.newValue)}, was ${simple(ret.oldValue)}`;
  const type = node.type;
  if (kind === 'field' && type?.changeStatus === 'MODIFIED') return `type ${simple(type.newValue)}, was ${simple(type.oldValue)}`;
  return changesOf(node).map(c => c.type.toLowerCase().replaceAll('_', ' ')).join(', ') || `${kind} changed`;
}

/**
 * Returns { incompatible: [{ type, member, what, binary, source, changes }], added } from the
 * XML text of a japicmp report. `type` is the public type's simple name (Conference.Builder),
 * `member` its member's signature, or null for a change of the type itself; `binary` and
 * `source` say whether existing binaries still link and existing sources still compile.
 */
export function parseJapicmp(xml) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => LISTS.has(name) });
  const root = parser.parse(xml)?.japicmp;
  if (!root) throw new Error('not a japicmp XML report: no <japicmp> element');
  const found = [];
  let added = 0;
  const classes = own(own(root, 'classes'), 'class') ?? [];
  // A type removed here and added under the same name in another package has moved.
  const added_ = classes.filter(c => c.changeStatus === 'NEW').map(c => String(c.fullyQualifiedName));
  const packageOf = fqn => fqn.slice(0, fqn.lastIndexOf('.'));
  const nameOf = fqn => fqn.slice(fqn.lastIndexOf('.') + 1);
  for (const cls of classes) {
    const type = simple(cls.fullyQualifiedName);
    if (cls.changeStatus === 'NEW') {
      added++;
      continue;
    }
    if (cls.changeStatus === 'REMOVED') {
      const fqn = String(cls.fullyQualifiedName);
      const moved = added_.find(n => nameOf(n) === nameOf(fqn));
      found.push({ type, member: null, what: moved ? `moved from ${packageOf(fqn)} to ${packageOf(moved)}` : 'type removed',
        binary: false, source: false, changes: ['CLASS_REMOVED'] });
      continue;
    }
    const self = changesOf(cls);
    if (self.length) {
      found.push({ type, member: null, what: self.map(c => c.type.toLowerCase().replaceAll('_', ' ')).join(', '),
        binary: self.every(c => c.binary), source: self.every(c => c.source), changes: self.map(c => c.type) });
    }
    for (const [kind, list] of [['constructor', own(own(cls, 'constructors'), 'constructor')], ['method', own(own(cls, 'methods'), 'method')], ['field', own(own(cls, 'fields'), 'field')]]) {
      for (const node of list ?? []) {
        if (node.changeStatus === 'NEW') {
          added++;
          continue;
        }
        if (!incompatible(node) && changesOf(node).length === 0) continue;
        const changes = changesOf(node);
        found.push({ type, member: signature(kind, node, cls.fullyQualifiedName), what: detail(kind, node),
          binary: node.binaryCompatible !== 'false' && changes.every(c => c.binary),
          source: node.sourceCompatible !== 'false' && changes.every(c => c.source), changes: changes.map(c => c.type) });
      }
    }
  }
  return { incompatible: found, added };
}
