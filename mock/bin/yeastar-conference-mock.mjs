#!/usr/bin/env node
// `npx yeastar-conference-mock [--examples [prism mock arguments]]`: the mock from the npm package,
// the same command and settings as `npm start --prefix mock` in the repository; npm has installed
// its packages already.
await import('../lib/serve.mjs');
