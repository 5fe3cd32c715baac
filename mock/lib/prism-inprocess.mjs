// Prism's validating proxy in the mock's own process, in front of the simulator. Prism's HTTP
// server (prism-http-server) is a thin layer over a Prism instance (prism-http's createInstance):
// it reads the body, builds Prism's input, asks the instance, and writes the answer with the
// violations in an sl-violations header. This file is that layer, step by step, for a request
// that the front has already read; the instance is Prism's own, with its router and validators
// (request, security, response) and only its `forward` step replaced (prism-forward.mjs).
//
// Why not `prism proxy` in a child process, as before: per request it cost a second HTTP hop,
// node-fetch, and a log formatted line by line, about 1.6 ms of CPU (README, "Speed"). The
// instance here validates every request and every answer exactly as that process did.
import { Readable } from 'node:stream';
import { prismRequire } from './prism.mjs';
import { createForward } from './prism-forward.mjs';

const { createInstance, ProblemJsonError } = prismRequire('@stainless-api/prism-http');
const { DiagnosticSeverity } = prismRequire('@stoplight/types');
const { createLogger } = prismRequire('@stainless-api/prism-core');
const { getHttpConfigFromRequest } = prismRequire('@stainless-api/prism-http-server/dist/getHttpConfigFromRequest');
const { serialize } = prismRequire('@stainless-api/prism-http-server/dist/serialize');
const micri = prismRequire('micri');
const typeIs = prismRequire('type-is');
const E = prismRequire('fp-ts/Either');
const TE = prismRequire('fp-ts/TaskEither');
const { pipe } = prismRequire('fp-ts/function');
const { merge } = prismRequire('lodash/fp');

const MAX_SAFE_HEADER_LENGTH = 8 * 1024 - 100;

/** Prism's answer being written: what micri's send() and sendError() need of a response. */
class Reply {
  statusCode = 200;
  headers = {};
  body = undefined;
  writableEnded = false;
  getHeader(name) {
    return this.headers[name.toLowerCase()];
  }
  setHeader(name, value) {
    this.headers[name.toLowerCase()] = value;
  }
  end(data) {
    this.body = data;
    this.writableEnded = true;
  }
}

/** The request body as Prism's server reads it: none, JSON (micri's `invalid_json` 400), or text. */
function parseRequestBody(headers, body) {
  if (headers['content-length'] === '0' || (headers['transfer-encoding'] === undefined && headers['content-length'] === undefined)) {
    return Promise.resolve(null);
  }
  const stream = Object.assign(Readable.from([body]), { headers });
  return typeIs.is(headers['content-type'] ?? '', ['application/json', 'application/*+json'])
    ? micri.json(stream, { limit: '10mb' })
    : micri.text(stream, { limit: '10mb' });
}

