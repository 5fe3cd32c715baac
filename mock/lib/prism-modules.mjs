// Prism's modules as the installed Prism CLI has them: resolved from @stainless-api/prism-cli
// (a pinned dependency) and its HTTP server package, so that the mock's in-process Prism runs the
// very copies that `prism mock` runs, wherever npm placed them (in the repository, in
// mock/node_modules; in an installed package, usually hoisted into the project's node_modules).
import { createRequire } from 'node:module';

const cliRequire = createRequire(createRequire(import.meta.url).resolve('@stainless-api/prism-cli/package.json'));

/** require() from Prism's CLI package: its own dist/ files and its dependencies. */
export const prismCliRequire = cliRequire;

/**
 * require() from Prism's HTTP server package, which reaches everything its request handler uses:
 * @stainless-api/prism-http (and its dist/ files), prism-core, micri, type-is, fp-ts.
 */
export const prismRequire = createRequire(cliRequire.resolve('@stainless-api/prism-http-server/package.json'));
