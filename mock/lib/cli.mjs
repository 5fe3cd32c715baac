// The mock's command line: a flag for every setting (settings.mjs), --examples, --help and
// --version, read with node:util's parseArgs. An unknown flag is refused with the usage.
// Hints name the command that works where the mock runs: npm scripts in the repository, npx
// from the installed package.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FLAGS, DEFAULTS } from './settings.mjs';
import { IN_REPOSITORY } from './spec.mjs';

export class UsageError extends Error {}

/** How to start the mock here, and how to start Prism's example mode here. */
export const COMMANDS = Object.freeze(IN_REPOSITORY
  ? { start: 'npm start --prefix mock', flags: 'npm start --prefix mock --', examples: 'npm run start:examples --prefix mock' }
  : { start: 'npx yeastar-conference-mock', flags: 'npx yeastar-conference-mock', examples: 'npx yeastar-conference-mock --examples' });

export function version() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}

/** The text of --help. */
export function usage() {
  const rows = Object.entries(FLAGS).map(([flag, { variable, help }]) =>
    `  --${`${flag} <value>`.padEnd(26)} ${help} [${variable}${DEFAULTS[variable] !== '' ? `, default ${DEFAULTS[variable]}` : ''}]`);
  return [
    `Usage: ${COMMANDS.flags} [flags]`,
    '',
    'A simulated Yeastar PBX (conference/list and its token endpoints) behind Prism\'s validating proxy.',
    '',
    ...rows,
    `  ${'--examples'.padEnd(28)} Prism's example mode: the spec's named examples, no simulator`,
    `  ${'--dynamic'.padEnd(28)} with --examples: random data generated from the spec`,
    `  ${'--help, --version'.padEnd(28)} this text; the package's version`,
    '',
    'Every flag has an environment variable (in brackets); the flag wins. MOCK_CLIENT_SECRET is',
    'read from the environment only, so that it stays out of process listings.',
    `With --examples, arguments after -- go to prism mock as they are (${COMMANDS.examples} -- --errors).`,
  ].join('\n');
}

/**
 * Reads `argv` (without node and the script). Returns { help, version, examples, dynamic,
 * flags: { port: '4712', ... }, prismArgs } or throws UsageError naming what was wrong.
 */
export function readCommandLine(argv) {
  const options = { examples: { type: 'boolean' }, dynamic: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' } };
  for (const flag of Object.keys(FLAGS)) options[flag] = { type: 'string' };
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const prismArgs = split === -1 ? [] : argv.slice(split + 1);
  let parsed;
  try {
    parsed = parseArgs({ args: own, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown flag'));
  }
  const { examples = false, dynamic = false, help = false, version: wantsVersion = false, ...flags } = parsed.values;
  if (dynamic && !examples) throw new UsageError('--dynamic works with --examples only');
  if (prismArgs.length > 0 && !examples) throw new UsageError('arguments after -- go to Prism\'s example mode: add --examples');
  return { help, version: wantsVersion, examples, dynamic, flags, prismArgs };
}
