// The schema half of the spec comparison: types, formats, enums, bounds, patterns, nullability
// and fields, each change judged by the direction it travels. A request schema breaks callers
// when it accepts less; a response schema breaks them when it may send what they did not expect,
// or when the Java the generator makes of it changes shape (an accessor's type, a constant gone).
import { NAME, camel, constant, javaType, member } from './spec-java.mjs';

const NONE = 'none';

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
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];

/**
 * Compares one schema. `slot` says where it sits in the generated code ({ record, accessor }
 * or { param }) and whether it is required before and after ({ requiredBefore, required }).
 */
export function compareSchema(where, beforeSchema, afterSchema, direction, add, slot = {}, depth = 0) {
  if (depth > 32) return;
  const before = flatten(beforeSchema);
  const after = flatten(afterSchema);
  const request = direction === 'request';
  const it = member(slot);
  const reqBefore = slot.requiredBefore ?? slot.required ?? false;
  const reqAfter = slot.required ?? false;
  const typeBefore = javaType(before, reqBefore);
  const typeAfter = javaType(after, reqAfter);

  if ((before.type ?? null) !== (after.type ?? null)) {
    add(true, where, `type changed from ${before.type ?? 'any'} to ${after.type ?? 'any'}`,
      `${it} changes from ${typeBefore} to ${typeAfter}: a source and binary break`,
      request ? `the mock rejects requests that send a ${before.type}` : `the mock answers a ${after.type} where screens read a ${before.type}`,
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
  compareEnum(where, before, after, request, add, it);
  compareBounds(where, before, after, request, add, it);
  comparePattern(where, before, after, request, add, it);
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
      { ...slot, element: true, requiredBefore: true, required: true }, depth + 1);
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
      request ? `the mock answers errcode 40002 to requests with ${value}` : `the mock's examples that use ${value} stop validating, and the simulator must stop generating ${value} (its answers would fail the proxy's validation)`,
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

function compareBounds(where, before, after, request, add, it) {
  const judge = (bound, narrowed) => {
    const from = before[bound] ?? 'none';
    const to = after[bound] ?? 'none';
    // A narrower request schema rejects what callers send; a wider response schema sends what
    // they do not expect. Neither changes a Java type: the SDK does not check bounds.
    const breaking = narrowed === request;
    add(breaking, where, `${bound} ${narrowed ? 'narrowed' : 'widened'} from ${from} to ${to}`,
      `${it} keeps its type; the SDK does not check ${bound}`,
      request ? (narrowed ? 'the mock answers 422 to values it accepted before' : 'the mock accepts more values')
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
    add(true, where, `field ${name} removed`,
      `${accessor(name)} is removed and ${record ?? 'the record'}'s constructor changes: a source and binary break`,
      request ? `the mock no longer validates ${name}` : `the mock's answers lose ${name}: screens that read it get undefined`,
      request ? `${name} is ignored or rejected` : `${name} is no longer sent`);
  }
  for (const [name, schema] of Object.entries(propsAfter)) {
    if (!(name in propsBefore)) {
      const required = reqAfter.has(name);
      add(request && required, where, `${required ? 'required' : 'optional'} field ${name} added`,
        `new accessor ${accessor(name)}; ${record ?? 'the record'}'s canonical constructor gains a parameter, so code that constructs it (tests, fakes) must pass one; readers are unaffected`,
        request ? (required ? `the mock answers 422 to bodies without ${name}` : NONE) : `answers carry ${name}`,
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
        request ? `the mock answers 422 to bodies without ${name}` : `answers always carry ${name}`,
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
      { record, accessor: camel(name), requiredBefore: wasRequired, required: isRequired }, depth + 1);
  }
}
