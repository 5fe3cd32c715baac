// Compares two dereferenced OpenAPI 3.0 documents and lists each change in words, marked breaking
// when it breaks a generated client (source or binary), a user of the mock, or a caller on the
// wire, and saying what it does to each of the three. Kept hand-written: the maintained diff
// engines in the registries classify for the wire only, and get the generated client wrong
// (CONTRIBUTING.md, "Spec review", says what each said on the same fixture changes).
import { camel } from './spec-java.mjs';
import { compareSchema, flatten } from './spec-diff-schema.mjs';

export { flatten };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const NONE = 'none';

/**
 * Returns [{ breaking, where, what, sdk, frontend, wire }] for the changes from `base` to `head`.
 * `where` never contains a backtick, so that a report can quote it in one code span.
 */
export function compare(base, head) {
  const changes = [];
  const add = (breaking, where, what, sdk, frontend, wire) =>
    changes.push({ breaking, where, what, sdk, frontend, wire });

  if (base.info?.version !== head.info?.version) {
    add(false, 'info.version', `changed from ${base.info?.version} to ${head.info?.version}`,
      `the SDK built from this spec is versioned ${head.info?.version}`, NONE, NONE);
  }
  const basePaths = base.paths ?? {};
  const headPaths = head.paths ?? {};
  for (const path of Object.keys(basePaths)) {
    if (!(path in headPaths)) {
      add(true, path, 'path removed',
        'its generated API methods are gone, and so must be the runtime methods that call them: a source and binary break for their callers',
        'the mock answers 404 for it: screens that call it fail',
        'requests to it are no longer served');
    }
  }
  for (const path of Object.keys(headPaths)) {
    if (!(path in basePaths)) {
      add(false, path, 'path added', 'new generated API methods, unused until the runtime exposes them',
        'the mock serves it with its examples', 'a new endpoint');
      continue;
    }
    for (const method of METHODS) {
      const before = basePaths[path][method];
      const after = headPaths[path][method];
      const op = `${method.toUpperCase()} ${path}`;
      if (before && !after) {
        add(true, op, 'operation removed',
          `the generated method${before.operationId ? ` ${before.operationId}` : ''} is gone: a source and binary break for the runtime and its callers`,
          'the mock answers 405 or 404 for it', 'the operation is no longer served');
      }
      if (!before && after) {
        add(false, op, 'operation added', 'a new generated method', 'the mock serves it', 'a new operation');
      }
      if (before && after) compareOperation(op, before, after, base, head, add);
    }
  }
  return changes;
}

function compareOperation(op, before, after, base, head, add) {
  const secured = (o, doc) => (o.security ? o.security.length > 0 : (doc.security ?? []).length > 0);
  if (!secured(before, base) && secured(after, head)) {
    add(true, op, 'now requires authentication', 'calls made without a token now fail with TokenExpiredException',
      'the mock answers 401 without access_token', 'requests without a token are rejected');
  }
  if (secured(before, base) && !secured(after, head)) {
    add(false, op, 'no longer requires authentication', 'the token is no longer sent', 'the mock accepts requests without a token', 'a token is no longer needed');
  }
  if ((before.description ?? '') !== (after.description ?? '') || before.summary !== after.summary) {
    add(false, op, 'description changed', 'Javadoc only', 'documentation only', NONE);
  }
  compareParameters(op, before.parameters, after.parameters, add);
  compareRequestBody(op, before.requestBody, after.requestBody, add);
  compareResponses(op, before.responses ?? {}, after.responses ?? {}, add);
}

function compareParameters(op, beforeList, afterList, add) {
  const key = p => `${p.in} parameter ${p.name}`;
  const params = list => new Map((list ?? []).map(p => [key(p), p]));
  const pb = params(beforeList);
  const pa = params(afterList);
  for (const [name, p] of pb) {
    if (pa.has(name)) continue;
    add(true, `${op} ${name}`, 'parameter removed',
      `the ${camel(p.name)} argument leaves the generated API interface, and the runtime's setter for it must go: a source and binary break for callers that set it`,
      'the mock no longer validates it: requests that send it lose the effect',
      'the server ignores or rejects it');
  }
  for (const [name, p] of pa) {
    const old = pb.get(name);
    const where = `${op} ${name}`;
    if (!old) {
      add(p.required === true, where, `${p.required ? 'required' : 'optional'} parameter added`,
        p.required
          ? `a new required ${camel(p.name)} argument: every call must pass it (a source break once the runtime exposes it)`
          : `a new optional ${camel(p.name)} argument; existing calls are unchanged`,
        p.required ? 'the mock answers 422 to requests without it' : 'existing requests still validate',
        p.required ? 'requests without it are rejected' : NONE);
      continue;
    }
    if (!old.required && p.required) {
      add(true, where, 'parameter is now required', `calls that leave ${camel(p.name)} unset now fail`,
        'the mock answers 422 to requests without it', 'requests without it are rejected');
    }
    if (old.required && !p.required) {
      add(false, where, 'parameter is now optional', `${camel(p.name)} may be left unset`, 'requests may leave it out', NONE);
    }
    compareSchema(where, old.schema, p.schema, 'request', add, { param: p.name, required: p.required === true });
  }
}

