// Counts that /__mock/state shows: calls by endpoint and errcode, faults by kind, and spec
// violations (request and response) with the latest ones.

export class Counters {
  constructor() {
    this.reset();
  }

  reset() {
    this.calls = {};
    this.faults = {};
    this.violations = { request: 0, response: 0, recent: [] };
  }

  call(endpoint, errcode) {
    const entry = (this.calls[endpoint] ??= { total: 0, errcodes: {} });
    entry.total += 1;
    entry.errcodes[errcode] = (entry.errcodes[errcode] ?? 0) + 1;
  }

  fault(kind) {
    this.faults[kind] = (this.faults[kind] ?? 0) + 1;
  }

  violation(where, request, list) {
    this.violations[where] += list.length;
    this.violations.recent.push(...list.map(v => ({ where, request, message: v.message })));
    this.violations.recent.splice(0, Math.max(0, this.violations.recent.length - 20));
  }
}
