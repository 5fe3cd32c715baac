// Preloaded into the Prism process that the mock starts (node --require): Prism ends when its
// stdin pipe from the mock closes, which happens whenever the mock ends, even by SIGKILL, so
// no Prism outlives the mock that started it.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
