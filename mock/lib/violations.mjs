// What Prism found wrong with a request or an answer (its sl-violations header), counted, put
// into the request's log line and journal entry, and blamed on what caused it:
// - a request that breaks the spec: the app's; the PBX's answer still goes back;
// - an answer from one of the spec's own examples that breaks the spec: the spec's;
// - an answer of the simulator after the spec was edited: the edit's (the simulator was built
//   for the spec as it was); the answer goes back as it is, the mismatch named in a header;
// - an answer of the simulator that breaks the spec it was built for: a bug of the mock,
//   replaced by a 500 that lists the violations.
import { redact } from './prism.mjs';

/** "query.page" or "body.data.0.name" from a violation's location. */
export function field(violation) {
  const location = Array.isArray(violation.location) ? violation.location : [];
  return (['request', 'response'].includes(location[0]) ? location.slice(1) : location).join('.') || '(the whole message)';
}

/** Printable ASCII for a header value. */
const headerSafe = text => redact(text).replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);

/**
 * Returns the answer to send (the same one, or the 500 for a bug of the mock). `entry` (the
 * journal entry) gets `violations`; `counters` count them.
 */
export function checkViolations({ answer: raw, call, operation, store, counters, entry, examplesMode }) {
  // mock-source is the simulator's note to this check (an answer from a named example), not
  // something for the app: it is read here and never sent on.
  const { 'mock-source': source, ...headers } = raw.headers;
  const answer = { ...raw, headers };
  const header = answer.headers['sl-violations'];
  if (!header) return answer;
  let list;
  try {
    list = JSON.parse(header);
  } catch {
    list = [{ location: ['response'], message: `unreadable sl-violations header: ${header}` }];
  }
  if (!Array.isArray(list)) list = [];
  const isResponse = v => v.location?.[0] === 'response';
  const request = list.filter(v => !isResponse(v));
  const response = list.filter(isResponse);
  entry.violations = [];
  if (request.length > 0) {
    counters.violation('request', call, request);
    entry.violations.push(...request.map(v => `request breaks the spec at ${field(v)}: ${v.message}`));
  }
  if (response.length === 0) return answer;
  counters.violation('response', call, response);
  const named = response.map(v => `${field(v)}: ${v.message}`);
  let cause;
  if (source || examplesMode) {
    const name = source ? `${source.replace(/^example /, '')} ` : '';
    cause = `the spec's example ${name}of ${operation?.key ?? call} does not match the spec's own schema`;
  } else if (store.edited) {
    cause = `the spec was edited (${store.loadedAt.toISOString()}); the simulator's answer does not match it`;
  }
  if (cause) {
    entry.violations.push(`${cause}: ${named.join('; ')}`);
    return { ...answer, headers: { ...answer.headers, 'mock-spec-mismatch': headerSafe(named.join('; ')) } };
  }
  entry.violations.push(`SPEC VIOLATION: the simulator answered outside the spec: ${named.join('; ')}`);
  const body = Buffer.from(JSON.stringify({
    title: 'The mock answered outside the spec',
    status: 500,
    detail: 'The simulator\'s answer failed Prism\'s validation against the spec it was built for; this is a bug in the mock.',
    validation: list,
  }));
  return { status: 500, headers: { ...answer.headers, 'content-type': 'application/problem+json' }, body };
}
