// The dashboard at / in headless Chromium: it shows the live state, the tokens (fingerprints
// only) and the journal, and its controls change the auth mode, the latency and the fault rate
// and reset the mock. A screenshot is kept in target/mock-test-artifacts/dashboard.png.
// Skipped, saying why, where Chromium is absent (mock/scripts/install-chromium.sh installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, skip } from './chromium.mjs';
import { API, call, mockDir, startMock, state } from './support.mjs';

export const ARTIFACTS = process.env.MOCK_TEST_ARTIFACTS || join(mockDir, '..', 'target', 'mock-test-artifacts');

let mock;
before(async () => {
  if (!skip) mock = await startMock({ MOCK_AUTH: 'strict' });
});
after(async () => {
  await mock?.stop();
});

test('the dashboard shows state, tokens and the journal, and its controls work', { skip, timeout: 120_000 }, async () => {
  const browser = await launchChromium();
  try {
    const login = await call(mock.url, `${API}/get_token`, { method: 'POST', json: { username: 'mock-client-id', password: 'mock-client-secret' } });
    const token = login.body.access_token;
    await call(mock.url, `${API}/conference/list?access_token=${token}&page=1&page_size=5&sortby=name`);
    await call(mock.url, `${API}/conference/list?access_token=${token}&page=1&page_size=5`, { headers: { Prefer: 'fault=http503' } });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${mock.url}/`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    assert.equal(await page.textContent('#auth'), 'strict');
    assert.equal(await page.textContent('#conferences'), '57');
    assert.equal(await page.textContent('#live-tokens'), '1');
    assert.equal(await page.textContent('#faults'), '1');
    assert.deepEqual(await page.$$eval('#tokens tr td:first-child', cells => cells.map(c => c.textContent)), [`${token.slice(0, 4)}…`]);
    const rows = await page.$$eval('#journal tr', trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.map(r => [r[2], r[4], r[5]]), [['GET', '503', ''], ['GET', '200', '0'], ['POST', '200', '0']]);
    assert.match(rows[1][7], /unknown: sortby/);
    assert.ok(!(await page.content()).includes(token), 'no token on the page');

    await page.selectOption('#set-auth', 'open');
    await page.fill('#set-latency', '150');
    await page.fill('#set-fault-rate', '1');
    await page.selectOption('#set-fault', 'http429');
    await page.click('#apply');
    await page.waitForFunction(() => document.getElementById('message').textContent === '/__mock/settings: done');
    assert.deepEqual((await call(mock.url, '/__mock/settings')).body, { auth: 'open', latency: 150, fault_rate: 1, fault: 'http429' });
    assert.equal((await call(mock.url, `${API}/conference/list?access_token=any&page=1&page_size=1`)).status, 429);
    await page.fill('#set-fault-rate', '0');
    await page.click('#apply');
    await page.waitForFunction(() => document.getElementById('message').textContent === '/__mock/settings: done');
    assert.equal((await call(mock.url, `${API}/conference/list?access_token=any&page=1&page_size=1`)).body.errcode, 0, 'open mode, no faults');
    await page.waitForFunction(() => document.querySelectorAll('#journal tr').length === 5);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    await page.click('#reset');
    await page.waitForFunction(() => document.getElementById('live-tokens').textContent === '0'
      && document.querySelectorAll('#journal tr').length === 0);
    const after = await state(mock.url);
    assert.equal(after.live_access_tokens, 0);
    assert.deepEqual(after.faults, {});
  } finally {
    await browser.close();
  }
});
