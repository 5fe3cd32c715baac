// The way out of strict mode's lockouts, which the PBX does not tell: the answer's body stays
// the PBX's, and a Mock-Hint header and the log line say what lifts the lockout.

/** The hint for an answer's errcode, or undefined. `settings` gives the limits. */
export function lockoutHint(errcode, { settings }) {
  if (errcode === 60002) {
    return `${settings.maxTokens} access tokens are live, the limit (MOCK_MAX_TOKENS, --max-tokens); `
      + 'revoke one with del_token, let one expire, or POST /__mock/reset to end them all';
  }
  if (errcode === 70004) {
    return `logins are blocked after ${settings.maxFailedLogins} failed ones in a row (MOCK_MAX_FAILED_LOGINS, `
      + '--max-failed-logins); POST /__mock/reset lifts the block';
  }
  return undefined;
}
