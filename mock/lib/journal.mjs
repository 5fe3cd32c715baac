// The request journal: the last requests and their answers, tokens masked, for
// GET /__mock/requests and the dashboard; and the one log line per request that people read.
import { redact } from './prism.mjs';

/** How many entries the journal keeps; older ones are dropped first. */
export const JOURNAL_SIZE = 500;
const BODY_PREVIEW = 4096;

/** A body as the journal keeps it: JSON parsed when it is, tokens and secrets masked, cut long. */
export function preview(buffer, contentType = '') {
  if (!buffer || buffer.length === 0) return undefined;
  const text = redact(buffer.subarray(0, BODY_PREVIEW).toString('utf8'));
  if (/json/.test(contentType) && buffer.length <= BODY_PREVIEW) {
    try {
      return JSON.parse(text);
    } catch {
      // kept as text
    }
  }
  return buffer.length > BODY_PREVIEW ? `${text}… (${buffer.length} bytes)` : text;
}

export class Journal {
  constructor(size = JOURNAL_SIZE) {
    this.size = size;
    this.clear();
  }

  clear() {
    this.entries = [];
    this.next = 1;
  }

  /** Adds an entry (see front.mjs for its fields) and gives it a sequence number. */
  add(entry) {
    const recorded = { id: this.next++, ...entry, ...(entry.note ? { note: redact(entry.note) } : {}) };
    this.entries.push(recorded);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    return recorded;
  }

  /**
   * The entries, newest first, that match every filter given in `query` (URLSearchParams):
   * method, path (a substring), status, errcode, scenario (a substring), since (an id: only newer
   * ones), limit (default 100). Throws a RangeError naming an unknown filter.
   */
  select(query) {
    const known = ['method', 'path', 'status', 'errcode', 'scenario', 'since', 'limit'];
    for (const key of query.keys()) {
      if (!known.includes(key)) throw new RangeError(`unknown filter ${key}: the journal filters by ${known.join(', ')}`);
    }
    for (const key of ['status', 'errcode', 'since', 'limit']) {
      const value = query.get(key);
      if (value !== null && !/^-?[0-9]+$/.test(value)) throw new RangeError(`${key}=${value} is not a whole number`);
    }
    const limit = Math.min(Number(query.get('limit') ?? 100), this.size);
    const filters = [
      ['method', e => e.method === query.get('method').toUpperCase()],
      ['path', e => e.path.includes(query.get('path'))],
      ['status', e => e.status === Number(query.get('status'))],
      ['errcode', e => e.errcode === Number(query.get('errcode'))],
      ['scenario', e => (e.scenario ?? []).join(', ').includes(query.get('scenario'))],
      ['since', e => e.id > Number(query.get('since'))],
    ].filter(([key]) => query.has(key)).map(([, test]) => test);
    const found = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length < limit; i--) {
      if (filters.every(test => test(this.entries[i]))) found.push(this.entries[i]);
    }
    return found;
  }
}

/**
 * The log line of one request: method, path (tokens masked), status, errcode, time, then what
 * the mock did or noticed. "GET /openapi/v1.0/conference/list?access_token=***&page=1 200
 * errcode=0 12 ms [example=empty]".
 */
export function logLine(entry) {
  const parts = [entry.method, entry.path, entry.status === undefined ? '---' : String(entry.status)];
  if (entry.errcode !== undefined) parts.push(`errcode=${entry.errcode}`);
  parts.push(`${entry.ms} ms`);
  if (entry.scenario?.length) parts.push(`[${entry.scenario.join(', ')}]`);
  if (entry.unknown?.length) parts.push(`unknown query parameter${entry.unknown.length > 1 ? 's' : ''} ignored: ${entry.unknown.join(', ')}`);
  if (entry.violations?.length) parts.push(`spec: ${entry.violations.join('; ')}`);
  if (entry.note) parts.push(`(${redact(entry.note)})`);
  return parts.join(' ');
}
