// Reads the Prefer request header (RFC 7240): "example=seed, delay=500" -> { example: 'seed',
// delay: '500' }. Hand-written: a dozen lines, where a library would add a dependency for them.

/** The preferences in a Prefer header value (a string, an array of them, or undefined). */
export function preferences(header) {
  const result = {};
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  for (const value of values) {
    for (const part of value.split(',')) {
      // Parameters after ';' belong to the preference before them; none of ours has any.
      const [token] = part.split(';');
      const match = /^\s*([A-Za-z0-9_-]+)\s*(?:=\s*"?([^"]*)"?)?\s*$/.exec(token);
      if (match) {
        result[match[1].toLowerCase()] = match[2] ?? '';
      }
    }
  }
  return result;
}
