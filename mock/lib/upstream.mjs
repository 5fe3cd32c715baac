// Forwarding one buffered request to Prism or the simulator, and reading a request's body.
// Prism closes its port and opens it again when it reloads the spec; a request that meets the
// closed port waits and is sent again, so that an edit of the spec never shows as a 502.
import { request as httpRequest, Agent } from 'node:http';

/** The largest request body the mock reads; a bigger one gets a 413 naming the limit. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a request waits for Prism to listen again after a reload. */
export const RELOAD_WAIT_MS = 20_000;
const RETRIED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

export class BodyTooLarge extends Error {}

/** The deepest nesting of a JSON body passed to Prism, whose validator recurses without a limit. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply `text` nests arrays and objects, outside strings; stops counting past `limit`.
 * Hand-written: a scan of a dozen lines, where parsing would itself recurse into the depth.
 */
export function jsonDepth(text, limit = MAX_JSON_DEPTH) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length && deepest <= limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** Reads the whole request body (a Buffer), or rejects with BodyTooLarge past MAX_BODY_BYTES. */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge(`the request body is larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A forwarder with a keep-alive agent; `reconnect()` and `close()` end its sockets. */
export function createForwarder() {
  let agent = new Agent({ keepAlive: true, maxSockets: 64 });

  function once(base, method, path, headers, body) {
    return new Promise((resolve, reject) => {
      // Host and port from the base, the path as it came: new URL() would read "//x" as a host.
      const { hostname, port } = new URL(base);
      const upstream = httpRequest({ hostname, port, path, method, headers, agent }, response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body.length > 0 ? body : undefined);
    });
  }

  /**
   * Sends the request to `base()` (read again on every try: Prism may listen elsewhere after a
   * reload) and resolves with { status, headers, body }. A refused or dropped connection is
   * tried again for up to RELOAD_WAIT_MS.
   */
  async function forward(base, method, path, headers, body = Buffer.alloc(0)) {
    const deadline = Date.now() + RELOAD_WAIT_MS;
    const sent = { ...headers, 'content-length': String(body.length) };
    delete sent['transfer-encoding'];
    delete sent.host;
    delete sent.connection;
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(base(), method, path, sent, body);
      } catch (error) {
        if (!RETRIED.has(error.code) || Date.now() > deadline) throw error;
        await new Promise(resolve => setTimeout(resolve, Math.min(50 * (attempt + 1), 250)));
      }
    }
  }

  /** Drops the kept-alive connections, so that the next requests reach a server started anew. */
  function reconnect() {
    const old = agent;
    agent = new Agent({ keepAlive: true, maxSockets: 64 });
    old.destroy();
  }

  return { forward, reconnect, close: () => agent.destroy() };
}
