// `npm start` in the repository: installs the mock's packages from package-lock.json on the first
// run, then runs the mock's command (lib/serve.mjs), the one the npm package's bin runs too.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();
await import('../lib/serve.mjs');
