// The operation half of the spec comparison: authentication, deprecation, the SDK's name for the
// operation, parameters (those of the path item included: they apply to every operation under
// it), request bodies, responses with their headers and named examples.
import { NAME, camel } from './spec-java.mjs';
import { compareSchema } from './spec-diff-schema.mjs';

const NONE = 'none';

/** An operation's parameters with its path item's: the operation's win on the same name and place. */
export function effectiveParameters(pathItem, operation) {
  const key = p => `${p.in} ${p.name}`;
  const merged = new Map((pathItem?.parameters ?? []).map(p => [key(p), p]));
  for (const p of operation?.parameters ?? []) merged.set(key(p), p);
  return [...merged.values()];
}

/** `add(breaking, where, what, sdk, frontend, wire, { impact, shared })` collects each change. */
export function compareOperation(op, before, after, base, head, add) {
  const secured = (o, doc) => (o.security ? o.security.length > 0 : (doc.security ?? []).length > 0);
  if (!secured(before, base) && secured(after, head)) {
    add(true, op, 'now requires authentication', 'calls made without a token now fail with TokenExpiredException',
      'the mock answers 401 without access_token', 'requests without a token are rejected');
  }
  if (secured(before, base) && !secured(after, head)) {
    add(false, op, 'no longer requires authentication', 'the token is no longer sent', 'the mock accepts requests without a token', 'a token is no longer needed');
  }
  if (!before.deprecated && after.deprecated) {
    add(false, op, 'operation deprecated', 'its generated method is documented as deprecated', 'plan to stop calling it', 'it may be removed in a later major version');
  }
  if (before.deprecated && !after.deprecated) add(false, op, 'no longer deprecated', NONE, NONE, NONE);
  const sdkName = o => o['x-sdk-name'] ?? null;
  if (sdkName(before) !== sdkName(after)) {
    add(true, op, `x-sdk-name changed from ${sdkName(before) ?? 'none'} to ${sdkName(after) ?? 'none'}`,
      `${sdkName(before) ?? 'its'}Params and the types named after it are renamed: a source and binary break (the runtime that uses them stops compiling)`,
      NONE, NONE, { impact: { sdk: true, frontend: false, wire: false } });
  }
  if ((before.description ?? '') !== (after.description ?? '') || before.summary !== after.summary) {
    add(false, op, 'description changed', 'Javadoc only', 'documentation only', NONE);
  }
  const stem = sdkName(after) ?? sdkName(before);
  const paramsType = stem ? `${stem}Params` : 'the params type';
  compareParameters(op, before.parameters, after.parameters, add, paramsType);
  compareRequestBody(op, before.requestBody, after.requestBody, add);
  compareResponses(op, before.responses ?? {}, after.responses ?? {}, add);
}

