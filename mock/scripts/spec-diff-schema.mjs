// The schema half of the spec comparison: types, formats, enums, bounds, patterns, nullability
// and fields, each change judged by the direction it travels. A request schema breaks callers
// when it accepts less; a response schema breaks them when it may send what they did not expect,
// or when the Java the generator makes of it changes shape (an accessor's type, a constant gone).
// A change inside a component schema carries `shared` (Conference.id), so that the report says
// it once for every operation it reaches.
import { NAME, camel, constant, javaType, member } from './spec-java.mjs';

const NONE = 'none';
const an = word => `${/^[aeiou]/.test(word ?? '') ? 'an' : 'a'} ${word ?? 'value'}`;

/** Merges allOf into one object schema, as the generator flattens it. */
export function flatten(schema) {
  if (!schema || !schema.allOf) return schema ?? {};
  const merged = { ...schema, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  delete merged.allOf;
  for (const part of schema.allOf.map(flatten)) {
    if (part.type && !merged.type) merged.type = part.type;
    Object.assign(merged.properties, part.properties ?? {});
    merged.required.push(...(part.required ?? []));
    if (!merged.description && part.description) merged.description = part.description;
  }
  return merged;
}

// Bounds where a larger value accepts less (minimum) or more (maximum).
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
// The bounds the generated params builder checks (api.mustache): it throws on a value outside them.
const CHECKED = { minimum: 'at least', maximum: 'at most', minLength: 'at least' };

/**
 * Compares one schema. `slot` says where it sits in the generated code ({ record, accessor }
 * or { param }) and whether it is required before and after ({ requiredBefore, required }).
 */
export function compareSchema(where, beforeSchema, afterSchema, direction, add, slot = {}, depth = 0) {
  if (depth > 32) return;
  const before = flatten(beforeSchema);
  const after = flatten(afterSchema);
  // Inside a component schema, every change is tagged with its place in it.
  const component = after[NAME] ?? before[NAME];
  const shared = component ? component : slot.shared;
  if (shared !== slot.shared) slot = { ...slot, shared };
  const outer = add;
  add = (breaking, w, what, sdk, frontend, wire, extra = {}) =>
    outer(breaking, w, what, sdk, frontend, wire, { shared: slot.shared, ...extra });
  const request = direction === 'request';
  const it = member(slot);
  const reqBefore = slot.requiredBefore ?? slot.required ?? false;
  const reqAfter = slot.required ?? false;
  const typeBefore = javaType(before, reqBefore);
  const typeAfter = javaType(after, reqAfter);

  if ((before.type ?? null) !== (after.type ?? null)) {
    add(true, where, `type changed from ${before.type ?? 'any'} to ${after.type ?? 'any'}`,
      `${it} changes from ${typeBefore} to ${typeAfter}: a source and binary break`,
      request ? `the mock rejects requests that send ${an(before.type)}` : `screens read ${an(before.type)} where answers now carry ${an(after.type)}; the simulator (mock/lib) keeps sending ${an(before.type)} until it changes, and the proxy refuses that with HTTP 500`,
      `the JSON value changes from ${before.type ?? 'any'} to ${after.type ?? 'any'}`);
    return;
  }
  if ((before.format ?? null) !== (after.format ?? null)) {
    const masking = [before.format, after.format].includes('password');
    const javaChanged = typeBefore !== typeAfter;
    add(javaChanged || (!masking && request), where, `format changed from ${before.format ?? 'none'} to ${after.format ?? 'none'}`,
      javaChanged ? `${it} changes from ${typeBefore} to ${typeAfter}: a source and binary break`
        : masking ? `toString() ${after.format === 'password' ? 'now masks' : 'no longer masks'} it; the type stays ${typeAfter}`
        : `${it} stays ${typeAfter}`,
      masking ? NONE : `values in the mock follow ${after.format ?? 'no format'}`,
      masking ? NONE : `values are now ${after.format ?? 'unformatted'}`);
  }
  if ((before.description ?? '') !== (after.description ?? '')) {
    add(false, where, 'description changed', 'Javadoc only', 'documentation only', NONE);
  }
  if (!before.deprecated && after.deprecated) {
    add(false, where, 'deprecated', `${it} is documented as deprecated`, 'plan to stop relying on it', 'it may be removed in a later major version');
  }
  compareDefault(where, before, after, request, add, it);
  compareEnum(where, before, after, request, add, it);
  compareBounds(where, before, after, request, add, it, slot);
  comparePattern(where, before, after, request, add, it);
  compareKeywords(where, before, after, request, add, it);
  compareComposition(where, before, after, direction, add, slot, depth);
  if (!before.nullable && after.nullable) {
    add(!request, where, 'may now be null', request ? `${it} accepts null` : `${it} may return null`,
      request ? NONE : 'answers may carry null: screens must handle it', request ? 'null is accepted' : 'null may be sent');
  }
  if (before.nullable && !after.nullable) {
    add(request, where, 'may no longer be null', request ? `passing null to ${it} now fails on the server` : `${it} no longer returns null`,
      request ? 'the mock rejects null' : NONE, request ? 'null is rejected' : 'null is no longer sent');
  }
  compareFields(where, before, after, direction, add, slot, depth);
  if (before.items || after.items) {
    compareSchema(`${where}[]`, before.items, after.items, direction, add,
      { ...slot, element: true, requiredBefore: true, required: true, shared: slot.shared && `${slot.shared}[]` }, depth + 1);
  }
}

function compareEnum(where, before, after, request, add, it) {
  if (!before.enum && !after.enum) return;
  const type = after[NAME] ?? before[NAME];
  const name = value => (type ? `${type}.${constant(value)}` : `the constant ${constant(value)}`);
  const was = before.enum ?? [];
  const now = after.enum ?? [];
  for (const value of was) {
    if (now.includes(value)) continue;
    add(true, where, `enum value ${value} removed`,
      `${name(value)} is removed: a source and binary break for code that names it${request ? '' : `; should ${value} still arrive, a regenerated SDK keeps it as an unknown value (value() ${value}, known() UNKNOWN)`}`,
      request ? `npm start flags requests with ${value} (sl-violations header); the simulator acts on it as before until mock/lib changes` : `the mock's examples that use ${value} stop validating, and the simulator must stop generating ${value} (its answers would fail the proxy's validation)`,
      request ? `requests with ${value} are rejected` : `${value} is no longer sent`);
  }
  for (const value of now) {
    if (was.includes(value)) continue;
    add(false, where, `enum value ${value} added`,
      request ? `a new constant ${name(value)} once regenerated`
        : `older SDKs keep ${value} as an unknown value (value() ${value}, known() UNKNOWN); regenerated ones get ${name(value)}`,
      request ? `the mock accepts ${value}` : `answers may carry ${value}: screens must show a value they do not know`,
      request ? `${value} is accepted` : `${value} may be sent`);
  }
  if (!before.enum && after.enum) {
    add(true, where, 'values now restricted to an enum', `${it} becomes an enum type: a source and binary break`,
      'the mock accepts and sends only the listed values', 'other values are rejected');
  }
}

function compareBounds(where, before, after, request, add, it, slot) {
  const judge = (bound, narrowed) => {
    const from = before[bound] ?? 'none';
    const to = after[bound] ?? 'none';
    // A narrower request schema rejects what callers send; a wider response schema sends what
    // they do not expect. The params builder checks some bounds itself, before any request.
    const breaking = narrowed === request;
    const checked = slot.param && CHECKED[bound];
    const sdk = !checked ? `${it} keeps its type; the SDK does not check ${bound}`
      : after[bound] === undefined ? `the params builder no longer checks ${bound}`
        : `the params builder now throws IllegalArgumentException("${camel(slot.param)} must be ${CHECKED[bound]} ${to}${bound === 'minLength' ? ' characters long' : ', was …'}") ${narrowed ? 'for values it accepted before' : 'for fewer values'}`;
    add(breaking, where, `${bound} ${narrowed ? 'narrowed' : 'widened'} from ${from} to ${to}`, sdk,
      request ? (narrowed ? 'the proxy flags values it accepted before (sl-violations header; the simulator itself may still answer 200)' : 'the mock accepts more values')
        : (narrowed ? 'examples and random data must fit the new bound' : 'answers may carry values outside the old bound: screens sized for it may break'),
      request ? (narrowed ? 'values outside the new bound are rejected' : 'more values are accepted')
        : (narrowed ? 'values stay inside the new bound' : 'values may fall outside the old bound'));
  };
  for (const bound of LOWER_BOUNDS) {
    if (after[bound] !== undefined && (before[bound] === undefined || after[bound] > before[bound])) judge(bound, true);
    else if (before[bound] !== undefined && (after[bound] === undefined || after[bound] < before[bound])) judge(bound, false);
  }
  for (const bound of UPPER_BOUNDS) {
    if (after[bound] !== undefined && (before[bound] === undefined || after[bound] < before[bound])) judge(bound, true);
    else if (before[bound] !== undefined && (after[bound] === undefined || after[bound] > before[bound])) judge(bound, false);
  }
}

function comparePattern(where, before, after, request, add, it) {
  const was = before.pattern;
  const now = after.pattern;
  if ((was ?? null) === (now ?? null)) return;
  // Two different patterns cannot be ordered: either may accept what the other rejects.
  const breaking = was !== undefined && now !== undefined ? true : request ? now !== undefined : was !== undefined;
  add(breaking, where, `pattern changed from ${was ?? 'none'} to ${now ?? 'none'}`,
    `${it} keeps its type; the SDK does not check patterns`,
    request ? 'the mock validates requests against the new pattern' : 'the mock\'s answers follow the new pattern; examples may stop validating',
    request ? 'values that do not match are rejected' : 'values may no longer match the old pattern');
}

function compareFields(where, before, after, direction, add, slot, depth) {
  const request = direction === 'request';
  const record = after[NAME] ?? before[NAME] ?? slot.record ?? null;
  const propsBefore = before.properties ?? {};
  const propsAfter = after.properties ?? {};
  const reqBefore = new Set(before.required ?? []);
  const reqAfter = new Set(after.required ?? []);
  const accessor = name => (record ? `${record}.${camel(name)}()` : `the accessor ${camel(name)}()`);
  for (const name of Object.keys(propsBefore)) {
    if (name in propsAfter) continue;
    add(true, where, `field ${name} removed ${propsBefore[name]?.deprecated ? '(it was deprecated)' : 'without an earlier deprecation'}`,
      `${accessor(name)} is removed and ${record ?? 'the record'}'s constructor changes: a source and binary break`,
      request ? `the mock no longer validates ${name}` : `the mock's answers lose ${name}: screens that read it get undefined`,
      request ? `${name} is ignored or rejected` : `${name} is no longer sent`);
  }
  for (const [name, schema] of Object.entries(propsAfter)) {
    if (!(name in propsBefore)) {
      const required = reqAfter.has(name);
      add(request && required, where, `${required ? 'required' : 'optional'} field ${name} added`,
        `new accessor ${accessor(name)}; ${record ?? 'the record'}'s canonical constructor gains a parameter, so code that constructs it (tests, fakes) must pass one; readers are unaffected`,
        request ? (required ? `npm start flags bodies without ${name}; npm run start:examples answers 422` : NONE) : `answers carry ${name}`,
        request ? (required ? `bodies without ${name} are rejected` : NONE) : `a new field; readers skip fields they do not know`);
      continue;
    }
    const wasRequired = reqBefore.has(name);
    const isRequired = reqAfter.has(name);
    const typeBefore = javaType(flatten(propsBefore[name]), wasRequired);
    const typeAfter = javaType(flatten(schema), isRequired);
    const retyped = typeBefore !== typeAfter;
    if (!wasRequired && isRequired) {
      add(request || retyped, where, `field ${name} is now required`,
        retyped ? `${accessor(name)} changes from ${typeBefore} to ${typeAfter}: a source and binary break` : `${accessor(name)} is never null`,
        request ? `npm start flags bodies without ${name}; npm run start:examples answers 422` : `answers always carry ${name}`,
        request ? `bodies without ${name} are rejected` : `${name} is always sent`);
    }
    if (wasRequired && !isRequired) {
      add(!request || retyped, where, `field ${name} is now optional`,
        retyped ? `${accessor(name)} changes from ${typeBefore} to ${typeAfter} and may be null: a source and binary break`
          : `${accessor(name)} may now return null`,
        request ? NONE : `answers may leave out ${name}: screens must handle its absence`,
        request ? `${name} may be left out` : `${name} may be absent`);
    }
    compareSchema(`${where}.${name}`, propsBefore[name], schema, direction, add,
      { record, accessor: camel(name), requiredBefore: wasRequired, required: isRequired, shared: slot.shared && `${slot.shared}.${name}` }, depth + 1);
  }
}

function compareDefault(where, before, after, request, add, it) {
  const was = before.default === undefined ? 'none' : JSON.stringify(before.default);
  const now = after.default === undefined ? 'none' : JSON.stringify(after.default);
  if (was === now) return;
  // A request default is what the server does for callers who leave the value out: a change
  // changes their results without a change on their side.
  add(request, where, `default changed from ${was} to ${now}`,
    request ? `callers that leave ${it} unset now get the server's ${now} behaviour` : `${it} keeps its type`,
    request ? 'requests that leave it out now get other answers from the PBX (the simulator follows mock/lib)' : 'documentation of the usual value',
    request ? `requests that leave it out are served as ${now}` : NONE,
    { impact: { sdk: request, frontend: request, wire: request } });
}

function compareKeywords(where, before, after, request, add, it) {
  if ((before.multipleOf ?? null) !== (after.multipleOf ?? null)) {
    // A new or changed step accepts fewer values; a step removed accepts more.
    const narrowed = after.multipleOf !== undefined;
    add(narrowed === request, where, `multipleOf changed from ${before.multipleOf ?? 'none'} to ${after.multipleOf ?? 'none'}`,
      `${it} keeps its type; the SDK does not check multipleOf`,
      request ? (narrowed ? 'the proxy flags values off the new step' : 'the mock accepts more values') : 'answers may carry other values',
      request ? (narrowed ? 'values off the step are rejected' : 'more values are accepted') : 'values may follow another step');
  }
  if (Boolean(before.uniqueItems) !== Boolean(after.uniqueItems)) {
    const narrowed = Boolean(after.uniqueItems);
    add(narrowed === request, where, `uniqueItems ${narrowed ? 'set' : 'dropped'}`, `${it} keeps its type; the SDK does not check uniqueItems`,
      request ? (narrowed ? 'the proxy flags lists with duplicates' : 'lists with duplicates are accepted') : (narrowed ? 'answers hold no duplicates' : 'answers may hold duplicates'),
      request ? (narrowed ? 'lists with duplicates are rejected' : 'duplicates are accepted') : (narrowed ? 'no duplicates are sent' : 'duplicates may be sent'));
  }
}

/** oneOf / anyOf: the variants, named by component where they have a name. */
function compareComposition(where, before, after, direction, add, slot, depth) {
  const request = direction === 'request';
  for (const keyword of ['oneOf', 'anyOf']) {
    if (!before[keyword] && !after[keyword]) continue;
    const label = v => v[NAME] ?? JSON.stringify(v).slice(0, 60);
    const was = new Map((before[keyword] ?? []).map(v => [label(v), v]));
    const now = new Map((after[keyword] ?? []).map(v => [label(v), v]));
    for (const [name] of was) {
      if (now.has(name)) continue;
      add(true, where, `${keyword} variant ${name} removed`,
        'the generated union type loses a variant: code that handles it stops compiling',
        request ? 'the mock rejects bodies of that shape' : 'answers no longer take that shape',
        request ? 'values of that shape are rejected' : 'that shape is no longer sent',
        { impact: { sdk: true, frontend: request, wire: request } });
    }
    for (const [name] of now) {
      if (was.has(name)) continue;
      add(!request, where, `${keyword} variant ${name} added`,
        request ? 'the union type gains a variant' : 'answers may take a shape older SDKs cannot decode',
        request ? 'the mock accepts that shape too' : 'screens must handle a new shape',
        request ? 'more shapes are accepted' : 'a new shape may be sent');
    }
    for (const [name, variant] of now) {
      if (was.has(name)) compareSchema(`${where} (${name})`, was.get(name), variant, direction, add, slot, depth + 1);
    }
  }
}
