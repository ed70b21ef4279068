// Shared helpers of the browser scripts: the emend binary, and Debian's
// chromium driven by playwright-core (which never downloads a browser here).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');

/** The emend binary: $EMEND_BIN, else target/debug/emend (build it first). */
export const emendBin = process.env.EMEND_BIN || join(root, 'target', 'debug', 'emend');

/** Runs emend with `args`; returns stdout as a string (throws on failure). */
export function emend(args, opts = {}) {
  if (!existsSync(emendBin)) throw new Error(`${emendBin} is missing: run cargo build (or set EMEND_BIN)`);
  return execFileSync(emendBin, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
}

/** Launches headless chromium ($CHROMIUM, else /usr/bin/chromium) with a fresh profile. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--no-first-run', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens a report file and waits until its first rows are rendered. */
export async function openReport(browser, file, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  // Anything but the file itself and the exported blob counts as an error.
  page.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) errors.push(new Error('network request: ' + r.url()));
  });
  // The page must not fetch anything: fail every request but the file itself.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort());
  await page.goto(pathToFileURL(resolve(file)).href);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 120000 });
  return { context, page, errors };
}
