// The mock's settings, read from the environment once at start-up. A value that cannot be used
// stops the start with a message naming the variable, instead of being replaced by a default.

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
});

export class SettingsError extends Error {}

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

/** Reads the settings from `env` (process.env by default); throws SettingsError on a bad value. */
export function readSettings(env = process.env) {
  const auth = text(env, 'MOCK_AUTH');
  if (auth !== 'open' && auth !== 'strict') {
    throw new SettingsError(`MOCK_AUTH=${auth} is neither open nor strict`);
  }
  return {
    host: text(env, 'HOST'),
    port: integer(env, 'PORT', 0, 65535),
    conferences: integer(env, 'MOCK_CONFERENCES', 0, 100_000),
    seed: integer(env, 'MOCK_SEED', 0, 2 ** 31 - 1),
    auth,
    clientId: text(env, 'MOCK_CLIENT_ID'),
    clientSecret: text(env, 'MOCK_CLIENT_SECRET'),
    // The spec's expire times are int32 seconds, at least 1; refresh tokens live 48 times longer.
    tokenTtl: integer(env, 'MOCK_TOKEN_TTL', 1, Math.floor((2 ** 31 - 1) / 48)),
    latency: integer(env, 'MOCK_LATENCY', 0, 600_000),
  };
}
