// Prism's `forward` step, in the mock's process: where `prism proxy` sends a request on to the
// upstream with node-fetch, this hands it to the simulator in process — no socket, no second
// HTTP parse, no log formatting. Everything around it stays Prism's own: the router, the
// request and security validation before, the response validation after.
//
// A GET (Prism never forwards one with a body) goes straight to the simulator's answerApi(),
// the function its fastify route calls, with the query read by the same parser; any other
// request goes through fastify itself (app.inject()), whose body parsing and error handling
// make the PBX's 40001 answers. Measured (README, "Speed"), app.inject() costs about 0.2 ms of
// CPU per call, a quarter of the mock's time per request; the direct call a few microseconds.
//
// Hand-written rather than Prism's forwarder with another fetch: that forwarder formats a log of
// every header and body before and after each call; logging was a quarter of the proxy's CPU time
// (README, "Speed"). What it does to a request and an answer is kept step by step, in order, so
// that the simulator sees what it saw behind `prism proxy` and Prism validates the same answer.
import { posix } from 'node:path';
import { prismRequire } from './prism.mjs';
import { API } from './pbx.mjs';

const E = prismRequire('fp-ts/Either');
const typeIs = prismRequire('type-is');
const { ProblemJsonError } = prismRequire('@stainless-api/prism-http');
const { UPSTREAM_NOT_IMPLEMENTED, PROXY_UNSUPPORTED_REQUEST_BODY } = prismRequire('@stainless-api/prism-http/dist/forwarder/errors');
const { hopByHopHeaders } = prismRequire('@stainless-api/prism-http/dist/forwarder/resources');
const { toURLSearchParams } = prismRequire('@stainless-api/prism-http/dist/utils/url');
const { version: prismVersion } = prismRequire('@stainless-api/prism-http/package.json');

const JSON_TYPES = ['application/json', 'application/*+json'];

/** The body as Prism's forwarder serialises it: a string as it is, anything else truthy as JSON. */
function serializeBody(body) {
  if (typeof body === 'string') return E.right(body);
  if (!body) return E.right(undefined);
  try {
    const text = JSON.stringify(body);
    if (typeof text !== 'string') throw new Error('Converting unsupported structure to JSON');
    return E.right(text);
  } catch (error) {
    return E.left(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The upstream answer as Prism's parseResponse reads it: JSON parsed, headers joined, hop-by-hop dropped. */
function readAnswer(response, resource) {
  const contentType = String(response.headers['content-type'] ?? '');
  const body = response.statusCode !== 204 && typeIs.is(contentType, JSON_TYPES)
    ? JSON.parse(response.payload)
    : response.payload;
  const headers = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!hopByHopHeaders.includes(name)) headers[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  if (resource?.deprecated && !headers.deprecation) headers.deprecation = 'true';
  return { statusCode: response.statusCode, headers, body };
}

/** The simulator's answer to a GET, as app.inject() would report it. */
function answerDirect(simulator, method, url, headers) {
  const search = url.split('?')[1] ?? '';
  const answer = simulator.answerApi({ method, url, headers, query: simulator.parseQuery(search), body: undefined });
  return {
    statusCode: answer.status,
    headers: { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.payload)) },
    payload: answer.payload,
  };
}

/**
 * Prism's `forward` component (createInstance's `components.forward`) that answers from
 * `simulator` (createSimulator()'s: its fastify `app`, `answerApi` and `parseQuery`). Same contract as Prism's own: (input, upstream, proxy,
 * resource) => logger => TaskEither of the upstream's answer; a 501 from the simulator is
 * UPSTREAM_NOT_IMPLEMENTED, which makes Prism answer from the spec instead ("remocking").
 * The mock runs Prism without --errors, so Prism passes no failed validations here: a request
 * that breaks the spec still reaches the simulator, which answers as the PBX would.
 */
export function createForward(simulator) {
  return ({ data: input }, upstream, upstreamProxy, resource) => logger => async () => {
    const method = input.method.toUpperCase();
    if ((method === 'GET' || method === 'HEAD') && input.body !== null && input.body !== undefined) {
      logger.warn(`Upstream ${method} call to ${input.url.path} has request body`);
      return E.left(ProblemJsonError.fromTemplate(PROXY_UNSUPPORTED_REQUEST_BODY));
    }
    const payload = serializeBody(input.body);
    if (E.isLeft(payload)) return payload;
    // The path and query as Prism's forwarder builds the upstream URL from what it validated.
    const target = new URL('http://simulator/');
    target.pathname = posix.join('/', input.url.path);
    target.search = toURLSearchParams(input.url.query).toString();
    const headers = {
      'accept-encoding': '*',
      accept: 'application/json, text/plain, */*',
      'user-agent': `Prism/${prismVersion}`,
      ...input.headers,
      // node-fetch counts the body it sends; so does this.
      'content-length': String(Buffer.byteLength(payload.right ?? '')),
    };
    delete headers.host;
    delete headers['transfer-encoding'];
    let response;
    try {
      const url = target.pathname + target.search;
      response = method === 'GET' && target.pathname.startsWith(`${API}/`)
        ? answerDirect(simulator, method, url, headers)
        : await simulator.app.inject({ method, url, headers, payload: payload.right });
    } catch (error) {
      return E.left(error instanceof Error ? error : new Error(String(error)));
    }
    if (response.statusCode === 501) {
      logger.warn(`Upstream call to ${input.url.path} has returned 501`);
      return E.left(ProblemJsonError.fromTemplate(UPSTREAM_NOT_IMPLEMENTED));
    }
    logger.info(`The upstream call to ${input.url.path} has returned ${response.statusCode}`);
    try {
      return E.right(readAnswer(response, resource));
    } catch (error) {
      return E.left(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