function compareRequestBody(op, bodyBefore, bodyAfter, add) {
  const where = `${op} request body`;
  if (bodyBefore && !bodyAfter) {
    add(true, where, 'request body removed', 'the body argument leaves the generated method: a source and binary break',
      'the mock no longer reads the body', 'the body is ignored or rejected');
  }
  if (!bodyBefore && bodyAfter) {
    add(bodyAfter.required === true, where, 'request body added', 'a new body argument on the generated method',
      bodyAfter.required ? 'the mock answers 422 to requests without it' : NONE,
      bodyAfter.required ? 'requests without it are rejected' : NONE);
  }
  if (!bodyBefore || !bodyAfter) return;
  if (!bodyBefore.required && bodyAfter.required) {
    add(true, where, 'request body is now required', 'calls without a body now fail',
      'the mock answers 422 to requests without it', 'requests without it are rejected');
  }
  for (const [type, media] of Object.entries(bodyAfter.content ?? {})) {
    const old = bodyBefore.content?.[type];
    if (!old) add(false, where, `media type ${type} added`, NONE, NONE, `the server also reads ${type}`);
    else compareSchema(where, old.schema, media.schema, 'request', add, { required: true });
  }
  for (const type of Object.keys(bodyBefore.content ?? {})) {
    if (!bodyAfter.content?.[type]) {
      add(true, where, `media type ${type} removed`, 'the generated converter no longer matches the server',
        `the mock rejects ${type} bodies`, `${type} bodies are rejected`);
    }
  }
}

function compareResponses(op, before, after, add) {
  for (const [status, response] of Object.entries(before)) {
    const now = after[status];
    const where = `${op} → ${status}`;
    if (!now) {
      add(true, where, 'response removed', `a ${status} answer is no longer decoded as a result`,
        `the mock no longer answers ${status}`, `the server no longer answers ${status}`);
      continue;
    }
    for (const [type, media] of Object.entries(response.content ?? {})) {
      const later = now.content?.[type];
      if (!later) {
        add(true, where, `media type ${type} removed`, 'the generated decoder no longer matches the answer',
          `the mock no longer answers ${type}`, `answers are no longer ${type}`);
        continue;
      }
      compareSchema(`${where} body`, media.schema, later.schema, 'response', add, { required: true });
      compareExamples(where, media.examples ?? {}, later.examples ?? {}, add);
    }
  }
  for (const status of Object.keys(after)) {
    if (!before[status]) {
      add(false, `${op} → ${status}`, 'response added', 'a new answer type to decode', `the mock may answer ${status}`, `a new ${status} answer`);
    }
  }
}

function compareExamples(where, before, after, add) {
  for (const name of Object.keys(before)) {
    if (!(name in after)) {
      add(true, where, `named example ${name} removed`,
        'none in the SDK; contract tests that ask for the scenario fail',
        `the mock no longer answers Prefer: example=${name}: screens and tests built on that scenario lose it`,
        NONE);
    } else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      add(false, where, `named example ${name} changed`, 'contract tests that check its values may need updating',
        `Prefer: example=${name} answers different data`, NONE);
    }
  }
  for (const name of Object.keys(after)) {
    if (!(name in before)) {
      add(false, where, `named example ${name} added`, NONE, `a new scenario: Prefer: example=${name}`, NONE);
    }
  }
}

/** True when `head`'s major version is above `base`'s: breaking changes are then acknowledged. */
export function majorBumped(baseVersion, headVersion) {
  const major = v => Number.parseInt(String(v ?? '0').split('.')[0], 10) || 0;
  return major(headVersion) > major(baseVersion);
}
