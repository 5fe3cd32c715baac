// A browser app on one origin calls the mock on another, preflight included, and shows the
// data. Runs in headless Debian Chromium driven by playwright-core; skipped, saying why, where
// Chromium is absent (mock/scripts/install-chromium.sh installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const mockDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: run mock/scripts/install-chromium.sh`;

let prism;
let prismLog = '';
let mockUrl;
let app;
let appUrl;

// The app: one page that lists conferences from the mock and marks itself done.
const PAGE = `<!doctype html>
<html><body>
<ul id="seed"></ul><ul id="later"></ul><p id="error"></p>
<script>
  const mock = new URLSearchParams(location.search).get('mock');
  const url = mock + '/openapi/v1.0/conference/list?access_token=browser-token&page=1&page_size=5';
  async function show(id, prefer) {
    // Prefer is not a CORS-safelisted header, so the browser sends a preflight first.
    const response = await fetch(url, { headers: { Prefer: prefer } });
    const body = await response.json();
    for (const conference of body.data) {
      const item = document.createElement('li');
      item.textContent = conference.number + ' ' + conference.name;
      document.getElementById(id).appendChild(item);
    }
  }
  Promise.all([show('seed', 'example=seed'), show('later', 'example=later_page')])
    .catch(e => { document.getElementById('error').textContent = String(e); })
    .finally(() => document.body.setAttribute('data-done', 'true'));
</script>
</body></html>`;

function startPrism() {
  return new Promise((resolve, reject) => {
    const cli = join(mockDir, 'node_modules', '@stainless-api', 'prism-cli', 'dist', 'index.js');
    prism = spawn(process.execPath, [cli, 'mock', join(mockDir, '..', 'openapi', 'openapi.yaml'),
      '--host', '127.0.0.1', '--port', '0', '--errors']);
    const timer = setTimeout(() => reject(new Error('Prism did not start:\n' + prismLog)), 60_000);
    const onData = chunk => {
      prismLog += chunk;
      const match = /Prism is listening on (http:\/\/\S+)/.exec(prismLog);
      if (match && !mockUrl) {
        mockUrl = match[1];
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout.on('data', onData);
    prism.stderr.on('data', onData);
    prism.on('exit', code => { if (!mockUrl) reject(new Error(`Prism exited (${code}):\n${prismLog}`)); });
  });
}

before(async () => {
  if (skip) return;
  await startPrism();
  app = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(PAGE);
  });
  await new Promise(resolve => app.listen(0, 'localhost', resolve));
  appUrl = `http://localhost:${app.address().port}/`;
});

after(() => {
  prism?.kill();
  app?.close();
});

test('a page on another origin shows the mock\'s conferences', { skip, timeout: 120_000 }, async () => {
  assert.notEqual(new URL(appUrl).origin, new URL(mockUrl).origin);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright-core gives each launch a new, empty profile of its own.
  });
  try {
    const page = await browser.newPage();
    page.on('console', message => console.log('browser:', message.text()));
    // Preflights are not page requests; the DevTools protocol still reports them.
    const preflights = [];
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    devtools.on('Network.requestWillBeSent', event => {
      if (event.request.method === 'OPTIONS') preflights.push(event.request.url);
    });
    await page.goto(`${appUrl}?mock=${encodeURIComponent(mockUrl)}`);
    await page.waitForSelector('body[data-done="true"]', { timeout: 60_000 });
    assert.equal(await page.textContent('#error'), '');
    assert.deepEqual(await page.$$eval('#seed li', items => items.map(i => i.textContent)),
      ['6500 Sales Weekly Meeting', '6501 Support Case Review', '6502 Marketing Planning Room']);
    assert.deepEqual(await page.$$eval('#later li', items => items.map(i => i.textContent)),
      ['6502 Marketing Planning Room']);
    assert.equal(preflights.length, 2, `preflights seen: ${preflights}`);
    assert.ok(preflights.every(url => url.startsWith(mockUrl)));
  } finally {
    await browser.close();
  }
});
