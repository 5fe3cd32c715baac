// The simulator in the browser with no mock server: a page registers a service worker with the
// package's MSW handlers (lib/msw.mjs, no build step: an import map and msw's browser bundle),
// then pages, sorts by name and shows a fault. Only a static file server runs, and it answers
// 404 for every API path, so each answer the page shows came from the worker. Headless Chromium;
// skipped, saying why, where Chromium is absent (mock/scripts/install-chromium.sh installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import { launchChromium, skip } from './chromium.mjs';
import { mockDir } from './support.mjs';


const PAGE = `<!doctype html>
<html><body data-state="starting">
<script type="importmap">{ "imports": { "@faker-js/faker": "/node_modules/@faker-js/faker/dist/index.js" } }</script>
<script src="/node_modules/msw/lib/iife/index.js"></script>
<p id="status"></p><p id="error" role="alert"></p>
<table><tbody id="rows"></tbody></table>
<script type="module">
  import { createHandlers } from '/lib/msw.mjs';
  const spec = await (await fetch('/openapi.json')).json();
  const { setupWorker, http, HttpResponse, delay } = window.MockServiceWorker;
  const { handlers } = createHandlers({ http, HttpResponse, delay }, { spec });
  await setupWorker(...handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
  window.load = async (query, prefer) => {
    document.body.dataset.state = 'loading';
    try {
      const response = await fetch('/openapi/v1.0/conference/list?access_token=browser&' + query, { headers: prefer ? { Prefer: prefer } : {} });
      const body = await response.json();
      if (!response.ok) throw new Error('HTTP ' + response.status + ': ' + (body.detail || body.title));
      document.getElementById('rows').replaceChildren(...body.data.map(c => {
        const row = document.createElement('tr');
        row.innerHTML = '<td></td><td></td>';
        row.cells[0].textContent = c.number;
        row.cells[1].textContent = c.name;
        return row;
      }));
      document.getElementById('status').textContent = body.total_number + ' conferences';
      document.getElementById('error').textContent = '';
      document.body.dataset.state = 'ready';
    } catch (e) {
      document.getElementById('error').textContent = e.message;
      document.body.dataset.state = 'error';
    }
  };
  document.body.dataset.state = 'ready';
</script>
</body></html>`;

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
let site;
let siteUrl;
const seen = [];

before(async () => {
  if (skip) return;
  const spec = JSON.stringify(parse(readFileSync(join(mockDir, '..', 'openapi', 'openapi.yaml'), 'utf8')));
  site = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://site').pathname);
    seen.push(path);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html', PAGE);
    if (path === '/openapi.json') return send(200, 'application/json', spec);
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (path === '/mockServiceWorker.js') return send(200, 'text/javascript', readFileSync(join(mockDir, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js')));
    const file = normalize(join(mockDir, path));
    if ((path.startsWith('/lib/') || path.startsWith('/node_modules/')) && file.startsWith(mockDir) && existsSync(file)) {
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    return send(404, 'application/json', JSON.stringify({ error: `the static server has no ${path}` }));
  });
  await new Promise(resolve => site.listen(0, 'localhost', resolve));
  siteUrl = `http://localhost:${site.address().port}`;
});

after(() => site?.close());

test('in Chromium, with no mock server, the worker pages, sorts and shows a fault', { skip, timeout: 120_000 }, async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', message => console.log('browser:', message.text()));
    page.on('pageerror', error => console.log('browser error:', error.message));
    await page.goto(`${siteUrl}/`);
    await page.waitForSelector('body[data-state="ready"]', { state: 'attached', timeout: 60_000 });
    const rows = async (query, prefer) => {
      await page.evaluate(([q, p]) => window.load(q, p), [query, prefer]);
      return page.$$eval('#rows tr', trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
    };
    const first = await rows('page=1&page_size=5');
    assert.deepEqual(first.map(r => r[0]), ['6500', '6501', '6502', '6503', '6504']);
    assert.deepEqual(first[0], ['6500', 'Sales Weekly Meeting']);
    assert.equal(await page.textContent('#status'), '57 conferences');
    const second = await rows('page=2&page_size=5');
    assert.deepEqual(second.map(r => r[0]), ['6505', '6506', '6507', '6508', '6509']);
    const byName = (await rows('page=1&page_size=100&sort_by=name')).map(r => r[1]);
    assert.equal(byName.length, 57);
    assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    await rows('page=1&page_size=5', 'fault=http503');
    assert.equal(await page.getAttribute('body', 'data-state'), 'error');
    assert.match(await page.textContent('#error'), /^HTTP 503: a simulated 503/);
    assert.ok(!seen.some(path => path.startsWith('/openapi/')), `the static server saw an API call: ${seen.filter(p => p.startsWith('/openapi/'))}`);
  } finally {
    await browser.close();
  }
});
