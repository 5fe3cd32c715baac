// The mock's command, run by `npm start` in the repository (scripts/serve.mjs) and by
// `npx yeastar-conference-mock` from the npm package (bin/): the PBX simulator behind Prism's
// validating proxy, run in this process (prism-inprocess.mjs), on HOST:PORT (default
// 127.0.0.1:4010), or with --examples Prism's own mock (`prism mock`, a child process); in both,
// the front (front.mjs) is the one port to call. Settings from flags and the
// environment (cli.mjs, settings.mjs); the spec is followed while it runs (spec-store.mjs).
//
// Every process started here stops with this one: on Ctrl-C, SIGTERM or SIGHUP, when the parent
// (npm) goes away, and, through the pipe that exit-with-parent.cjs watches, even on SIGKILL.
import { createServer as createNetServer } from 'node:net';
import { readSettings, SettingsError } from './settings.mjs';
import { readCommandLine, usage, version, UsageError } from './cli.mjs';
import { redact, startPrism } from './prism.mjs';
import { SPEC_PATH } from './spec.mjs';

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

let command;
let settings;
try {
  command = readCommandLine(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  if (command.version) {
    process.stdout.write(`${version()}\n`);
    process.exit(0);
  }
  settings = readSettings(process.env, command.flags);
} catch (error) {
  if (!(error instanceof SettingsError || error instanceof UsageError)) throw error;
  say(error.message);
  if (error instanceof UsageError) process.stderr.write(`\n${usage()}\n`);
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(0, `stopping (${signal})`));
}
// npm passes a signal to its script's shell, not always on to us: notice the parent going away.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0, 'stopping: the parent process ended');
}, 500).unref();

/** A free loopback port for Prism, kept across its reloads so that the front never loses it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const prismLine = line => {
  if (settings.log === 'debug') process.stdout.write(`prism: ${line}\n`);
};
const prismInProcessLine = line => process.stdout.write(`prism: ${redact(line)}\n`);

async function start() {
  // In example mode Prism takes the longest to start, so it starts first, while the mock's
  // modules load.
  const { SpecStore } = await import('./spec-store.mjs');
  const store = new SpecStore({ source: settings.spec || SPEC_PATH, log: say });
  cleanups.push(() => store.close());
  const { createServer } = await import('node:http');
  let route = (req, res) => {
    res.writeHead(503);
    res.end();
  };
  let simulatorServer;
  let simulatorUrl;
  let prismStarting;
  let prismOptions;
  // Example mode: from a spec change until Prism listens again with it, API calls wait, so that
  // no answer is checked against the spec before the edit. (The in-process Prism of simulator
  // mode takes each loaded spec at once.)
  let reloaded = Promise.resolve();
  let listening = () => {};
  if (command.examples) {
    store.on('change', () => {
      reloaded = new Promise(resolve => {
        listening = resolve;
        setTimeout(resolve, 15_000).unref();
      });
    });
  }
  const onListening = () => listening();
  if (command.examples) {
    prismOptions = {
      mode: 'mock', spec: store.servedPath, port: await freePort(), onLine: prismLine, onListening,
      // Random data has exactly the spec's fields, as the PBX's answers do.
      args: ['--json-schema-faker-fillProperties=false', ...(process.env.SEED ? ['--seed', process.env.SEED] : []),
        ...(command.dynamic ? ['--dynamic'] : []), ...command.prismArgs],
    };
    prismStarting = startPrism(prismOptions);
    prismStarting.catch(() => {}); // awaited below; this only keeps an early failure "handled"
  } else {
    // The simulator's own port serves the mock's pages' calls (/__mock/state, reset, data set);
    // API calls reach it in process, through Prism.
    simulatorServer = createServer((req, res) => route(req, res));
    await new Promise(resolve => simulatorServer.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => simulatorServer.close());
    simulatorUrl = `http://127.0.0.1:${simulatorServer.address().port}`;
  }
  const { createFront } = await import('./front.mjs');
  const { Journal } = await import('./journal.mjs');
  const { Counters } = await import('./counters.mjs');
  const runtime = { auth: settings.auth, latency: settings.latency, faultRate: 0 };
  let simulator;
  if (!command.examples) {
    const { createSimulator } = await import('./simulator.mjs');
    const { loadData } = await import('./data.mjs');
    const data = settings.data ? loadData(settings.data, store) : undefined;
    simulator = createSimulator(settings, {
      store, runtime, data,
      serverFactory: handler => {
        route = handler;
        return simulatorServer;
      },
    });
    await simulator.app.ready();
  }
  let prism;
  let prismInProcess;
  if (command.examples) {
    prism = await prismStarting;
    cleanups.push(() => prism?.stop('SIGKILL'));
    // Prism is restarted, on the same port, if a request ever ends it; calls wait meanwhile. Three
    // ends within a minute stop the mock, naming the cause.
    const ends = [];
    const supervise = child => child.on('exit', async code => {
      if (stopping) return;
      ends.push(Date.now());
      while (ends[0] < Date.now() - 60_000) ends.shift();
      if (ends.length >= 3) stop(code || 1, 'Prism ended three times within a minute; run with --log debug to see why');
      say(`Prism ended unexpectedly (${code}); starting it again`);
      let restarted;
      reloaded = new Promise(resolve => {
        restarted = resolve;
      });
      prism.stop('SIGKILL'); // what is left of the old group, its worker holding the port
      for (let attempt = 1; !stopping; attempt++) {
        try {
          prism = await startPrism(prismOptions);
          supervise(prism.child);
          break;
        } catch (error) {
          // The old worker may hold the port for a moment after the kill.
          if (attempt >= 5) stop(1, `Prism could not start again: ${error.message}`);
          await new Promise(resolve => setTimeout(resolve, 300 * attempt));
        }
      }
      restarted();
    });
    supervise(prism.child);
  } else {
    await store.prismOperationsReady();
    const { createPrismInProcess } = await import('./prism-inprocess.mjs');
    prismInProcess = createPrismInProcess({ store, simulator, upstream: simulatorUrl,
      onLine: settings.log === 'debug' ? prismInProcessLine : undefined });
  }
  const front = createFront({
    prism: () => prism.url,
    prismReady: () => reloaded,
    prismInProcess,
    simulator: simulatorUrl,
    store,
    counters: simulator?.counters ?? new Counters(),
    runtime,
    journal: new Journal(),
    settings,
    log: say,
  });
  await new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(settings.port, settings.host, resolve);
  });
  cleanups.push(() => front.closeAllConnections());
  await store.watch();
  const { port } = front.address();
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const { banner } = await import('./banner.mjs');
  for (const line of banner({ url: `http://${host}:${port}`, settings, mode: command.examples ? 'examples' : 'simulator',
    conferences: simulator?.conferences.length, specPath: store.source })) say(line);
}

process.on('exit', () => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups.length = 0;
});

try {
  await start();
} catch (error) {
  if (error instanceof SettingsError) stop(2, error.message);
  stop(1, error.code === 'EADDRINUSE'
    ? `${settings.host}:${settings.port} is in use: stop what listens there, or use --port (PORT)`
    : `could not start: ${error.message}`);
}

