// Compares two dereferenced OpenAPI 3.0 documents and lists each change in words, marked
// breaking when it breaks a generated client or a user of the mock: a removed path, operation,
// parameter, field, enum value, response or named example; a new required parameter or field in
// a request; a changed type or format; a narrowed constraint; a newly secured operation.

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Returns [{ breaking, where, what }] for the changes from `base` to `head`. */
export function compare(base, head) {
  const changes = [];
  const add = (breaking, where, what) => changes.push({ breaking, where, what });

  if (base.info?.version !== head.info?.version) {
    add(false, 'info.version', `changed from ${base.info?.version} to ${head.info?.version}`);
  }
  const basePaths = base.paths ?? {};
  const headPaths = head.paths ?? {};
  for (const path of Object.keys(basePaths)) {
    if (!(path in headPaths)) add(true, path, 'path removed');
  }
  for (const path of Object.keys(headPaths)) {
    if (!(path in basePaths)) {
      add(false, path, 'path added');
      continue;
    }
    for (const method of METHODS) {
      const before = basePaths[path][method];
      const after = headPaths[path][method];
      const op = `${method.toUpperCase()} ${path}`;
      if (before && !after) add(true, op, 'operation removed');
      if (!before && after) add(false, op, 'operation added');
      if (before && after) compareOperation(op, before, after, base, head, add);
    }
  }
  return changes;
}

function compareOperation(op, before, after, base, head, add) {
  const securedBefore = before.security ? before.security.length > 0 : (base.security ?? []).length > 0;
  const securedAfter = after.security ? after.security.length > 0 : (head.security ?? []).length > 0;
  if (!securedBefore && securedAfter) add(true, op, 'now requires authentication');
  if (securedBefore && !securedAfter) add(false, op, 'no longer requires authentication');
  if ((before.description ?? '') !== (after.description ?? '') || before.summary !== after.summary) {
    add(false, op, 'description changed');
  }

  const key = p => `${p.in} parameter \`${p.name}\``;
  const params = list => new Map((list ?? []).map(p => [key(p), p]));
  const pb = params(before.parameters);
  const pa = params(after.parameters);
  for (const [name, p] of pb) {
    if (!pa.has(name)) add(true, op, `${name} removed`);
  }
  for (const [name, p] of pa) {
    const old = pb.get(name);
    if (!old) {
      add(p.required === true, op, `${p.required ? 'required' : 'optional'} ${name} added`);
      continue;
    }
    if (!old.required && p.required) add(true, op, `${name} is now required`);
    if (old.required && !p.required) add(false, op, `${name} is now optional`);
    compareSchema(`${op} ${name}`, old.schema, p.schema, 'request', add);
  }

  const bodyBefore = before.requestBody;
  const bodyAfter = after.requestBody;
  if (bodyBefore && !bodyAfter) add(true, op, 'request body removed');
  if (!bodyBefore && bodyAfter) add(bodyAfter.required === true, op, 'request body added');
  if (bodyBefore && bodyAfter) {
    if (!bodyBefore.required && bodyAfter.required) add(true, op, 'request body is now required');
    for (const [type, media] of Object.entries(bodyAfter.content ?? {})) {
      const old = bodyBefore.content?.[type];
      if (!old) add(false, op, `request body type ${type} added`);
      else compareSchema(`${op} request body`, old.schema, media.schema, 'request', add);
    }
    for (const type of Object.keys(bodyBefore.content ?? {})) {
      if (!bodyAfter.content?.[type]) add(true, op, `request body type ${type} removed`);
    }
  }

  for (const [status, response] of Object.entries(before.responses ?? {})) {
    const now = after.responses?.[status];
    const where = `${op} → ${status}`;
    if (!now) {
      add(true, where, 'response removed');
      continue;
    }
    for (const [type, media] of Object.entries(response.content ?? {})) {
      const later = now.content?.[type];
      if (!later) {
        add(true, where, `response type ${type} removed`);
        continue;
      }
      compareSchema(`${where} body`, media.schema, later.schema, 'response', add);
      const examplesBefore = Object.keys(media.examples ?? {});
      const examplesAfter = Object.keys(later.examples ?? {});
      for (const name of examplesBefore) {
        if (!examplesAfter.includes(name)) add(true, where, `named example \`${name}\` removed (mock users lose the scenario)`);
        else if (JSON.stringify(media.examples[name]) !== JSON.stringify(later.examples[name])) {
          add(false, where, `named example \`${name}\` changed`);
        }
      }
      for (const name of examplesAfter) {
        if (!examplesBefore.includes(name)) add(false, where, `named example \`${name}\` added`);
      }
    }
  }
  for (const status of Object.keys(after.responses ?? {})) {
    if (!before.responses?.[status]) add(false, `${op} → ${status}`, 'response added');
  }
}

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

