// Starts the real mock (`node scripts/serve.mjs`, Prism included) on a free port for a test, and
// small helpers to call it. Not a test file: node --test runs only *.test.mjs.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const API = '/openapi/v1.0';
const READY = /ready on (http:\/\/\S+)/;

/**
 * Starts the mock with `env` added to this process's environment; resolves with
 * { url, child, log(), stop() }. `command` replaces `node scripts/serve.mjs` (e.g. npm start),
 * run in `cwd` with `baseEnv` (instead of this process's environment) when given.
 */
export function startMock(env = {}, { command = [process.execPath, 'scripts/serve.mjs'], args = [], ready = READY, cwd = mockDir, baseEnv = process.env } = {}) {
  const child = spawn(command[0], [...command.slice(1), ...args], {
    cwd,
    env: { ...baseEnv, HOST: '127.0.0.1', PORT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mock did not start:\n${output}`)), 60_000);
    const onData = chunk => {
      output += chunk;
      const match = ready.exec(output);
      if (match && timer) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          exited,
          log: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              try {
                process.kill(-child.pid, 'SIGTERM');
              } catch {
                // already gone
              }
            }
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** GET or POST to the mock; resolves with { status, headers, body } (body parsed when JSON). */
export async function call(base, path, { method = 'GET', headers = {}, json } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { 'User-Agent': 'mock-test', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, headers: response.headers, body };
}

export const state = async base => (await call(base, '/__mock/state')).body;
export const reset = base => call(base, '/__mock/reset', { method: 'POST' });

/** The conferences of one page, as "number name" strings. */
export async function listPage(base, query, token = 'any-token') {
  const { body } = await call(base, `${API}/conference/list?access_token=${token}&${query}`);
  return body;
}

/** PIDs of every process whose parent chain leads to `pid` (Linux: from /proc). */
export function descendants(pid) {
  const children = new Map();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const found = [];
  const walk = p => (children.get(p) ?? []).forEach(c => { found.push(c); walk(c); });
  walk(pid);
  return found;
}

function readdirProc() {
  try {
    return readdirSync('/proc').filter(name => /^[0-9]+$/.test(name));
  } catch {
    return [];
  }
}

/** True while `pid` runs (a zombie, ended but not yet reaped, counts as ended). */
export function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
