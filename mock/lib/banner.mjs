// What the mock prints once it is ready: the URL to call (the ready line), a curl line that
// works as it is, strict mode's login, the mock's own pages, and the spec it follows.
import { DEFAULTS } from './settings.mjs';

const quote = text => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * The lines of the banner. `url` is the front's URL; `mode` 'simulator' or 'examples';
 * `conferences` how many the simulator serves. The Client Secret is shown only when it is the
 * documented demo value; one set by the user is referred to by its variable, never printed.
 */
export function banner({ url, settings, mode, conferences, specPath }) {
  const list = `${url}/openapi/v1.0/conference/list?access_token=demo&page=1&page_size=5`;
  const lines = [];
  if (mode === 'examples') {
    lines.push(`Prism's example mode ready on ${url} (the spec's named examples; faults and delays as with the simulator)`);
  } else {
    lines.push(`PBX simulator ready on ${url} (auth ${settings.auth}, ${conferences} conferences, token TTL `
      + `${settings.tokenTtl} s${settings.latency ? `, latency ${settings.latency} ms` : ''})`);
  }
  if (mode !== 'examples' && settings.auth === 'strict') {
    const secret = settings.clientSecret === DEFAULTS.MOCK_CLIENT_SECRET ? settings.clientSecret : '$MOCK_CLIENT_SECRET';
    const body = `{"username":"${settings.clientId}","password":"${secret}"}`;
    lines.push(`  log in:    curl -H 'User-Agent: demo' -H 'Content-Type: application/json' -d ${secret === settings.clientSecret
      ? quote(body) : `"${body.replace(/"/g, '\\"').replace('\\$', '$')}"`} ${url}/openapi/v1.0/get_token`);
    lines.push(`  then:      curl -H 'User-Agent: demo' '${list.replace('access_token=demo', 'access_token=<access_token from the login>')}'`);
    lines.push(`  limits:    ${settings.maxTokens} live tokens, ${settings.maxFailedLogins} failed logins in a row; `
      + `POST ${url}/__mock/reset lifts a lockout`);
  } else {
    lines.push(`  try:       curl -H 'User-Agent: demo' '${list}'`);
  }
  lines.push(`  dashboard: ${url}/`);
  lines.push(`  journal:   ${url}/__mock/requests   state: ${url}/__mock/state   reset: curl -X POST ${url}/__mock/reset`);
  lines.push(`  spec:      ${specPath} (edits apply while the mock runs)`);
  lines.push('  stop:      Ctrl-C');
  return lines;
}