function searchParamsToNameValues(searchParams) {
  const params = {};
  for (const key of searchParams.keys()) {
    const values = searchParams.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  return params;
}

const withPrefix = prefix => detail => ({
  location: [prefix].concat(detail.path || []),
  severity: DiagnosticSeverity[detail.severity],
  code: detail.code,
  message: detail.message,
});

/**
 * A logger as Prism's components expect (pino's, with child loggers). Silent unless `onLine` is
 * given (MOCK_LOG=debug); then each entry becomes one line like the Prism CLI's:
 * "[HTTP SERVER] GET /path Request received".
 */
function prismLogger(onLine) {
  if (!onLine) return createLogger('HTTP SERVER', { level: 'silent' });
  const destination = {
    write(json) {
      const entry = JSON.parse(json);
      const input = entry.input ? ` ${entry.input.method.toUpperCase()} ${entry.input.url.path}` : '';
      onLine(`[${entry.name}]${input} ${entry.msg}`);
    },
  };
  return createLogger('HTTP SERVER', { level: 'info' }, destination);
}

/**
 * Prism's proxy in process. `store` is the live spec (spec-store.mjs): each request is routed
 * and validated against `store.httpOperations`, the spec in service at that moment, so an edit
 * of the spec takes effect with the next request. `simulator` is createSimulator()'s result,
 * `upstream` its URL (named in Prism's config only), `onLine` gets Prism's log lines (debug).
 * Returns { answer({ method, path, headers, body }) }, which resolves with
 * { status, headers, body: Buffer } as `prism proxy` (without --errors) would have answered.
 */
export function createPrismInProcess({ store, simulator, upstream = 'http://127.0.0.1/', onLine }) {
  const logger = prismLogger(onLine);
  // As `prism proxy` without --errors: a bad request must reach the simulator and get the PBX's
  // 40002, not Prism's 422; the front reads Prism's verdict from the sl-violations header.
  const config = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    isProxy: true,
    upstream: new URL(upstream),
    upstreamProxy: undefined,
    mock: { dynamic: false, ignoreExamples: false, seed: undefined },
  };
  const prism = createInstance(config, { logger, forward: createForward(simulator) });
  // As the Prism CLI starts: the operations it serves, one line each.
  for (const operation of store.httpOperations ?? []) onLine?.(`[CLI] ${operation.method.toUpperCase().padEnd(10)} ${operation.path}`);
  onLine?.(`[CLI] Prism validates in the mock's process, in front of the simulator (${upstream})`);

  async function handle(request, reply) {
    const body = await parseRequestBody(request.headers, request.body);
    const { searchParams, pathname } = new URL(request.path, 'http://example.com');
    const input = {
      method: request.method.toLowerCase(),
      url: { path: pathname, baseUrl: searchParams.get('__server') || undefined, query: searchParamsToNameValues(searchParams) },
      headers: request.headers,
      body,
    };
    logger.info({ input }, 'Request received');
    const requestConfig = pipe(getHttpConfigFromRequest(input),
      E.map(specific => ({ ...config, mock: merge(config.mock, specific) })));
    await pipe(
      TE.fromEither(requestConfig),
      TE.chain(c => prism.request(input, store.httpOperations, c)),
      TE.chainEitherK(({ output, validations }) => {
        const violations = validations.input.map(withPrefix('request')).concat(validations.output.map(withPrefix('response')));
        // Without --errors (as the mock runs Prism) violations are reported, never answered with a 422.
        if (violations.length > 0) {
          let value = JSON.stringify(violations);
          if (value.length > MAX_SAFE_HEADER_LENGTH) value = `Too many violations! ${value.substring(0, MAX_SAFE_HEADER_LENGTH)}`;
          reply.setHeader('sl-violations', value);
        }
        for (const violation of violations) {
          const message = `Violation: ${violation.location.join('.') || ''} ${violation.message}`;
          if (violation.severity === 'Error') logger.error({ name: 'VALIDATOR' }, message);
          else if (violation.severity === 'Warning') logger.warn({ name: 'VALIDATOR' }, message);
          else logger.info({ name: 'VALIDATOR' }, message);
        }
        return E.tryCatch(() => {
          if (output.headers) for (const [name, value] of Object.entries(output.headers)) reply.setHeader(name, value);
          micri.send(reply, output.statusCode, serialize(output.body, reply.getHeader('content-type')));
        }, E.toError);
      }),
      TE.mapLeft(error => {
        if (!reply.writableEnded) {
          reply.setHeader('content-type', 'application/problem+json');
          for (const [name, value] of Object.entries(error.additional?.headers ?? {})) reply.setHeader(name, value);
          micri.send(reply, error.status || 500, JSON.stringify(ProblemJsonError.toProblemJson(error)));
        }
        logger.error({ input }, `Request terminated with error: ${error}`);
      }),
    )();
  }

  /** Prism's answer to one request; `headers` as the client sent them, `body` a Buffer. */
  async function answer(request) {
    const reply = new Reply();
    try {
      await handle(request, reply);
    } catch (error) {
      // What micri does with an error thrown by Prism's handler, e.g. a body that is not JSON.
      micri.sendError({ headers: request.headers }, reply, error);
    }
    const { body } = reply;
    return { status: reply.statusCode, headers: reply.headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body ?? '') };
  }

  return { answer };
}
