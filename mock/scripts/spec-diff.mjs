// Compares two dereferenced OpenAPI 3.0 documents and lists each change in words, saying what it
// does to SDK callers, frontend teams and the wire, and which of the three it breaks. The wire
// rules follow what the maintained diff engines check (defaults, deprecation, composition,
// constraints, response headers, security schemes); kept hand-written because none of them that
// installs from our registries classifies a change for a generated client or for the mock
// (docs/spec-review.md, "What our own comparator covers"). The spec review measures the SDK
// and the frontend beside this (spec-sdk.mjs, spec-frontend.mjs); this says why.
import { compareOperation, effectiveParameters } from './spec-diff-operation.mjs';
import { compareGenerator } from './spec-diff-generator.mjs';
import { flatten } from './spec-diff-schema.mjs';

export { flatten, effectiveParameters };

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const NONE = 'none';

/**
 * Returns [{ breaking, where, what, sdk, frontend, wire, impact, shared? }] for the changes from
 * `base` to `head`. `breaking` gates the review (unless a major version bump acknowledges it);
 * `impact` says per audience ({ sdk, frontend, wire }: booleans) whom it breaks; `shared` names
 * the component a change sits in, so that a report can say it once for every operation it reaches.
 * `where` never contains a backtick, so that a report can quote it in one code span.
 */
export function compare(base, head) {
  const changes = [];
  const add = (breaking, where, what, sdk, frontend, wire, extra = {}) => {
    const impact = extra.impact
      ?? { sdk: breaking && sdk !== NONE, frontend: breaking && frontend !== NONE, wire: breaking && wire !== NONE };
    const change = { breaking, where, what, sdk, frontend, wire, impact };
    if (extra.shared) change.shared = extra.shared;
    changes.push(change);
  };

  if (base.info?.version !== head.info?.version) {
    add(false, 'info.version', `changed from ${base.info?.version} to ${head.info?.version}`,
      `the SDK built from this spec is versioned ${head.info?.version}`, NONE, NONE);
  }
  if ((base.info?.description ?? '') !== (head.info?.description ?? '')) {
    add(false, 'info', 'description changed', 'Javadoc only', 'documentation only', NONE);
  }
  compareSecuritySchemes(base, head, add);
  const basePaths = base.paths ?? {};
  const headPaths = head.paths ?? {};
  for (const path of Object.keys(basePaths)) {
    if (path in headPaths) continue;
    const ops = METHODS.filter(m => basePaths[path][m]);
    const warned = ops.length > 0 && ops.every(m => basePaths[path][m].deprecated);
    add(true, path, `path removed ${warned ? '(it was deprecated)' : 'without an earlier deprecation'}`,
      'its generated API methods and params types are gone: a source and binary break for their callers',
      'the mock answers 404 for it: screens that call it fail',
      'requests to it are no longer served');
  }
  for (const path of Object.keys(headPaths)) {
    if (!(path in basePaths)) {
      add(false, path, 'path added', 'new generated API methods and params types',
        'the simulator does not know it until mock/lib implements it (the PBX answers errcode 10001 for endpoints it lacks); ' +
          'npm run start:examples serves its examples',
        'a new endpoint');
      continue;
    }
    for (const method of METHODS) {
      const before = basePaths[path][method];
      const after = headPaths[path][method];
      const op = `${method.toUpperCase()} ${path}`;
      if (before && !after) {
        add(true, op, `operation removed ${before.deprecated ? '(it was deprecated)' : 'without an earlier deprecation'}`,
          `the generated method${before.operationId ? ` ${before.operationId}` : ''} and its params type are gone: a source and binary break`,
          'the mock answers 405 or 404 for it', 'the operation is no longer served');
      }
      if (!before && after) {
        add(false, op, 'operation added', 'a new generated method and params type',
          'the simulator does not serve it until mock/lib implements it; npm run start:examples serves its examples',
          'a new operation');
      }
      if (before && after) {
        compareOperation(op, { ...before, parameters: effectiveParameters(basePaths[path], before) },
          { ...after, parameters: effectiveParameters(headPaths[path], after) }, base, head, add);
      }
    }
  }
  compareGenerator(base, head, add);
  return changes;
}

/** The security schemes: their type, name and location decide how every request carries the token. */
function compareSecuritySchemes(base, head, add) {
  const before = base.components?.securitySchemes ?? {};
  const after = head.components?.securitySchemes ?? {};
  for (const [name, scheme] of Object.entries(before)) {
    const now = after[name];
    const where = `security scheme ${name}`;
    if (!now) {
      add(true, where, 'security scheme removed', 'the generated client no longer sends this credential',
        'the mock no longer expects it', 'requests that carry it are no longer authenticated by it');
      continue;
    }
    for (const key of ['type', 'in', 'name', 'scheme', 'bearerFormat']) {
      if ((scheme[key] ?? null) === (now[key] ?? null)) continue;
      add(true, where, `${key} changed from ${scheme[key] ?? 'none'} to ${now[key] ?? 'none'}`,
        'a regenerated SDK sends the token the new way; every released SDK still sends it the old way and is refused',
        'screens and tests that pass the token themselves must move it',
        `every secured request changes: the token travels ${now.in ?? now.scheme ?? now.type} as ${now.name ?? now.scheme ?? now.type}`);
    }
    if ((scheme.description ?? '') !== (now.description ?? '')) {
      add(false, where, 'description changed', 'Javadoc only', 'documentation only', NONE);
    }
  }
  for (const name of Object.keys(after)) {
    if (!before[name]) add(false, `security scheme ${name}`, 'security scheme added', 'a new credential the generator may send', NONE, 'a new way to authenticate');
  }
}

/** True when `head`'s major version is above `base`'s: breaking changes are then acknowledged. */
export function majorBumped(baseVersion, headVersion) {
  const major = v => Number.parseInt(String(v ?? '0').split('.')[0], 10) || 0;
  return major(headVersion) > major(baseVersion);
}
