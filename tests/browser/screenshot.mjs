// A screenshot of a report page, for reviewers:
//
//   target/debug/emend report input --html /tmp/report.html
//   node tests/browser/screenshot.mjs /tmp/report.html docs/report.png [--side] [--edit N]
//
// Steps to the Nth edit (default 3) so the focus and the detail panel show.
import { launch, openReport } from './lib.mjs';

const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node screenshot.mjs REPORT.html OUT.png [--side] [--edit N]');
  process.exit(2);
}
const side = rest.includes('--side');
const n = rest.includes('--edit') ? Number(rest[rest.indexOf('--edit') + 1]) : 3;
const browser = await launch();
try {
  const { page, errors } = await openReport(browser, input, { width: 1200, height: 720 });
  if (side) await page.click('#v-side');
  await page.locator('#doc').focus();
  for (let i = 0; i < n; i++) await page.keyboard.press('j');
  await page.waitForTimeout(100);
  await page.screenshot({ path: output });
  if (errors.length) throw errors[0];
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
