// Starts Prism (`prism mock` or `prism proxy`) as a child process in a process group of its own,
// reads its log line by line with tokens masked, and stops the whole group; and finds Prism's
// modules for the Prism that runs in the mock's process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from './spec.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// Resolved as Node resolves a dependency: in the repository it is in mock/node_modules, in an
// installed package wherever npm placed it (usually hoisted into the project's node_modules).
const prismPackage = createRequire(import.meta.url).resolve('@stainless-api/prism-cli/package.json');
export const PRISM_CLI = join(dirname(prismPackage), JSON.parse(readFileSync(prismPackage, 'utf8')).bin.prism);

/**
 * require() from Prism's CLI package, and from its HTTP server package, which reaches everything
 * that server's request handler uses (@stainless-api/prism-http and its dist/ files, prism-core,
 * micri, type-is, fp-ts): the in-process Prism (prism-inprocess.mjs) runs the very copies that
 * `prism mock` runs. prism-cli 5.16.1 (pinned in package.json) pins prism-http and
 * prism-http-server 5.16.1 and prism-core 5.13.1 exactly, so the dist/ files read from them are
 * fixed by that one pin.
 */
export const prismCliRequire = createRequire(prismPackage);
export const prismRequire = createRequire(prismCliRequire.resolve('@stainless-api/prism-http-server/package.json'));
const LISTENING = /Prism is listening on (http:\/\/\S+)/;

/** Masks access and refresh tokens in a URL or log line: Prism logs every URL it forwards. */
export function redact(text) {
  return String(text)
    .replace(/((?:access_token|refresh_token|password)=)[^&\s"']+/g, '$1***')
    .replace(/("(?:access_token|refresh_token|password)"\s*:\s*")[^"]*/g, '$1***');
}

/**
 * Starts Prism and resolves once it listens, with { url, child, stop }. `mode` is 'mock' or
 * 'proxy'; `spec` the file it serves (and watches); `upstream` is the proxied server; `args` go
 * to Prism as they are; `onLine` gets each log line, redacted. Prism listens anew after each
 * reload of the spec; `url` follows it, and `onListening` hears of it.
 */
export function startPrism({ mode, spec = SPEC_PATH, upstream, host = '127.0.0.1', port = 0, args = [], onLine = () => {},
  onListening = () => {} }) {
  const command = ['--require', join(here, 'exit-with-parent.cjs'), PRISM_CLI, mode, spec];
  if (mode === 'proxy') command.push(upstream);
  command.push('--host', host, '--port', String(port), ...args);
  // detached: a process group of its own, so that stop() reaches anything Prism itself starts.
  // The spec's directory is removed by exit-with-parent.cjs if the mock ends without doing it.
  const env = { ...process.env, YEASTAR_MOCK_SPEC_DIR: dirname(spec) };
  const child = spawn(process.execPath, command, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env });
  let stopped = false;
  const stop = (signal = 'SIGTERM') => {
    // Also when Prism itself has ended: the group may still hold its --multiprocess worker.
    if (stopped) return;
    stopped = signal === 'SIGKILL';
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  const handle = { url: undefined, child, stop };
  return new Promise((resolve, reject) => {
    let url;
    const recent = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', raw => {
        const line = redact(raw);
        recent.push(line);
        recent.splice(0, Math.max(0, recent.length - 50));
        onLine(line);
        const match = LISTENING.exec(line);
        if (match && !url) {
          url = match[1];
          handle.url = url;
          resolve(handle);
        } else if (match) {
          handle.url = match[1];
          onListening(handle.url);
        }
      });
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!url) reject(new Error(`Prism ended before it listened (${code ?? signal}):\n${recent.join('\n')}`));
    });
  });
}
