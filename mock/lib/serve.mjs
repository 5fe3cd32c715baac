// The mock's command, run by `npm start` in the repository (scripts/serve.mjs) and by
// `npx yeastar-conference-mock` from the npm package (bin/): the PBX simulator behind Prism's
// validating proxy, on HOST:PORT (default 127.0.0.1:4010); settings from the environment (see
// settings.mjs and the README). `--examples`: Prism alone, serving the spec's examples; arguments
// after it go to `prism mock` as they are (`--dynamic` for random data).
//
// Every process started here stops with this one: on Ctrl-C, SIGTERM or SIGHUP, when the parent
// (npm) goes away, and, through the pipe that exit-with-parent.cjs watches, even on SIGKILL.
import { readSettings, SettingsError } from './settings.mjs';
import { startPrism } from './prism.mjs';

const examplesMode = process.argv[2] === '--examples';
const say = line => process.stderr.write(`mock: ${line}\n`);
const cleanups = [];
let stopping = false;

function stop(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) say(why);
  for (const cleanup of cleanups.reverse()) cleanup();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(0, `stopping (${signal})`));
}
// npm passes a signal to its script's shell, not always on to us: notice the parent going away.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0, 'stopping: the parent process ended');
}, 500).unref();

let settings;
try {
  settings = readSettings();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  say(error.message);
  process.exit(2);
}

async function startPrismOnly() {
  const prism = await startPrism({
    mode: 'mock',
    host: settings.host,
    port: settings.port,
    // Random data has exactly the spec's fields, as the PBX's answers do.
    args: ['--json-schema-faker-fillProperties=false', ...(process.env.SEED ? ['--seed', process.env.SEED] : []),
      ...process.argv.slice(3)],
    onLine: line => process.stdout.write(`${line}\n`),
  });
  cleanups.push(() => prism.stop('SIGKILL'));
  prism.child.on('exit', code => stop(code ?? 1, 'Prism ended'));
}

async function startSimulator() {
  // Prism takes the longest to start, so it starts first, on the simulator's port, while the
  // simulator's modules load; until they have, the simulator's server answers 503.
  const { createServer } = await import('node:http');
  let route = (req, res) => {
    res.writeHead(503);
    res.end();
  };
  const simulatorServer = createServer((req, res) => route(req, res));
  await new Promise(resolve => simulatorServer.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => simulatorServer.close());
  const simulatorUrl = `http://127.0.0.1:${simulatorServer.address().port}`;
  const prismStarting = startPrism({
    mode: 'proxy',
    upstream: simulatorUrl,
    // Not --errors: a bad request must reach the simulator and get the PBX's 40002, not
    // Prism's 422. The front reads Prism's verdict from each answer's sl-violations header.
    onLine: line => process.stdout.write(`${line}\n`),
  });
  prismStarting.catch(() => {}); // awaited below; this only keeps an early failure "handled"
  const { createSimulator } = await import('./simulator.mjs');
  const { createFront } = await import('./front.mjs');
  const simulator = createSimulator(settings, {
    serverFactory: handler => {
      route = handler;
      return simulatorServer;
    },
  });
  await simulator.app.ready();
  const prism = await prismStarting;
  cleanups.push(() => prism.stop('SIGKILL'));
  prism.child.on('exit', code => stop(code || 1, 'Prism ended unexpectedly'));
  const front = createFront({
    simulator: simulatorUrl,
    prism: prism.url,
    counters: simulator.counters,
    examples: simulator.examples,
    latency: settings.latency,
    log: say,
  });
  await new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(settings.port, settings.host, resolve);
  });
  cleanups.push(() => front.closeAllConnections());
  const { port } = front.address();
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  say(`PBX simulator ready on http://${host}:${port} (auth ${settings.auth}, ${simulator.conferences.length} `
    + `conferences, token TTL ${settings.tokenTtl} s${settings.latency ? `, latency ${settings.latency} ms` : ''})`);
}

process.on('exit', () => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups.length = 0;
});

try {
  await (examplesMode ? startPrismOnly() : startSimulator());
} catch (error) {
  stop(1, error.code === 'EADDRINUSE'
    ? `${settings.host}:${settings.port} is in use: stop what listens there, or set PORT`
    : `could not start: ${error.message}`);
}
