// Preloaded into the Prism process that the mock starts (node --require): Prism ends when its
// stdin pipe from the mock closes, which happens whenever the mock ends, even by SIGKILL, so
// no Prism outlives the mock that started it. It then also removes the mock's private copy of
// the spec (spec-store.mjs), which a mock ended by SIGKILL could not remove itself.
const { rmSync } = require('node:fs');
const { basename } = require('node:path');

function end() {
  const dir = process.env.YEASTAR_MOCK_SPEC_DIR;
  if (dir && basename(dir).startsWith('yeastar-mock-spec-')) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

process.stdin.on('end', end);
process.stdin.on('error', end);
process.stdin.resume();
