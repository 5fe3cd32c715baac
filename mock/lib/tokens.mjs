// The simulated PBX's token book: which access and refresh tokens are live, for how long, and
// how many logins failed in a row. Time comes from `now()` so that tests need not wait.

/** The PBX's documented limits, the defaults here: 8 live access tokens per application, 5 failed logins. */
export const MAX_LIVE_TOKENS = 8;
export const MAX_FAILED_LOGINS = 5;
/** Refresh tokens live this many times longer than access tokens (1800 s and 86400 s). */
export const REFRESH_FACTOR = 48;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A 32-character token like the vendor's examples, from the system's secure random source (Web
 * Crypto, so that the same code runs in Node and in a browser).
 */
function newToken() {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), byte => ALPHABET[byte % ALPHABET.length]).join('');
}

/** The first four characters only: the state page shows which token, never the token. */
export function fingerprint(token) {
  return `${token.slice(0, 4)}…`;
}

export class TokenBook {
  /** `maxLive` and `maxFailedLogins` default to the PBX's limits. */
  constructor({ ttlSeconds, now = Date.now, maxLive = MAX_LIVE_TOKENS, maxFailedLogins = MAX_FAILED_LOGINS }) {
    this.maxLive = maxLive;
    this.maxFailedLogins = maxFailedLogins;
    this.ttlMs = ttlSeconds * 1000;
    this.ttlSeconds = ttlSeconds;
    this.now = now;
    this.reset();
  }

  reset() {
    this.pairs = []; // { access, refresh, accessUntil, refreshUntil, issuedBy, issuedAt }
    this.failedLogins = 0;
    this.issued = 0;
  }

  /** Drops what has expired: an expired access token no longer counts against the 8. */
  prune() {
    const now = this.now();
    this.pairs = this.pairs.filter(p => p.refreshUntil > now || p.accessUntil > now);
  }

  liveAccess() {
    this.prune();
    const now = this.now();
    return this.pairs.filter(p => p.access !== null && p.accessUntil > now);
  }

  /** The pair whose access token is `token` and still live, or undefined. */
  findAccess(token) {
    return this.liveAccess().find(p => p.access === token);
  }

  findRefresh(token) {
    this.prune();
    const now = this.now();
    return this.pairs.find(p => p.refresh === token && p.refreshUntil > now);
  }

  get blocked() {
    return this.failedLogins >= this.maxFailedLogins;
  }

  loginFailed() {
    this.failedLogins += 1;
  }

  /** A new pair; a successful login also clears the count of failed ones. */
  issue(issuedBy) {
    if (issuedBy === 'get_token') {
      this.failedLogins = 0;
    }
    const now = this.now();
    const pair = {
      access: newToken(),
      refresh: newToken(),
      accessUntil: now + this.ttlMs,
      refreshUntil: now + this.ttlMs * REFRESH_FACTOR,
      issuedBy,
      issuedAt: now,
    };
    this.issued += 1;
    this.pairs.push(pair);
    return pair;
  }

  /** Ends both tokens of a pair (refresh_token and del_token do this). */
  revoke(pair) {
    this.pairs = this.pairs.filter(p => p !== pair);
  }

  /** What /__mock/state shows: fingerprints and remaining seconds, never a whole token. */
  snapshot() {
    const now = this.now();
    const live = this.liveAccess();
    return {
      live_access_tokens: live.length,
      live_refresh_tokens: this.pairs.filter(p => p.refreshUntil > now).length,
      tokens: this.pairs.map(p => ({
        access: fingerprint(p.access),
        access_expires_in: Math.max(0, Math.ceil((p.accessUntil - now) / 1000)),
        access_expires_in_ms: Math.max(0, p.accessUntil - now),
        refresh_expires_in: Math.max(0, Math.ceil((p.refreshUntil - now) / 1000)),
        issued_by: p.issuedBy,
      })),
      tokens_issued: this.issued,
      failed_logins_in_a_row: this.failedLogins,
      logins_blocked: this.blocked,
      limits: { live_access_tokens: this.maxLive, failed_logins: this.maxFailedLogins },
    };
  }
}
