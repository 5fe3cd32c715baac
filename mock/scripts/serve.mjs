// `npm start` / `npm run start:dynamic`: serves ../openapi/openapi.yaml with Prism.
// HOST and PORT come from the environment (default 127.0.0.1:4010); SEED makes dynamic data
// reproducible. Any other argument goes to `prism mock` as it is.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled();

const args = process.argv.slice(2);
const prismArgs = [
  join(mockDir, 'node_modules', '@stainless-api', 'prism-cli', 'dist', 'index.js'),
  'mock',
  join(mockDir, '..', 'openapi', 'openapi.yaml'),
  '--host', process.env.HOST || '127.0.0.1',
  '--port', process.env.PORT || '4010',
  // Random data has exactly the spec's fields, as the PBX's answers do.
  '--json-schema-faker-fillProperties=false',
];
if (process.env.SEED) {
  prismArgs.push('--seed', process.env.SEED);
}
prismArgs.push(...args);

const prism = spawn(process.execPath, prismArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => prism.kill(signal));
}
prism.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
