// Headless Chromium for the browser tests: where it is, why a test is skipped without it, and a
// launch with the flags that keep it from reaching the network on its own.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** For node:test's `skip`: false when Chromium is there, else the reason and the fix. */
export const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: run mock/scripts/install-chromium.sh`;

/** A new headless browser; playwright-core gives each launch a new, empty profile of its own. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