function compareParameters(op, beforeList, afterList, add, paramsType) {
  const key = p => `${p.in} parameter ${p.name}`;
  const params = list => new Map((list ?? []).map(p => [key(p), p]));
  const pb = params(beforeList);
  const pa = params(afterList);
  for (const [name, p] of pb) {
    if (pa.has(name)) continue;
    const renamed = [...pa.keys()].filter(k => !pb.has(k));
    add(true, `${op} ${name}`, `parameter removed ${p.deprecated ? '(it was deprecated)' : 'without an earlier deprecation'}`,
      `${paramsType}.Builder.${camel(p.name)}(…) is gone: a source and binary break for callers that set it`,
      `the proxy no longer validates it, but the simulator (mock/lib) acts on it until it is changed${renamed.length ? `, and ignores ${renamed.map(k => k.split(' ').pop()).join(', ')} until then` : ''}`,
      'the server ignores or rejects it', { shared: p[NAME] && `parameter ${p[NAME]}` });
  }
  for (const [name, p] of pa) {
    const old = pb.get(name);
    const where = `${op} ${name}`;
    const shared = p[NAME] ? `parameter ${p[NAME]}` : undefined;
    if (!old) {
      add(p.required === true, where, `${p.required ? 'required' : 'optional'} parameter added`,
        p.required
          ? `a new required ${camel(p.name)}: build() throws until callers set it${p['x-sdk-default'] !== undefined ? ` (unless the SDK default ${p['x-sdk-default']} applies)` : ''}`
          : `a new optional setter ${paramsType}.Builder.${camel(p.name)}(…); existing calls are unchanged`,
        p.required ? 'npm start flags requests without it (sl-violations header) and the simulator answers as before until mock/lib changes; npm run start:examples answers 422' : 'existing requests still validate',
        p.required ? 'requests without it are rejected' : NONE, { shared });
      continue;
    }
    if (!old.required && p.required) {
      add(true, where, 'parameter is now required',
        `${paramsType} built without ${camel(p.name)} now throw at build() (the README's builder().build() among them), and its accessor loses its Optional`,
        'npm start flags requests without it (sl-violations header) and the simulator answers as before until mock/lib changes; npm run start:examples answers 422', 'requests without it are rejected', { shared });
    }
    if (old.required && !p.required) {
      add(false, where, 'parameter is now optional', `${camel(p.name)} may be left unset`, 'requests may leave it out', NONE, { shared });
    }
    if (!old.deprecated && p.deprecated) add(false, where, 'parameter deprecated', `its ${camel(p.name)} setter is documented as deprecated`, 'stop sending it', 'it may be removed in a later major version', { shared });
    if ((old.description ?? '') !== (p.description ?? '')) add(false, where, 'description changed', 'Javadoc only', 'documentation only', NONE, { shared });
    const sdkDefault = x => (x['x-sdk-default'] === undefined ? 'none' : JSON.stringify(x['x-sdk-default']));
    if (sdkDefault(old) !== sdkDefault(p)) {
      add(true, where, `SDK default (x-sdk-default) changed from ${sdkDefault(old)} to ${sdkDefault(p)}`,
        `callers that leave ${camel(p.name)} unset now send ${sdkDefault(p)}: the same code gets other results`,
        NONE, `requests from the SDK carry ${sdkDefault(p)} unless set`, { impact: { sdk: true, frontend: false, wire: false }, shared });
    }
    compareSchema(where, old.schema, p.schema, 'request', add, { param: p.name, paramsType, required: p.required === true, shared });
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
      bodyAfter.required ? 'the mock rejects requests without it' : NONE,
      bodyAfter.required ? 'requests without it are rejected' : NONE);
  }
  if (!bodyBefore || !bodyAfter) return;
  if (!bodyBefore.required && bodyAfter.required) {
    add(true, where, 'request body is now required', 'calls without a body now fail',
      'the mock rejects requests without it', 'requests without it are rejected');
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
    if ((response.description ?? '') !== (now.description ?? '')) add(false, where, 'description changed', 'Javadoc only', 'documentation only', NONE);
    compareHeaders(where, response.headers ?? {}, now.headers ?? {}, add);
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

function compareHeaders(where, before, after, add) {
  for (const [name, header] of Object.entries(before)) {
    const now = after[name];
    const at = `${where} header ${name}`;
    if (!now) {
      add(true, at, 'response header removed', 'the SDK reads no response header: no change to the Java',
        `screens that read ${name} get nothing`, `${name} is no longer sent`, { impact: { sdk: false, frontend: true, wire: true } });
      continue;
    }
    if (!header.required && now.required) add(false, at, 'response header now always sent', NONE, NONE, `${name} is always sent`);
    if (header.required && !now.required) {
      add(true, at, 'response header no longer always sent', NONE, `screens must handle a missing ${name}`, `${name} may be absent`,
        { impact: { sdk: false, frontend: true, wire: true } });
    }
    if ((header.description ?? '') !== (now.description ?? '')) add(false, at, 'description changed', NONE, 'documentation only', NONE);
    compareSchema(at, header.schema, now.schema, 'response', (b, w, what, s, f, wi) =>
      add(b, w, what, 'the SDK reads no response header: no change to the Java', f, wi, { impact: { sdk: false, frontend: b, wire: b } }), {});
  }
  for (const name of Object.keys(after)) {
    if (!before[name]) add(false, `${where} header ${name}`, 'response header added', NONE, `answers carry ${name}`, `a new header ${name}`);
  }
}

function compareExamples(where, before, after, add) {
  const frontendOnly = { impact: { sdk: false, frontend: true, wire: false } };
  for (const name of Object.keys(before)) {
    if (!(name in after)) {
      add(true, where, `named example ${name} removed`,
        'none in the SDK; contract tests that ask for the scenario fail',
        `the mock no longer answers Prefer: example=${name}: screens and tests built on that scenario lose it`,
        NONE, frontendOnly);
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
