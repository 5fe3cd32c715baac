// The live spec. The mock follows edits of the spec file while it runs: each edit is loaded the
// way Prism loads it; a spec that loads becomes the current one (for the simulator's examples
// and the front's checks) and is copied to the private file that Prism serves and watches, so
// Prism reloads it too (in example mode; the in-process Prism of simulator mode takes the store's
// `httpOperations`, Prism's own reading of the spec); a spec that fails to load is reported once,
// with the reason, and the last good one stays in service. Prism therefore never sees a broken
// spec, which would end it.
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { watch } from 'chokidar';
import { indexSpec, findOperation } from './spec.mjs';
import { prismCliRequire, prismRequire } from './prism-modules.mjs';

const digest = text => createHash('sha256').update(text).digest('hex');

/** Prism's own loader (dereferencing, OpenAPI to operations), as the Prism CLI has it. */
const prismLoader = () => prismRequire('@stainless-api/prism-http').getHttpOperationsFromSpec;

/** What the Prism CLI does with a spec's x-json-schema-faker options before it serves it. */
const fakerOptions = path => prismCliRequire('./dist/extensions.js').configureExtensionsUserProvided(path, {});

/** The first line of a YAML or loader error, with its position when it has one. */
function reason(error) {
  return String(error?.message ?? error).split('\n')[0].replace(/:\s*$/, '');
}

export class SpecStore extends EventEmitter {
  /**
   * `source` is the spec file to follow; `log` gets one line per reload or failure. The store
   * reads `source` at once and throws if it cannot be parsed (the start then fails, naming it).
   */
  constructor({ source, log = () => {} }) {
    super();
    this.source = source;
    this.log = log;
    const text = readFileSync(source, 'utf8');
    this.originalDigest = digest(text);
    let spec;
    try {
      spec = parse(text);
    } catch (error) {
      throw new Error(`${source} does not load: ${reason(error)}`);
    }
    this.#use(text, spec);
    this.version = 1;
    this.failure = undefined;
    this.dir = mkdtempSync(join(tmpdir(), 'yeastar-mock-spec-'));
    /** The private copy that Prism serves: always a spec that loaded. */
    this.servedPath = join(this.dir, 'openapi.yaml');
    writeFileSync(this.servedPath, text);
    /** Prism's operations for the spec in service, as `prism` reads them from the served copy. */
    this.httpOperations = undefined;
  }

  /**
   * Resolves once Prism's operations of the first spec are read (`httpOperations`); rejects,
   * naming the file, if Prism cannot load it.
   */
  prismReady() {
    this.firstLoad ??= this.#prismLoad(this.servedPath).then(operations => {
      this.httpOperations ??= operations;
    }).catch(error => {
      throw new Error(`${this.source} does not load in Prism: ${reason(error)}`);
    });
    return this.firstLoad;
  }

  async #prismLoad(path) {
    const operations = await prismLoader()(path);
    if (operations.length === 0) throw new Error('it has no operations');
    await fakerOptions(path);
    return operations;
  }

  #use(text, spec) {
    this.text = text;
    this.spec = spec;
    this.digest = digest(text);
    this.operations = indexSpec(spec);
    this.loadedAt = new Date();
  }

  /** True once the spec in service differs from the one the mock started with. */
  get edited() {
    return this.digest !== this.originalDigest;
  }

  /** The operation for `method` and `pathname` in the spec in service, or undefined. */
  find(method, pathname) {
    return findOperation(this.operations, method, pathname);
  }

  /** Starts following the source file; resolves once the watcher is ready. */
  watch() {
    // Polled by path: editors and git replace the file (a new inode), and a native watch on the
    // old one can go quiet after that, leaving later edits unseen. One stat every 250 ms is cheap.
    this.watcher = watch(this.source, {
      usePolling: true,
      interval: 250,
      awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
      ignoreInitial: true,
    });
    this.watcher.on('change', () => this.reload());
    this.watcher.on('add', () => this.reload());
    this.watcher.on('error', error => this.#fail(`cannot watch ${this.source}: ${reason(error)}`));
    return new Promise(resolve => this.watcher.once('ready', resolve));
  }

  #fail(message) {
    if (message !== this.failure) {
      this.failure = message;
      this.log(`spec: ${message}; still serving the last spec that loaded (${this.loadedAt.toISOString()})`);
    }
    this.emit('failed', message);
  }

  /** Reads the source again; resolves with true when a new spec went into service. */
  async reload() {
    this.pending = (this.pending ?? Promise.resolve()).then(() => this.#reload());
    return this.pending;
  }

  async #reload() {
    let text;
    try {
      text = readFileSync(this.source, 'utf8');
    } catch (error) {
      this.#fail(`cannot read ${this.source}: ${reason(error)}`);
      return false;
    }
    if (digest(text) === this.digest) {
      this.failure = undefined;
      return false;
    }
    let spec;
    let httpOperations;
    // Loaded by Prism from a file beside the served copy, as Prism reads a spec: only a spec
    // that loads replaces the served one.
    const candidate = join(this.dir, 'candidate.yaml');
    try {
      spec = parse(text);
      if (!spec || typeof spec !== 'object') throw new Error('the file holds no OpenAPI document');
      writeFileSync(candidate, text);
      httpOperations = await this.#prismLoad(candidate);
    } catch (error) {
      this.#fail(`${this.source} does not load: ${reason(error)}`);
      return false;
    } finally {
      rmSync(candidate, { force: true });
    }
    const before = new Set(this.operations.map(op => op.key));
    this.#use(text, spec);
    this.httpOperations = httpOperations;
    this.version += 1;
    this.failure = undefined;
    writeFileSync(this.servedPath, text);
    const added = this.operations.map(op => op.key).filter(key => !before.delete(key));
    const changes = [added.length ? `added ${added.join(', ')}` : '', before.size ? `removed ${[...before].join(', ')}` : '']
      .filter(Boolean).join('; ');
    this.log(`spec reloaded: ${this.operations.length} operations${changes ? ` (${changes})` : ''}`);
    this.emit('change', this);
    return true;
  }

  /** Stops watching and removes the private copy. */
  close() {
    this.watcher?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
