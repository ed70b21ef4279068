/* emend review report: renders the embedded data lazily, keeps the
   reviewer's verdicts and exports them as a decisions file. Plain JS, no
   framework. Fingerprints come from emend; this script never computes one. */
'use strict';
(function () {
  const timing = (window.emendTiming = { start: performance.now() });
  const D = JSON.parse(document.getElementById('emend-data').textContent);
  timing.parsed = performance.now();
  const $ = (id) => document.getElementById(id);
  const docEl = $('doc');
  const ruleIx = new Map(D.rules.map((r, i) => [r.id, i]));
  const catIx = new Map(D.categories.map((c, i) => [c, i]));

  // ---- Verdicts: per edit (by fingerprint) and per rule; "accept" | "reject".
  const editV = new Map();
  const ruleV = new Map();
  const pageFps = new Set();
  for (const d of D.docs) for (const e of d.edits) pageFps.add(e.fp);
  if (D.prior) {
    for (const p of D.prior.edits || []) editV.set(p.fingerprint, p.decision);
    for (const r of D.prior.rules || []) ruleV.set(r.rule, r.decision);
  }
  // Same lookup as emend: the edit, then its rule, then the rule's pass.
  // Verdicts survive a reload: kept in the browser's storage under this
  // page's address and decisions file, on top of the decisions it was made
  // with; `dirty` says some are not exported yet (a warning before leaving).
  const storeKey = 'emend-review:' + location.pathname + ':' + D.decisions_name;
  let dirty = false;
  try {
    const saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
    if (saved) {
      editV.clear(); ruleV.clear();
      for (const [k, v] of saved.edits) editV.set(k, v);
      for (const [k, v] of saved.rules) ruleV.set(k, v);
      dirty = !!saved.dirty;
    }
  } catch (e) { /* storage unavailable or unreadable: start from the page's decisions */ }
  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ edits: [...editV], rules: [...ruleV], dirty }));
    } catch (e) { /* storage full or forbidden: verdicts live until the page closes */ }
  }
  addEventListener('beforeunload', (ev) => {
    if (!dirty) return;
    ev.preventDefault();
    ev.returnValue = '';
  });
  const verdict = (e) =>
    editV.get(e.fp) || ruleV.get(e.rule) || ruleV.get(e.rule.split('/')[0]) || null;
  const inForce = (e) => {
    const v = verdict(e);
    return v ? v === 'accept' : e.status === 'applied';
  };

  // Which chunk holds each edit, and a height guess for unrendered chunks.
  for (const d of D.docs) {
    d.chunkOf = new Int32Array(d.edits.length);
    d.chunks.forEach((segs, k) => {
      for (const s of segs) if (typeof s === 'number') d.chunkOf[s] = k;
    });
  }

  let doc = null; // the document shown
  let rows = []; // its row elements, one per chunk
  // The queue: the edits the filters show, across all documents, as
  // document index × 2^20 + edit index (sorted: document order, then text).
  let order = [];
  let cur = -1; // the current edit of the document shown, or -1
  const filter = { rule: '', cat: '', status: '', doc: '', conf: '' };
  const SHIFT = 1 << 20;
  const key = (d, i) => d * SHIFT + i;

  // ---- Rendering
  const WS = /^[\s\u200b-\u200d\u2060\ufeff]*$/;
  const visible = (s) =>
    s.replace(/\r\n/g, '\n').replace(/[\s\u200b-\u200d\u2060\ufeff]/g, (c) =>
      c === ' ' ? '·' : c === '\n' || c === '\r' ? '⏎' : c === '\t' ? '⇥' : c === '\u00a0' || c === '\u202f' ? '⍽' : '¤');
  const stateName = (e) => {
    const v = verdict(e);
    return v === 'accept' ? 'accepted' : v === 'reject' ? 'rejected' : e.status;
  };
  function cls(i) {
    const e = doc.edits[i];
    const v = verdict(e);
    return 'e r' + ruleIx.get(e.rule) + ' c' + catIx.get(e.category) +
      (e.status === 'applied' ? ' st-a' : ' st-s') +
      (v === 'accept' ? ' v-acc' : v === 'reject' ? ' v-rej' : ' v-none') +
      (inForce(e) ? ' on' : ' off') + (i === cur ? ' cur' : '') +
      (!e.after && [...e.before].length <= 2 ? ' tiny' : '');
  }
  // CSS shows a carriage return as a space: CR and CRLF line ends are shown as LF.
  const lines = (s) => (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));
  function piece(tag, text, main) {
    const el = document.createElement(tag);
    el.textContent = lines(text);
    if (main && WS.test(text)) {
      el.className = 'ws';
      el.dataset.m = visible(text);
    }
    return el;
  }
  // An edit: <span class="e ..."><del>before</del><ins>after</ins></span>. The
  // main copy (source column) is focusable and has a tooltip.
  function editEl(i, main) {
    const e = doc.edits[i];
    const s = document.createElement('span');
    s.className = cls(i);
    s.dataset.i = i;
    if (main) {
      s.id = 'e' + i;
      s.tabIndex = -1;
      s.title = e.rule + ' · ' + e.category + ' · ' + stateName(e) + ' · ' + e.confidence +
        (e.note ? ' — ' + e.note : '');
    }
    if (e.before) s.append(piece('del', e.before, main));
    if (e.after) s.append(piece('ins', e.after, main));
    return s;
  }
  // Fills row k: the source with edits marked, and the clean text.
  function renderRow(k) {
    const row = rows[k];
    if (!row || row.dataset.done) return;
    row.dataset.done = '1';
    const src = document.createElement('div');
    src.className = 'src';
    const cln = document.createElement('div');
    cln.className = 'cln';
    for (const s of doc.chunks[k]) {
      if (typeof s === 'string') {
        const t = lines(s);
        src.append(t);
        cln.append(t);
      } else {
        src.append(editEl(s, true));
        cln.append(editEl(s, false));
      }
    }
    row.replaceChildren(src, cln);
    row.style.minHeight = '';
  }
  // Empties row k again at the height it had, so the page only ever holds
  // the rows near the viewport (and filters restyle few elements).
  function emptyRow(k, height) {
    const row = rows[k];
    if (!row.dataset.done || row.contains(document.activeElement)) return;
    row.style.minHeight = height + 'px';
    row.replaceChildren();
    delete row.dataset.done;
  }
  function estimate(segs) {
    let chars = 0, lines = 1;
    for (const s of segs) {
      const t = typeof s === 'string' ? s : doc.edits[s].before;
      chars += t.length;
      for (let p = t.indexOf('\n'); p >= 0; p = t.indexOf('\n', p + 1)) lines++;
    }
    const perLine = docEl.classList.contains('side') ? 45 : 85;
    return Math.ceil((lines + chars / perLine) * 26);
  }
  // The element whose place on screen must not move while rows fill in:
  // the current edit if it is on screen, else the first row on screen.
  function anchor() {
    const el = cur >= 0 && $('e' + cur);
    if (el) {
      const r = el.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight) return el;
    }
    // Rows stand in document order: binary search for the first on screen.
    let lo = 0, hi = rows.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (rows[m].getBoundingClientRect().bottom > 0) hi = m; else lo = m + 1;
    }
    return lo > 0 && lo < rows.length ? rows[lo] : null;
  }
  // Rows are filled when they come near the viewport and emptied when they
  // leave it; rows filled above the anchor would push the text down, so the
  // scroll position follows.
  const io = new IntersectionObserver((entries) => {
    // A row may appear twice in one batch: its last entry is its state.
    const last = new Map();
    for (const en of entries) if (rows[+en.target.dataset.k] === en.target) last.set(en.target, en);
    const mine = [...last.values()];
    const fill = mine.filter((en) => en.isIntersecting);
    const gone = mine.filter((en) => !en.isIntersecting && en.target.dataset.done);
    if (fill.length || gone.length) {
      const a = anchor();
      const top = a && a.getBoundingClientRect().top;
      for (const en of gone) emptyRow(+en.target.dataset.k, en.boundingClientRect.height);
      for (const en of fill) renderRow(+en.target.dataset.k);
      if (a) scrollBy(0, a.getBoundingClientRect().top - top);
    }
    if (!timing.firstRender) {
      timing.firstRender = performance.now();
      requestAnimationFrame(() => setTimeout(() => {
        timing.painted = performance.now();
        document.documentElement.dataset.ready = '1';
      }, 0));
    }
  }, { rootMargin: '1200px 0px' });

  // Shows document d: empty placeholder rows, filled lazily.
  function showDoc(d) {
    io.disconnect();
    doc = d;
    cur = -1;
    if (D.docs.length > 1) $('docname').textContent = d.name;
    const frag = document.createDocumentFragment();
    const head = document.createElement('div');
    head.className = 'colhead';
    head.innerHTML = '<div>Source</div><div>Clean text (edits in force)</div>';
    frag.append(head);
    rows = d.chunks.map((segs, k) => {
      const row = document.createElement('div');
      row.className = 'row';
      row.dataset.k = k;
      row.style.minHeight = estimate(segs) + 'px';
      frag.append(row);
      return row;
    });
    docEl.replaceChildren(frag);
    for (const r of rows) io.observe(r);
    refilter();
    detail();
  }
  // Re-applies classes to the rendered edits (of row k, or of all rows).
  function restyle(k) {
    const root = k === undefined ? docEl : rows[k];
    for (const el of root.querySelectorAll('.e')) el.className = cls(+el.dataset.i);
  }

  // ---- Filters: one generated style sheet mutes what they hide; the
  // rendered text is never rebuilt.
  function matches(e) {
    if (filter.rule && e.rule !== filter.rule) return false;
    if (filter.conf && !(e.confidence < +filter.conf)) return false;
    if (filter.cat && e.category !== filter.cat) return false;
    switch (filter.status) {
      case 'applied': case 'suggested': return e.status === filter.status;
      case 'undecided': return !verdict(e);
      case 'accept': case 'reject': return verdict(e) === filter.status;
      default: return true;
    }
  }
  const statusClass = { applied: 'st-a', suggested: 'st-s', undecided: 'v-none', accept: 'v-acc', reject: 'v-rej' };
  function refilter() {
    const nots = [];
    if (filter.rule) nots.push(':not(.r' + ruleIx.get(filter.rule) + ')');
    if (filter.cat) nots.push(':not(.c' + catIx.get(filter.cat) + ')');
    if (filter.status) nots.push(':not(.' + statusClass[filter.status] + ')');
    const S = '#doc .e:is(' + nots.join(',') + ')';
    $('filter-css').textContent = nots.length
      ? S + '{background:none;border:0;color:inherit;cursor:default}' +
        S + '.on del,' + S + '.off ins,' + S + '::after,' + S + ' .ws::before{display:none}' +
        S + ' ins,' + S + ' del{background:none;color:inherit;text-decoration:none;font-style:normal}'
      : '';
    order = [];
    D.docs.forEach((d, di) => {
      if (filter.doc !== '' && +filter.doc !== di) return;
      d.edits.forEach((e, i) => { if (matches(e)) order.push(key(di, i)); });
    });
    status();
  }

  // ---- Navigation
  function lowerBound(a, x) {
    let lo = 0, hi = a.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (a[m] < x) lo = m + 1; else hi = m; }
    return lo;
  }
  // The next or previous edit of the queue, in this document or the next
  // one that has any.
  function step(dir) {
    if (!order.length) return;
    const di = D.docs.indexOf(doc);
    const at = key(di, cur < 0 ? (dir > 0 ? -1 : SHIFT - 1) : cur);
    const p = lowerBound(order, at);
    const j = dir > 0 ? (order[p] === at ? p + 1 : p) : p - 1;
    if (j < 0 || j >= order.length) return;
    const nd = Math.floor(order[j] / SHIFT);
    if (nd !== di) {
      showDoc(D.docs[nd]);
      if (D.docs.length > 1 && filter.doc === '') $('docsel').value = '';
    }
    go(order[j] - nd * SHIFT, true);
  }
  // Makes edit i current: renders its row, marks and focuses it.
  function go(i, scroll) {
    const old = cur;
    cur = i;
    if (old >= 0 && rows[doc.chunkOf[old]]) restyle(doc.chunkOf[old]);
    const k = doc.chunkOf[i];
    renderRow(k);
    restyle(k);
    const el = $('e' + i);
    if (el) {
      if (document.activeElement !== el) el.focus({ preventScroll: true });
      if (scroll) el.scrollIntoView({ block: 'center' });
    }
    detail();
    status();
  }
  docEl.addEventListener('click', (ev) => {
    const el = ev.target.closest('.e');
    if (el) go(+el.dataset.i, false);
  });
  docEl.addEventListener('focusin', (ev) => {
    const el = ev.target.closest('.e');
    if (el && +el.dataset.i !== cur) go(+el.dataset.i, false);
  });

  // ---- Decisions
  function after(all) {
    dirty = true;
    save();
    restyle(all || cur < 0 ? undefined : doc.chunkOf[cur]);
    if (filter.status) refilter(); else status();
    detail();
    rulesTable();
  }
  function decide(i, v) {
    if (i < 0) return;
    const fp = doc.edits[i].fp;
    if (v) editV.set(fp, v); else editV.delete(fp);
    after(doc.edits.some((e, j) => j !== i && e.fp === fp)); // twins elsewhere
  }
  // A verdict on a whole rule replaces the verdicts on its single edits.
  function decideRule(rule, v) {
    if (v) ruleV.set(rule, v); else ruleV.delete(rule);
    for (const d of D.docs) for (const e of d.edits) if (e.rule === rule) editV.delete(e.fp);
    after(true);
  }

  // The decisions file, in the format emend reads (src/decisions.rs).
  function decisionsJson() {
    const out = { emend_decisions: 1, edits: [], rules: [] };
    const seen = new Set();
    for (const d of D.docs) {
      for (const e of d.edits) {
        const v = editV.get(e.fp);
        if (v && !seen.has(e.fp)) {
          seen.add(e.fp);
          out.edits.push({ fingerprint: e.fp, decision: v, rule: e.rule, before: e.before, after: e.after });
        }
      }
    }
    // Earlier decisions about edits not in this page (a rejected edit is no
    // longer proposed) are kept as they were.
    if (D.prior) for (const p of D.prior.edits || []) if (!pageFps.has(p.fingerprint)) out.edits.push(p);
    for (const [rule, decision] of [...ruleV].sort()) out.rules.push({ rule, decision });
    return JSON.stringify(out, null, 2) + '\n';
  }
  function exportDecisions() {
    const url = URL.createObjectURL(new Blob([decisionsJson()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = D.decisions_name;
    document.body.append(a);
    a.click();
    a.remove();
    dirty = false;
    save();
    status();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  window.emendDecisions = decisionsJson;

  // ---- Panel: the current edit, and the rules
  function button(id, label, key, pressed, onclick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = label;
    b.title = 'Key: ' + key;
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    b.addEventListener('click', onclick);
    return b;
  }
  function detail() {
    const box = $('detail');
    const focused = box.contains(document.activeElement) ? document.activeElement.id : '';
    if (!doc || cur < 0) {
      box.innerHTML = doc && doc.edits.length
        ? '<p class="hint">Press <kbd>j</kbd> for the first edit, or click one. <kbd>?</kbd> lists the keys.</p>'
        : '<p class="hint">No edits in this document.</p>';
      return;
    }
    const e = doc.edits[cur];
    const v = verdict(e);
    const h = document.createElement('h2');
    h.textContent = 'Edit ' + (lowerBound(order, key(D.docs.indexOf(doc), cur)) + 1) + ' of the queue (' +
      (D.docs.length > 1 ? doc.name + ', ' : '') + 'line ' + e.line + ', column ' + e.column + ')';
    const change = document.createElement('p');
    change.className = 'change';
    const shown = (t) => (!t ? '∅' : WS.test(t) ? visible(t) : t); // spacing made visible
    change.append(piece('del', shown(e.before), false), ' → ', piece('ins', shown(e.after), false));
    const dl = document.createElement('dl');
    const rows = [['Rule', e.rule], ['Category', e.category], ['Confidence', String(e.confidence)],
      ['Status', e.status], ['Verdict', v ? v + (editV.has(e.fp) ? 'ed' : 'ed (whole rule)') : 'none'],
      ['Note', e.note || '—'], ['Fingerprint', e.fp]];
    for (const [k, val] of rows) {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = val;
      dl.append(dt, dd);
    }
    const btns = document.createElement('div');
    btns.className = 'btns';
    btns.append(
      button('d-accept', 'Accept', 'a', v === 'accept', () => decide(cur, 'accept')),
      button('d-reject', 'Reject', 'r', v === 'reject', () => decide(cur, 'reject')),
      button('d-clear', 'Undecide', 'u', undefined, () => decide(cur, null)),
      button('d-rule-accept', 'Accept rule', 'A', ruleV.get(e.rule) === 'accept', () => decideRule(e.rule, 'accept')),
      button('d-rule-reject', 'Reject rule', 'R', ruleV.get(e.rule) === 'reject', () => decideRule(e.rule, 'reject')));
    box.replaceChildren(h, change, dl, btns);
    if (focused && $(focused)) $(focused).focus();
  }
  function rulesTable() {
    $('rules-scope').textContent = D.docs.length > 1 ? '(edits in all ' + D.docs.length + ' documents)' : '(edits in this document)';
    const body = $('rules').tBodies[0];
    const focused = body.contains(document.activeElement) ? document.activeElement.id : '';
    const frag = document.createDocumentFragment();
    D.rules.forEach((r, i) => {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      const f = button('rf' + i, r.id, 'filter', filter.rule === r.id, () => setFilter('rule', filter.rule === r.id ? '' : r.id));
      f.title = 'Show only this rule (again: all rules)';
      name.append(f);
      const a = document.createElement('td'); a.className = 'n'; a.textContent = r.applied;
      const s = document.createElement('td'); s.className = 'n'; s.textContent = r.suggested;
      const w = document.createElement('td');
      const v = ruleV.get(r.id);
      const acc = button('ra' + i, '✓ all', 'A on an edit', v === 'accept', () => decideRule(r.id, v === 'accept' ? null : 'accept'));
      const rej = button('rr' + i, '✗ all', 'R on an edit', v === 'reject', () => decideRule(r.id, v === 'reject' ? null : 'reject'));
      acc.setAttribute('aria-label', 'Accept every edit of ' + r.id);
      rej.setAttribute('aria-label', 'Reject every edit of ' + r.id);
      acc.dataset.rule = rej.dataset.rule = r.id;
      if (v === 'accept') acc.className = 'on-acc';
      if (v === 'reject') rej.className = 'on-rej';
      w.append(acc, ' ', rej);
      tr.append(name, a, s, w);
      frag.append(tr);
    });
    body.replaceChildren(frag);
    if (focused && $(focused)) $(focused).focus();
  }
  function status() {
    let acc = 0, rej = 0;
    for (const d of D.docs) for (const e of d.edits) {
      const v = verdict(e);
      if (v === 'accept') acc++; else if (v === 'reject') rej++;
    }
    const k = key(D.docs.indexOf(doc), cur);
    const p = cur >= 0 && order.length ? lowerBound(order, k) : -1;
    const at = p >= 0 && order[p] === k ? p + 1 : '–';
    const docs = D.docs.length > 1 ? ' in ' + (filter.doc === '' ? 'all ' + D.docs.length + ' documents' : 'this document') : '';
    $('pos').textContent = at + ' / ' + order.length + ' shown' + docs + ' · ' + acc + ' accepted · ' +
      rej + ' rejected' + (dirty ? ' · not exported' : '');
  }

  // ---- Toolbar
  function setFilter(key, value) {
    const t = performance.now();
    filter[key] = value;
    if (key === 'rule') $('frule').value = value;
    refilter();
    if (key === 'rule') rulesTable();
    timing.lastFilter = performance.now() - t;
  }
  function fillSelect(sel, items) {
    for (const [value, label] of items) sel.add(new Option(label, value));
  }
  fillSelect($('frule'), D.rules.map((r) => [r.id, r.id + ' (' + (r.applied + r.suggested) + ')']));
  fillSelect($('fcat'), D.categories.map((c) => [c, c]));
  $('frule').addEventListener('change', (ev) => setFilter('rule', ev.target.value));
  $('fcat').addEventListener('change', (ev) => setFilter('cat', ev.target.value));
  $('fstatus').addEventListener('change', (ev) => setFilter('status', ev.target.value));
  if (D.docs.length > 1) {
    $('docpick').hidden = false;
    fillSelect($('docsel'), [['', 'all (' + D.docs.length + ')']].concat(
      D.docs.map((d, i) => [String(i), d.name + ' (' + d.edits.length + ' edits)'])));
    $('docsel').addEventListener('change', (ev) => {
      filter.doc = ev.target.value;
      if (filter.doc !== '') showDoc(D.docs[+filter.doc]); else refilter();
    });
  }
  $('fconf').addEventListener('change', (ev) => setFilter('conf', ev.target.value));
  function setView(side) {
    docEl.className = side ? 'side' : 'inline';
    $('v-inline').setAttribute('aria-pressed', String(!side));
    $('v-side').setAttribute('aria-pressed', String(side));
    const el = cur >= 0 && $('e' + cur);
    if (el) el.scrollIntoView({ block: 'center' });
  }
  $('v-inline').addEventListener('click', () => setView(false));
  $('v-side').addEventListener('click', () => setView(true));
  $('prev').addEventListener('click', () => step(-1));
  $('next').addEventListener('click', () => step(1));
  $('export').addEventListener('click', exportDecisions);
  $('helpbtn').addEventListener('click', () => $('help').showModal());

  // ---- Keyboard (not while typing in a control or reading the help)
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest('select, input, textarea, dialog')) return;
    const keys = {
      j: () => step(1), n: () => step(1), k: () => step(-1), p: () => step(-1),
      a: () => decide(cur, 'accept'), r: () => decide(cur, 'reject'), x: () => decide(cur, 'reject'),
      u: () => decide(cur, null),
      A: () => cur >= 0 && decideRule(doc.edits[cur].rule, 'accept'),
      R: () => cur >= 0 && decideRule(doc.edits[cur].rule, 'reject'),
      X: () => cur >= 0 && decideRule(doc.edits[cur].rule, 'reject'),
      v: () => setView(!docEl.classList.contains('side')),
      e: exportDecisions,
      '?': () => $('help').showModal(),
    };
    const act = keys[ev.key];
    if (act) {
      ev.preventDefault();
      act();
    }
  });

  // The side panel sticks below the toolbar, whatever its height.
  new ResizeObserver(() =>
    document.documentElement.style.setProperty('--bar-h', $('bar').offsetHeight + 'px')).observe($('bar'));

  rulesTable();
  if (D.docs.length) showDoc(D.docs[0]);
  else docEl.textContent = 'No documents.';
  timing.ready = performance.now();
})();
