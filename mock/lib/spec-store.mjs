// The live spec. The mock follows edits of the spec file while it runs: each edit is loaded the
// way Prism loads it, from a file; a spec that loads becomes the current one, at once for the
// simulator's examples, the front's checks and the in-process Prism of simulator mode (which
// routes and validates against `httpOperations`, Prism's own reading of it); in example mode it
// is also copied to the private file that `prism mock` serves and watches, so that Prism reloads
// it too. A spec that fails to load is reported once, with the reason, and the last good one
// stays in service: Prism never sees a broken spec, which would end it.
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { watch } from 'chokidar';
import { indexSpec, findOperation } from './spec.mjs';
import { prismCliRequire, prismRequire } from './prism.mjs';

const digest = text => createHash('sha256').update(text).digest('hex');
/** How often the spec file is stat'ed. */
const POLL_MS = 250;
/** Quiet time after an event before the file is read, so a write in progress is not read half-done. */
const SETTLE_MS = 150;
/** A second look later, in case the watcher's first stat came after the edit (see watch()). */
const RECHECK_MS = 1000;

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
    /** Prism's operations for the spec in service; read by prismOperationsReady(), then on every reload. */
    this.httpOperations = undefined;
    this.dir = undefined;
  }

  /**
   * The private copy that `prism mock` serves (example mode): always a spec that loaded. Made on
   * first use, so that simulator mode leaves no file behind even if it is killed.
   */
  get servedPath() {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'yeastar-mock-spec-'));
      writeFileSync(join(this.dir, 'openapi.yaml'), this.text);
    }
    return join(this.dir, 'openapi.yaml');
  }

  /**
   * Resolves once Prism's operations of the first spec are read (`httpOperations`); rejects,
   * naming the file, if Prism cannot load it.
   */
  prismOperationsReady() {
    this.firstLoad ??= this.#prismLoad(this.text).then(operations => {
      this.httpOperations ??= operations;
    }).catch(error => {
      throw new Error(`${this.source} does not load in Prism: ${reason(error)}`);
    });
    return this.firstLoad;
  }

  /**
   * Prism's operations for `text`, read as the Prism CLI reads a spec: from a file (a private
   * one, removed at once), with the spec's x-json-schema-faker options applied.
   */
  async #prismLoad(text) {
    const dir = mkdtempSync(join(tmpdir(), 'yeastar-mock-load-'));
    try {
      const path = join(dir, 'openapi.yaml');
      writeFileSync(path, text);
      const operations = await prismLoader()(path);
      if (operations.length === 0) throw new Error('it has no operations');
      await fakerOptions(path);
      return operations;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  /**
   * Starts following the source file. Resolves once the watcher is ready and the file, as it is
   * now, has been compared with the spec in service (so an edit made while the mock started is
   * in service or reported by then).
   */
  async watch() {
    // Polled by path: editors and git replace the file (a new inode), and a native watch on the
    // old one can go quiet after that, leaving later edits unseen. One stat every 250 ms is cheap.
    // chokidar's awaitWriteFinish is not used: when its stability stat finds the file absent (a
    // replace caught between unlink and create) it never ends its wait, and every later event of
    // the path is dropped for good (measured with chokidar 5.0.0); #settle waits for quiet instead.
    this.watcher = watch(this.source, { usePolling: true, interval: POLL_MS, ignoreInitial: true });
    // 'raw' as well: chokidar reports a poll as 'change' only when the size changed or the mtime
    // grew, so a same-size file moved over the spec with an older mtime (a kept copy put back)
    // would go unseen; the content digest decides whether anything changed.
    for (const event of ['add', 'change', 'unlink', 'raw']) this.watcher.on(event, () => this.#settle());
    this.watcher.on('error', error => this.#fail(`cannot watch ${this.source}: ${reason(error)}`));
    await new Promise(resolve => this.watcher.once('ready', resolve));
    // Polling compares each stat with the first one, which fs.watchFile takes on the thread pool
    // only after 'ready': an edit made before that stat (or before watch() was called at all,
    // while Prism started) is never reported (measured: about half of the edits made right after
    // 'ready'). So the content is compared now, and again a second later, by when that one stat
    // on the thread pool has been taken even on a busy machine.
    this.#recheck();
    await this.reload();
  }

  /** Compares the content once events have been quiet for SETTLE_MS, and once more later. */
  #settle() {
    clearTimeout(this.settling);
    this.settling = setTimeout(() => {
      this.reload();
      // When chokidar watches a replaced file anew (its poll saw it absent), that watch too starts
      // from a first stat taken later.
      this.#recheck();
    }, SETTLE_MS).unref();
  }

  #recheck() {
    clearTimeout(this.rechecking);
    this.rechecking = setTimeout(() => this.reload(), RECHECK_MS).unref();
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
    if (this.closed) return false;
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
    try {
      spec = parse(text);
      if (!spec || typeof spec !== 'object') throw new Error('the file holds no OpenAPI document');
      httpOperations = await this.#prismLoad(text);
    } catch (error) {
      this.#fail(`${this.source} does not load: ${reason(error)}`);
      return false;
    }
    if (this.closed) return false;
    const before = new Set(this.operations.map(op => op.key));
    this.#use(text, spec);
    this.httpOperations = httpOperations;
    this.version += 1;
    this.failure = undefined;
    if (this.dir) writeFileSync(join(this.dir, 'openapi.yaml'), text);
    const added = this.operations.map(op => op.key).filter(key => !before.delete(key));
    const changes = [added.length ? `added ${added.join(', ')}` : '', before.size ? `removed ${[...before].join(', ')}` : '']
      .filter(Boolean).join('; ');
    this.log(`spec reloaded: ${this.operations.length} operations${changes ? ` (${changes})` : ''}`);
    this.emit('change', this);
    return true;
  }

  /** Stops watching and removes the private copy. */
  close() {
    this.closed = true;
    clearTimeout(this.settling);
    clearTimeout(this.rechecking);
    this.watcher?.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
