// A browser app on one origin uses the mock on another: a small conference table that pages,
// sorts by name and shows the error of a failing call. Runs in headless Debian Chromium driven
// by playwright-core; skipped, saying why, where Chromium is absent
// (mock/scripts/install-chromium.sh installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launchChromium, skip } from './chromium.mjs';
import { startMock, state } from './support.mjs';


let mock;
let app;
let appUrl;

// The app: a table of conferences with paging, sorting by name, and a button that asks the
// mock for a 503. body[data-state] says when a call has finished.
const PAGE = `<!doctype html>
<html><body data-state="loading">
<label>Page size <select id="size"><option>5</option><option>100</option></select></label>
<button id="prev">Previous</button> <button id="next">Next</button>
<button id="sort-name">Sort by name</button> <button id="fail">Simulate an outage</button>
<p id="status"></p><p id="error" role="alert"></p>
<table><thead><tr><th>Number</th><th>Name</th><th>Moderators</th></tr></thead><tbody id="rows"></tbody></table>
<script>
  const mock = new URLSearchParams(location.search).get('mock');
  const view = { page: 1, size: 5, sortBy: 'number', order: 'asc', total: 0 };
  async function load(prefer) {
    document.body.dataset.state = 'loading';
    const query = new URLSearchParams({ access_token: 'browser-token', page: view.page, page_size: view.size,
      sort_by: view.sortBy, order_by: view.order });
    try {
      // Prefer is not a CORS-safelisted header: the browser sends a preflight first.
      const response = await fetch(mock + '/openapi/v1.0/conference/list?' + query,
        { headers: prefer ? { Prefer: prefer } : {} });
      const body = await response.json();
      if (!response.ok) throw new Error('HTTP ' + response.status + ': ' + (body.detail || body.title));
      if (body.errcode !== 0) throw new Error('errcode ' + body.errcode + ' ' + body.errmsg);
      view.total = body.total_number;
      document.getElementById('rows').replaceChildren(...body.data.map(c => {
        const row = document.createElement('tr');
        for (const text of [c.number, c.name, (c.moderator_list || []).map(m => m.name).join(', ')]) {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.appendChild(cell);
        }
        return row;
      }));
      document.getElementById('status').textContent =
        'Page ' + view.page + ' of ' + Math.max(1, Math.ceil(view.total / view.size)) + ' (' + view.total + ' conferences)';
      document.getElementById('error').textContent = '';
      document.body.dataset.state = 'ready';
    } catch (e) {
      document.getElementById('error').textContent = String(e.message || e);
      document.body.dataset.state = 'error';
    }
  }
  document.getElementById('next').onclick = () => { view.page++; load(); };
  document.getElementById('prev').onclick = () => { view.page = Math.max(1, view.page - 1); load(); };
  document.getElementById('size').onchange = e => { view.size = Number(e.target.value); view.page = 1; load(); };
  document.getElementById('sort-name').onclick = () => {
    view.order = view.sortBy === 'name' && view.order === 'asc' ? 'desc' : 'asc';
    view.sortBy = 'name';
    view.page = 1;
    load();
  };
  document.getElementById('fail').onclick = () => load('fault=http503');
  load();
</script>
</body></html>`;

before(async () => {
  if (skip) return;
  mock = await startMock();
  app = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(PAGE);
  });
  await new Promise(resolve => app.listen(0, 'localhost', resolve));
  appUrl = `http://localhost:${app.address().port}/`;
});

after(async () => {
  app?.close();
  await mock?.stop();
});

test('a conference table on another origin pages, sorts by name and shows a 503', { skip, timeout: 120_000 }, async () => {
  assert.notEqual(new URL(appUrl).origin, new URL(mock.url).origin);
  const browser = await launchChromium();
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
    const settled = async () => {
      await page.waitForSelector('body:not([data-state="loading"])', { timeout: 30_000 });
      return page.$$eval('#rows tr', rows => rows.map(r => [...r.cells].map(c => c.textContent)));
    };
    const click = async selector => {
      await page.click(selector);
      return settled();
    };

    await page.goto(`${appUrl}?mock=${encodeURIComponent(mock.url)}`);
    const first = await settled();
    assert.equal(await page.textContent('#error'), '');
    assert.deepEqual(first.map(r => r[0]), ['6500', '6501', '6502', '6503', '6504']);
    assert.deepEqual(first[0], ['6500', 'Sales Weekly Meeting', 'Emily Parker']);
    assert.equal(await page.textContent('#status'), 'Page 1 of 12 (57 conferences)');

    const second = await click('#next');
    assert.deepEqual(second.map(r => r[0]), ['6505', '6506', '6507', '6508', '6509']);
    assert.equal(await page.textContent('#status'), 'Page 2 of 12 (57 conferences)');

    await page.selectOption('#size', '100');
    await settled();
    const byName = await click('#sort-name');
    const names = byName.map(r => r[1]);
    assert.equal(names.length, 57);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    const reversed = await click('#sort-name');
    assert.deepEqual(reversed, [...byName].reverse());

    await page.click('#fail');
    await page.waitForSelector('body[data-state="error"]', { timeout: 30_000 });
    assert.match(await page.textContent('#error'), /^HTTP 503: a simulated 503/);
    assert.deepEqual(await page.$$eval('#rows tr', rows => rows.length), 57, 'the table keeps its rows');

    // With credentials, a `*` in Access-Control-Expose-Headers would not count: the app still
    // reads Retry-After, sl-violations and the mock's own headers.
    const credentialed = await page.evaluate(async base => {
      const read = async (path, prefer) => {
        const response = await fetch(base + path, { credentials: 'include', headers: prefer ? { Prefer: prefer } : {} });
        return { status: response.status, retryAfter: response.headers.get('retry-after'),
          violations: response.headers.get('sl-violations'), unknown: response.headers.get('mock-unknown-query') };
      };
      return [await read('/openapi/v1.0/conference/list?access_token=t&page=1&page_size=1', 'fault=http503'),
        await read('/openapi/v1.0/conference/list?access_token=t&page=0&page_size=1&sortby=name')];
    }, mock.url);
    assert.deepEqual(credentialed[0], { status: 503, retryAfter: '1', violations: null, unknown: null });
    assert.equal(credentialed[1].status, 200);
    assert.match(credentialed[1].violations, /page/);
    assert.equal(credentialed[1].unknown, 'sortby');

    assert.ok(preflights.length >= 1, 'the Prefer header needed a preflight');
    assert.ok(preflights.every(url => url.startsWith(mock.url)));
    const snapshot = await state(mock.url);
    assert.equal(snapshot.violations.response, 0);
    assert.equal(snapshot.violations.request, 1, 'the page=0 call above');
    assert.equal(snapshot.faults.http503, 2);
  } finally {
    await browser.close();
  }
});
