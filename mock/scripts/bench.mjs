// `npm run bench --prefix mock`: the mock's throughput and tail latency beside Prism alone, in
// the same run, with autocannon: conference/list at 20 connections for each of
// - the mock as users run it (front, Prism's validating proxy in process, simulator: every
//   request and answer checked by Prism),
// - Prism alone (`prism mock` on the same spec: example answers, requests checked), as it starts
//   by default (the baseline of the ratios) and with --multiprocess (its log formatted in a
//   second process),
// - the simulator direct (no Prism, no front: what validation and the front cost).
// Prints a Markdown table; `--json` prints the numbers instead. BENCH_SECONDS sets the time per
// target (default 10), BENCH_CONNECTIONS the connections (default 20).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PATH = '/openapi/v1.0/conference/list?access_token=bench&page=1&page_size=20&sort_by=name';

if (process.argv[2] === '--serve-simulator') {
  // The simulator alone on a free port, for the "direct" row.
  const { readSettings } = await import('../lib/settings.mjs');
  const { SpecStore } = await import('../lib/spec-store.mjs');
  const { createSimulator } = await import('../lib/simulator.mjs');
  const { SPEC_PATH } = await import('../lib/spec.mjs');
  const store = new SpecStore({ source: SPEC_PATH });
  const simulator = createSimulator(readSettings({}), { store });
  await simulator.app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`ready on http://127.0.0.1:${simulator.app.server.address().port}\n`);
  process.on('SIGTERM', () => {
    store.close();
    process.exit(0);
  });
} else {
  ensureInstalled();
  const { default: autocannon } = await import('autocannon');
  const { PRISM_CLI } = await import('../lib/prism.mjs');
  const { SPEC_PATH } = await import('../lib/spec.mjs');

  /** Starts `args` with node; resolves with { url, stop } once a line matches `ready`. */
  function start(args, ready) {
    const child = spawn(process.execPath, args, { cwd: mockDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
    let output = '';
    return new Promise((resolve, reject) => {
      const onData = chunk => {
        output += chunk;
        const match = ready.exec(output);
        if (match) {
          child.stdout.off('data', onData);
          child.stderr.off('data', onData);
          child.stdout.resume();
          child.stderr.resume();
          resolve({ url: match[1], stop: async () => {
            try {
              process.kill(-child.pid, 'SIGTERM');
            } catch {
              // already gone
            }
            if (child.exitCode === null) await once(child, 'exit');
          } });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', code => reject(new Error(`${args.join(' ')} ended (${code}):\n${output}`)));
    });
  }

  const targets = [
    ['the mock (front, Prism in process, simulator)', () => start(['scripts/serve.mjs'], /ready on (http:\/\/\S+)/)],
    ['Prism alone (prism mock)', () => start([PRISM_CLI, 'mock', SPEC_PATH, '--host', '127.0.0.1', '--port', '0'],
      /Prism is listening on (http:\/\/\S+)/)],
    ['Prism alone, --multiprocess', () => start([PRISM_CLI, 'mock', SPEC_PATH, '--host', '127.0.0.1', '--port', '0', '--multiprocess'],
      /Prism is listening on (http:\/\/\S+)/)],
    ['the simulator direct (no Prism)', () => start(['scripts/bench.mjs', '--serve-simulator'], /ready on (http:\/\/\S+)/)],
  ];

  const results = [];
  for (const [name, launch] of targets) {
    const target = await launch();
    try {
      // A short warm-up, so that every target is measured with its code compiled.
      await autocannon({ url: target.url + PATH, connections: CONNECTIONS, duration: 2, headers: { 'user-agent': 'bench' } });
      const run = await autocannon({ url: target.url + PATH, connections: CONNECTIONS, duration: SECONDS,
        headers: { 'user-agent': 'bench' } });
      results.push({ name, requestsPerSecond: run.requests.average, p99: run.latency.p99, p50: run.latency.p50,
        errors: run.errors + run.timeouts, non2xx: run.non2xx, total: run.requests.total });
    } finally {
      await target.stop();
    }
  }
  const prism = results[1];
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, results }, null, 2)}\n`);
  } else {
    const lines = [
      `conference/list (page_size 20, sort_by name), ${CONNECTIONS} connections, ${SECONDS} s each, autocannon`,
      '',
      '| target | req/s | × Prism alone | p50 ms | p99 ms | p99 × Prism alone | errors, non-2xx |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(r => `| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${(r.requestsPerSecond / prism.requestsPerSecond).toFixed(2)} `
        + `| ${r.p50} | ${r.p99} | ${(r.p99 / prism.p99).toFixed(2)} | ${r.errors}, ${r.non2xx} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
