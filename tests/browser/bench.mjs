// Performance of the report page on a big document: generates a ~5 MB text
// with ~20,000 edits, builds its report, opens it headless and prints the
// time to first render and to apply filters.
//
//   cargo build && node tests/browser/bench.mjs [MEGABYTES] [EDITS]
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emend, launch, openReport } from './lib.mjs';

const mb = Number(process.argv[2] || 5);
const wantEdits = Number(process.argv[3] || 20000);

/** Deterministic text: paragraphs of plain sentences with a defect every so often. */
function generate(bytes, edits) {
  const words = ('the river harbour council minister village road bridge report season market ' +
    'school winter morning evening delegation agreement border station museum letter').split(' ');
  let seed = 42;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const every = Math.max(1, Math.floor(bytes / edits));
  const defects = [
    (w) => w + ' ,', // space before punctuation
    (w) => w + '  ', // doubled space (replaces the next space)
    (w) => '"' + w + '"', // straight quotes in a curly-quoted text: suggestions
  ];
  const out = [];
  let size = 0, since = 0, made = 0;
  while (size < bytes) {
    const para = [];
    const sentences = 3 + rnd(5);
    for (let s = 0; s < sentences; s++) {
      const n = 8 + rnd(14);
      const ws = [];
      for (let i = 0; i < n; i++) {
        let w = words[rnd(words.length)];
        if (i === 0) w = w[0].toUpperCase() + w.slice(1);
        since += w.length + 1;
        if (since >= every && i > 0 && i < n - 1) {
          w = defects[made % defects.length](w);
          made++;
          since = 0;
        }
        ws.push(w);
      }
      para.push(ws.join(' ').replace(/ {3}/g, '  ') + (s % 4 === 0 ? ' “quoted”.' : '.'));
    }
    const p = para.join(' ') + '\n\n';
    out.push(p);
    size += Buffer.byteLength(p);
  }
  return out.join('');
}

// $EMEND_BENCH_DIR keeps big.txt and big.html for a look afterwards.
const keep = process.env.EMEND_BENCH_DIR;
const tmp = keep || mkdtempSync(join(tmpdir(), 'emend-bench-'));
mkdirSync(tmp, { recursive: true });
try {
  const txt = join(tmp, 'big.txt');
  const html = join(tmp, 'big.html');
  writeFileSync(txt, generate(mb * 1e6, wantEdits));
  if (process.argv.includes('--generate-only')) process.exit(0);
  let t = performance.now();
  emend(['report', txt, '--min-confidence', '0.9', '--html', html]);
  const build = performance.now() - t;
  const browser = await launch();
  try {
    t = performance.now();
    const { page, errors } = await openReport(browser, html);
    const open = performance.now() - t;
    const timing = await page.evaluate(() => window.emendTiming);
    const info = await page.evaluate(() => ({
      edits: window.emendDecisions && JSON.parse(document.getElementById('emend-data').textContent).docs[0].edits.length,
      rows: document.querySelectorAll('#doc .row').length,
      rendered: document.querySelectorAll('#doc .row[data-done]').length,
    }));
    // A filter: the change event, then two frames so style and layout are done.
    async function measure(label, action) {
      const ms = await page.evaluate(async (action) => {
        const t0 = performance.now();
        const sel = document.getElementById(action.id);
        sel.value = action.value;
        sel.dispatchEvent(new Event('change'));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      }, action);
      const script = await page.evaluate(() => window.emendTiming.lastFilter);
      console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms to next frame (script ${script.toFixed(1)} ms)`);
    }
    console.log(`source ${(statSync(txt).size / 1e6).toFixed(1)} MB, page ${(statSync(html).size / 1e6).toFixed(1)} MB, ` +
      `${info.edits} edits, ${info.rows} rows (${info.rendered} rendered at first)`);
    console.log(`emend report (this build)          ${build.toFixed(0).padStart(5)} ms`);
    console.log(`page: data parsed                  ${timing.parsed.toFixed(0).padStart(5)} ms after navigation start`);
    console.log(`page: first rows rendered          ${timing.firstRender.toFixed(0).padStart(5)} ms`);
    console.log(`page: first frame painted          ${timing.painted.toFixed(0).padStart(5)} ms (goto + ready seen by the test: ${open.toFixed(0)} ms)`);
    await measure('filter status = suggested', { id: 'fstatus', value: 'suggested' });
    await measure('filter rule = whitespace', { id: 'frule', value: 'whitespace' });
    await measure('filter category = typography', { id: 'fcat', value: 'typography' });
    await measure('filters cleared', { id: 'fstatus', value: '' });
    // Navigation far down: j from the last edit backwards.
    const nav = await page.evaluate(async () => {
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    console.log(`jump to the last edit (k)          ${nav.toFixed(0).padStart(5)} ms`);
    const rule = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('button[aria-label="Reject every edit of whitespace"]').click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    console.log(`reject a whole rule                ${rule.toFixed(0).padStart(5)} ms`);
    // Worst case: every row built (the reader scrolled through it all).
    const scrolled = await page.evaluate(async () => {
      const t0 = performance.now();
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight * 3) {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      return [performance.now() - t0, document.querySelectorAll('#doc .row[data-done]').length];
    });
    console.log(`scroll through it all              ${scrolled[0].toFixed(0).padStart(5)} ms (${scrolled[1]} rows built)`);
    await measure('then filter status = suggested', { id: 'fstatus', value: 'suggested' });
    await measure('then filter rule = whitespace', { id: 'frule', value: 'whitespace' });
    await measure('then filters cleared', { id: 'frule', value: '' });
    if (errors.length) throw errors[0];
  } finally {
    await browser.close();
  }
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
}
