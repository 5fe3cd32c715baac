// Installs the mock's npm packages with `npm ci` when node_modules is missing or was installed
// from another package-lock.json, so that every command works on a fresh clone and a warm
// run costs nothing. Uses Node's built-ins only: it runs before anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(mockDir, 'node_modules', '.installed-from-lock');

export function ensureInstalled() {
  const lock = readFileSync(join(mockDir, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    return;
  }
  console.error('mock: installing npm packages from package-lock.json (first run only)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: mockDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`mock: npm ci failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, digest);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureInstalled();
}
