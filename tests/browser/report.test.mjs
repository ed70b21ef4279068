// The HTML review report in a real browser: filter, reject an edit and a
// whole rule, accept a suggestion, export the decisions, and check that
// `emend convert --decisions` honours the file.
//
//   cargo build && (cd tests/browser && npm ci && npm test)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emend, here, launch, openReport } from './lib.mjs';

const fixture = join(here, 'fixtures', 'batch', 'letter.txt');
const flags = ['--min-confidence', '0.9']; // quote fixes become suggestions
let browser, tmp;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'emend-browser-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Clean text from source and edits (byte offsets) with `inForce(edit)`. */
function applyEdits(source, edits, inForce) {
  const buf = Buffer.from(source, 'utf8');
  let out = '', pos = 0;
  for (const e of edits) {
    out += buf.subarray(pos, e.start).toString('utf8') + (inForce(e) ? e.after : e.before);
    pos = e.end;
  }
  return out + buf.subarray(pos).toString('utf8');
}

test('review in the page, export, convert with the decisions', async () => {
  const html = join(tmp, 'x.html');
  emend(['report', fixture, ...flags, '--html', html]);
  const diff = JSON.parse(emend(['diff', '--format', 'json', fixture, ...flags]));
  const quotes = diff.edits.filter((e) => e.rule === 'quotes');
  assert.equal(quotes.length, 4, 'fixture has four quote suggestions');
  assert.ok(quotes.every((e) => e.status === 'suggested'));

  const { page, context, errors } = await openReport(browser, html);
  // The source text is shown as text, even a closing script tag.
  assert.match(await page.locator('#doc .src').first().evaluate(() =>
    document.getElementById('doc').textContent), /<\/script><!-- must stay text/);

  // Filter by rule: only the quote edits are navigable.
  await page.selectOption('#frule', 'quotes');
  assert.match(await page.textContent('#pos'), /– \/ 4 shown/);
  await page.keyboard.press('j');
  assert.equal(await page.locator('.src .e.cur').count(), 1, 'one current edit, visibly marked');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'e' + diff.edits.indexOf(quotes[0]));
  assert.match(await page.textContent('#detail'), /Rulequotes/);
  assert.match(await page.textContent('#detail'), new RegExp('Fingerprint' + quotes[0].fingerprint));
  // Reject the first quote fix (keyboard) and accept the second (button).
  await page.keyboard.press('r');
  await page.keyboard.press('j');
  await page.click('#d-accept');
  assert.match(await page.textContent('#pos'), /2 \/ 4 shown · 1 accepted · 1 rejected/);
  // Reject the whole whitespace rule from the rules table.
  await page.click('button[aria-label="Reject every edit of whitespace"]');
  // Status filter: rejected edits are the first quote and the five whitespace fixes.
  await page.selectOption('#frule', '');
  await page.selectOption('#fstatus', 'reject');
  assert.match(await page.textContent('#pos'), /\/ 6 shown/);

  // The clean column shows the text the decisions give.
  const expected = applyEdits(readFileSync(fixture, 'utf8'), diff.edits, (e) =>
    e === quotes[1] ? true : e.rule === 'whitespace' || e === quotes[0] ? false : e.status === 'applied');
  await page.click('#v-side');
  const column = await page.$$eval('#doc .cln', (els) => els.map((e) => e.innerText).join(''));
  assert.equal(column, expected);

  // Export: the download is a decisions file emend reads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.equal(download.suggestedFilename(), 'letter.decisions.json');
  const file = join(tmp, 'letter.decisions.json');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  const d = JSON.parse(text);
  assert.deepEqual(d, {
    emend_decisions: 1,
    edits: [
      { fingerprint: quotes[0].fingerprint, decision: 'reject', rule: 'quotes', before: '"', after: '“' },
      { fingerprint: quotes[1].fingerprint, decision: 'accept', rule: 'quotes', before: '"', after: '”' },
    ],
    rules: [{ rule: 'whitespace', decision: 'reject' }],
  });
  assert.ok(text.endsWith('\n') && text.startsWith('{\n  "emend_decisions": 1,'), 'pretty like emend writes it');

  const clean = emend(['convert', fixture, ...flags, '--decisions', file, '--to', 'text']);
  assert.equal(clean, expected);
  assert.notEqual(clean, emend(['convert', fixture, ...flags, '--to', 'text']));

  // Reopened with those decisions, the page shows every verdict (rejected
  // edits are listed again) and exports the same decisions.
  const html2 = join(tmp, 'y.html');
  emend(['report', fixture, ...flags, '--decisions', file, '--html', html2]);
  const again = await openReport(browser, html2);
  assert.match(await again.page.textContent('#pos'), /– \/ 9 shown · 1 accepted · 6 rejected/);
  const byFp = (x) => ({ ...x, edits: [...x.edits].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)) });
  assert.deepEqual(byFp(JSON.parse(await again.page.evaluate(() => window.emendDecisions()))), byFp(d));
  await again.page.click('#v-side');
  assert.equal(await again.page.$$eval('#doc .cln', (els) => els.map((e) => e.innerText).join('')), expected);
  await again.context.close();

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

test('a folder gives one page with a document switcher; keyboard only', async () => {
  const html = join(tmp, 'batch.html');
  emend(['report', join(here, 'fixtures', 'batch'), '--html', html]);
  const { page, context, errors } = await openReport(browser, html);
  const options = await page.$$eval('#docsel option', (os) => os.map((o) => o.textContent));
  assert.equal(options.length, 2);
  assert.match(options[0], /letter\.txt/);
  await page.selectOption('#docsel', '1');
  await page.waitForFunction(() => /Field/.test(document.querySelector('#doc .src')?.textContent));
  // n/p move between edits; v switches to side by side.
  await page.locator('#doc').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.keyboard.press('p');
  assert.match(await page.textContent('#pos'), /^1 \//);
  await page.keyboard.press('v');
  assert.equal(await page.getAttribute('#doc', 'class'), 'side');
  assert.ok(await page.locator('#doc .cln').first().isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});
