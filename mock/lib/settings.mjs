// The mock's settings, from the environment and from command-line flags (a flag wins over its
// variable), read once at start-up. A value that cannot be used stops the start with a message
// naming the flag or variable, instead of being replaced by a default.

/** The settings and their defaults, as the README lists them. */
export const DEFAULTS = Object.freeze({
  HOST: '127.0.0.1',
  PORT: 4010,
  MOCK_CONFERENCES: 57,
  MOCK_SEED: 13,
  MOCK_AUTH: 'open',
  MOCK_CLIENT_ID: 'mock-client-id',
  MOCK_CLIENT_SECRET: 'mock-client-secret',
  MOCK_TOKEN_TTL: 1800,
  MOCK_LATENCY: 0,
  MOCK_MAX_TOKENS: 8,
  MOCK_MAX_FAILED_LOGINS: 5,
  MOCK_LOG: 'info',
  MOCK_DATA: '',
  MOCK_SPEC: '',
});

/** Each flag and the variable it sets; the flag's value wins over the variable's. */
export const FLAGS = Object.freeze({
  host: { variable: 'HOST', help: 'the interface to listen on' },
  port: { variable: 'PORT', help: 'the port to listen on (0: any free port)' },
  auth: { variable: 'MOCK_AUTH', help: 'open (any token works) or strict (only tokens from get_token)' },
  conferences: { variable: 'MOCK_CONFERENCES', help: 'how many conferences the PBX has' },
  seed: { variable: 'MOCK_SEED', help: 'the seed of the generated data set' },
  'token-ttl': { variable: 'MOCK_TOKEN_TTL', help: 'access-token lifetime in seconds' },
  latency: { variable: 'MOCK_LATENCY', help: 'milliseconds added before every API answer' },
  'max-tokens': { variable: 'MOCK_MAX_TOKENS', help: 'live access tokens allowed at once (strict mode)' },
  'max-failed-logins': { variable: 'MOCK_MAX_FAILED_LOGINS', help: 'failed logins in a row before 70004 (strict mode)' },
  'client-id': { variable: 'MOCK_CLIENT_ID', help: 'the demo application\'s Client ID (strict mode)' },
  data: { variable: 'MOCK_DATA', help: 'a JSON file of conferences to serve instead of generated ones' },
  spec: { variable: 'MOCK_SPEC', help: 'the OpenAPI file to serve (default: the bundled spec)' },
  log: { variable: 'MOCK_LOG', help: 'info (one line per request) or debug (Prism\'s own lines too)' },
});

export class SettingsError extends Error {
  name = 'SettingsError';
}

function integer(env, name, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return DEFAULTS[name];
  }
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new SettingsError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

function text(env, name) {
  const raw = env[name];
  return raw === undefined || raw === '' ? DEFAULTS[name] : raw;
}

function oneOf(env, name, allowed) {
  const value = text(env, name);
  if (!allowed.includes(value)) {
    throw new SettingsError(`${name}=${value} is not one of ${allowed.join(', ')}`);
  }
  return value;
}

/**
 * Reads the settings from `env` (process.env by default) with `flags` ({ port: '4712' }, from
 * cli.mjs) over it; throws SettingsError on a bad value, naming the flag when a flag gave it.
 */
export function readSettings(env = process.env, flags = {}) {
  const merged = { ...env };
  const source = {};
  for (const [flag, value] of Object.entries(flags)) {
    if (!FLAGS[flag] || value === undefined) continue;
    merged[FLAGS[flag].variable] = value;
    source[FLAGS[flag].variable] = `--${flag}`;
  }
  try {
    const auth = text(merged, 'MOCK_AUTH');
    if (auth !== 'open' && auth !== 'strict') {
      throw new SettingsError(`MOCK_AUTH=${auth} is neither open nor strict`);
    }
    return {
      host: text(merged, 'HOST'),
      port: integer(merged, 'PORT', 0, 65535),
      conferences: integer(merged, 'MOCK_CONFERENCES', 0, 100_000),
      seed: integer(merged, 'MOCK_SEED', 0, 2 ** 31 - 1),
      auth,
      clientId: text(merged, 'MOCK_CLIENT_ID'),
      clientSecret: text(merged, 'MOCK_CLIENT_SECRET'),
      // The spec's expire times are int32 seconds, at least 1; refresh tokens live 48 times longer.
      tokenTtl: integer(merged, 'MOCK_TOKEN_TTL', 1, Math.floor((2 ** 31 - 1) / 48)),
      latency: integer(merged, 'MOCK_LATENCY', 0, 600_000),
      maxTokens: integer(merged, 'MOCK_MAX_TOKENS', 1, 100_000),
      maxFailedLogins: integer(merged, 'MOCK_MAX_FAILED_LOGINS', 1, 100_000),
      log: oneOf(merged, 'MOCK_LOG', ['info', 'debug']),
      data: text(merged, 'MOCK_DATA'),
      spec: text(merged, 'MOCK_SPEC'),
    };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // "MOCK_AUTH=maybe is ..." becomes "--auth maybe is ..." when the flag gave the value.
    const variable = /^([A-Z_]+)=/.exec(error.message)?.[1];
    throw source[variable]
      ? new SettingsError(error.message.replace(`${variable}=`, `${source[variable]} `))
      : error;
  }
}
