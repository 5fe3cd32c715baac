// What the front reads from a request besides the PBX's parameters: the mock's controls
// (Prefer: example/delay/fault and their __ query forms), and what it writes on every answer:
// CORS headers and the mock's own JSON problems. No Node modules: the MSW handlers use it too.
import { preferences } from './prefer.mjs';

export const FAULTS = Object.freeze(['http503', 'http429', 'reset', 'truncated', 'hang']);
const CONTROLS = ['example', 'delay', 'fault'];
// Preferences that Prism's own mock reads, but that mean nothing to the simulator's answers.
export const PRISM_ONLY = Object.freeze(['dynamic', 'code', 'seed']);
export const MAX_DELAY_MS = 600_000;

/**
 * The headers an app may read across origins. Listed by name: a `*` in Expose-Headers does not
 * apply to requests with credentials (`credentials: 'include'`), which the mock allows.
 */
export const EXPOSED = Object.freeze(['Retry-After', 'Preference-Applied', 'sl-violations', 'Mock-Unknown-Query',
  'Mock-Hint', 'Mock-Spec-Mismatch', 'Content-Length']);

/** The CORS headers of every answer: any origin, with credentials, the mock's headers readable. */
export function corsHeaders(req) {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED.join(', '),
    Vary: 'Origin',
  };
}

/** The answer to a CORS preflight: whatever the app's request will carry is allowed. */
export function preflightHeaders(req) {
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
    'Access-Control-Max-Age': '600',
  };
}

/** Writes an application/problem+json answer (RFC 9457) with CORS headers. */
export function problem(req, res, status, title, detail, headers = {}) {
  const body = JSON.stringify({ title, status, detail });
  res.writeHead(status, { ...corsHeaders(req), 'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** For a preference only Prism's mock knows, where to find it (`command` starts it here). */
function prismOnly(name, command) {
  return PRISM_ONLY.includes(name) && command ? `; ${name} is read by Prism's own mock, without the simulator: \`${command}\`` : '';
}

/**
 * The mock's controls for one request: header preferences win over __ query parameters.
 * `allowPrism` (example mode) also accepts Prism's own preferences, passed on to Prism;
 * `examplesCommand` is named in the error for one of them where they are not accepted.
 * Returns { controls, prism, query } or { error } naming what was wrong.
 */
export function readControls(url, preferHeader, { allowPrism = false, examplesCommand } = {}) {
  const known = allowPrism ? [...CONTROLS, ...PRISM_ONLY] : CONTROLS;
  const controls = {};
  const query = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('__')) {
      const name = key.slice(2);
      if (!known.includes(name)) {
        return { error: `unknown mock parameter ${key}: the mock reads ${known.map(n => `__${n}`).join(', ')}${allowPrism ? '' : prismOnly(name, examplesCommand)}` };
      }
      controls[name] = value;
    } else {
      query.append(key, value);
    }
  }
  let fromHeader;
  try {
    fromHeader = preferences(preferHeader);
  } catch {
    fromHeader = {};
  }
  for (const [name, value] of Object.entries(fromHeader)) {
    if (!known.includes(name)) {
      const given = value === '' ? name : `${name}=${value}`;
      return { error: `unknown preference ${given} in the Prefer header: the mock reads ${known.join(', ').replace(/, (\w+)$/, ' and $1')}${allowPrism ? '' : prismOnly(name, examplesCommand)}` };
    }
    controls[name] = value;
  }
  if (controls.delay !== undefined && !(/^[0-9]+$/.test(controls.delay) && Number(controls.delay) <= MAX_DELAY_MS)) {
    return { error: `delay=${controls.delay} is not a number of milliseconds from 0 to ${MAX_DELAY_MS}` };
  }
  if (controls.fault !== undefined && !FAULTS.includes(controls.fault)) {
    return { error: `fault=${controls.fault} is not one of ${FAULTS.join(', ')}` };
  }
  const prism = PRISM_ONLY.filter(name => controls[name] !== undefined).map(name => `${name}=${controls[name]}`);
  return { controls, prism, query };
}

/** What the Preference-Applied header and the log say was applied: "example=empty, delay=300". */
export function applied(controls) {
  return [...CONTROLS, ...PRISM_ONLY].filter(name => controls[name] !== undefined).map(name => `${name}=${controls[name]}`);
}