function compareSchema(where, beforeSchema, afterSchema, direction, add, depth = 0) {
  const before = flatten(beforeSchema);
  const after = flatten(afterSchema);
  if (depth > 32) return;
  if ((before.type ?? null) !== (after.type ?? null)) {
    add(true, where, `type changed from ${before.type ?? 'any'} to ${after.type ?? 'any'}`);
    return;
  }
  if ((before.format ?? null) !== (after.format ?? null)) {
    add(true, where, `format changed from ${before.format ?? 'none'} to ${after.format ?? 'none'}`);
  }
  if ((before.description ?? '') !== (after.description ?? '')) add(false, where, 'description changed');

  if (before.enum || after.enum) {
    const was = before.enum ?? [];
    const now = after.enum ?? [];
    for (const value of was) if (!now.includes(value)) add(true, where, `enum value \`${value}\` removed`);
    for (const value of now) {
      if (!was.includes(value)) {
        add(false, where, `enum value \`${value}\` added${direction === 'response' ? ' (clients read it as UNKNOWN until regenerated)' : ''}`);
      }
    }
    if (!before.enum && after.enum) add(true, where, 'values now restricted to an enum');
  }
  for (const bound of LOWER_BOUNDS) {
    if (after[bound] !== undefined && (before[bound] === undefined || after[bound] > before[bound])) {
      add(true, where, `${bound} narrowed from ${before[bound] ?? 'none'} to ${after[bound]}`);
    } else if (before[bound] !== undefined && (after[bound] === undefined || after[bound] < before[bound])) {
      add(false, where, `${bound} widened from ${before[bound]} to ${after[bound] ?? 'none'}`);
    }
  }
  for (const bound of UPPER_BOUNDS) {
    if (after[bound] !== undefined && (before[bound] === undefined || after[bound] < before[bound])) {
      add(true, where, `${bound} narrowed from ${before[bound] ?? 'none'} to ${after[bound]}`);
    } else if (before[bound] !== undefined && (after[bound] === undefined || after[bound] > before[bound])) {
      add(false, where, `${bound} widened from ${before[bound]} to ${after[bound] ?? 'none'}`);
    }
  }
  if ((before.pattern ?? null) !== (after.pattern ?? null)) {
    add(after.pattern !== undefined, where, `pattern changed from ${before.pattern ?? 'none'} to ${after.pattern ?? 'none'}`);
  }
  if (!before.nullable && after.nullable) add(direction === 'response', where, 'may now be null');
  if (before.nullable && !after.nullable) add(direction === 'request', where, 'may no longer be null');

  const propsBefore = before.properties ?? {};
  const propsAfter = after.properties ?? {};
  const reqBefore = new Set(before.required ?? []);
  const reqAfter = new Set(after.required ?? []);
  for (const name of Object.keys(propsBefore)) {
    if (!(name in propsAfter)) add(true, where, `field \`${name}\` removed`);
  }
  for (const [name, schema] of Object.entries(propsAfter)) {
    if (!(name in propsBefore)) {
      const required = reqAfter.has(name);
      add(direction === 'request' && required, where, `${required ? 'required' : 'optional'} field \`${name}\` added`);
      continue;
    }
    if (!reqBefore.has(name) && reqAfter.has(name)) add(direction === 'request', where, `field \`${name}\` is now required`);
    if (reqBefore.has(name) && !reqAfter.has(name)) add(direction === 'response', where, `field \`${name}\` is now optional`);
    compareSchema(`${where}.${name}`, propsBefore[name], schema, direction, add, depth + 1);
  }
  if (before.items || after.items) {
    compareSchema(`${where}[]`, before.items, after.items, direction, add, depth + 1);
  }
}

/** True when `head`'s major version is above `base`'s: breaking changes are then acknowledged. */
export function majorBumped(baseVersion, headVersion) {
  const major = v => Number.parseInt(String(v ?? '0').split('.')[0], 10) || 0;
  return major(headVersion) > major(baseVersion);
}
