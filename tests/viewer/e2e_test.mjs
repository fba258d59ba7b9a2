// End-to-end test of the viewer in Debian's Chromium (playwright-core):
// starts a server (the real `policykg serve` with --binary, else the mock),
// then, as an analyst would: search AI+制造 and open it, expand a node (and
// hide, collapse, filter by legend, edge type and direction), open a
// provenance quote in its document, run the example queries, see the caret
// under bad queries, add a link with the token and remove it (both
// surviving a reload), merge and split, ask "what supports this?", find a
// path, switch to English, save and restore the layout, export
// PNG/GraphML/JSON.
// Screenshots of each state go to --out (default build/test-output/viewer).
//
//   node tests/viewer/e2e_test.mjs [--binary BUILD/policykg INPUT...] [--out DIR]
//
// Prints one line per step and "N passed, N failed"; exits 1 on a failure.
// The curation steps live in e2e_curation.mjs, page helpers in e2e_page.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, viewerDir } from './browser.mjs';
import { startServer } from './server_process.mjs';
import { pageHelpers } from './e2e_page.mjs';
import { curationSteps } from './e2e_curation.mjs';
import { displayColumnToIndex } from '../../web/viewer/js/text_utf8.js';

const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
const binary = opt('--binary');
const inputs = binary ? argv.slice(argv.indexOf('--binary') + 2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out') : [];
const out = resolve(opt('--out') ?? 'build/test-output/viewer');
const TOKEN = 'viewer-e2e-token';
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (/\.(png|graphml|json)$/.test(f)) rmSync(join(out, f));

if (!existsSync(join(viewerDir, 'vendor', 'cytoscape.min.js'))) {
  console.error(`web/viewer/vendor/ is empty: run "npm ci" in ${viewerDir}`);
  process.exit(1);
}

const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    await page?.screenshot({ path: join(out, `fail-${results.length}.png`) }).catch(() => {});
    // Close any dialog the failed step left open, so the next steps can run.
    await page?.evaluate(() => { for (const d of document.querySelectorAll('dialog[open]')) d.close(); }).catch(() => {});
  }
}

const dir = mkdtempSync(join(tmpdir(), 'policykg-viewer-'));
const server = await startServer({ binary, inputs, token: TOKEN, dir });
const b = await launch();
const page = b.page;
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
// Bad queries answer 400 on purpose; Chromium logs every non-2xx fetch.
page.on('console', (m) => m.type() === 'error' && !/Failed to load resource: .* (400|401)/.test(m.text()) && pageErrors.push(m.text()));
// The real server rebuilds its snapshot on every write: allow for a loaded machine.
page.setDefaultTimeout(binary ? 45000 : 15000);

const h = pageHelpers(page, out);
const { shot, cyCount, nodeAt, viewNodes, unselectAll, waitIdle, mark } = h;
let focusKey = null;

await step('page loads in Chinese with the schema', async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal((await page.textContent('#btn-export-png')).trim(), '导出 PNG');
  assert.ok((await page.textContent('#legend-nodes')).includes('基金'), 'legend names Fund as 基金');
  await shot('01-start');
});

await step('search AI+制造 shows typed hits and opens the node with its neighbourhood', async () => {
  await page.fill('#search-input', 'AI+制造');
  await page.waitForSelector('#search-list li[data-id]');
  const first = page.locator('#search-list li[data-id]').first();
  assert.ok((await first.locator('.badge').textContent()).length > 0, 'hit has a type badge');
  focusKey = await first.getAttribute('data-id');
  await first.click();
  await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).selected(), focusKey);
  await page.waitForFunction(() => window.policykg.view.cy.nodes().length > 1);
  await waitIdle();
  assert.match(await page.textContent('#details-body'), /AI/);
  await shot('02-search');
});

await step('typing and Enter at once opens the first hit', async () => {
  await page.fill('#search-input', '先导');
  await page.press('#search-input', 'Enter');
  await page.waitForFunction(() => /先导/.test(document.querySelector('#details-body .node-name')?.textContent ?? ''));
  await waitIdle();
  // Back to AI+制造 for the next steps.
  await page.fill('#search-input', 'AI+制造');
  await page.waitForSelector('#search-list li[data-id]');
  await page.press('#search-input', 'Enter');
  await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).selected(), focusKey);
  await waitIdle();
});

await step('double-click expands a neighbour', async () => {
  const before = await cyCount();
  // Candidates: nodes with more links on the server than in the view.
  const nodes = await page.evaluate(async (focus) => {
    const cy = window.policykg.view.cy;
    const out = [];
    for (const n of cy.nodes()) {
      const p = n.renderedPosition();
      if (n.id() === focus || p.x < 10 || p.y < 10 || p.x > cy.width() - 10 || p.y > cy.height() - 10) continue;
      const full = await fetch(`/api/nodes/${encodeURIComponent(n.id())}`).then((r) => r.json());
      const extra = full.degree.in + full.degree.out - n.degree(false);
      if (extra > 0) out.push({ id: n.id(), extra });
    }
    return out.sort((a, b) => b.extra - a.extra);
  }, focusKey);
  mark(`candidates ${JSON.stringify(nodes)}`);
  assert.ok(nodes.length > 0, 'a node in view has neighbours outside it');
  let grew = false;
  for (const n of nodes.slice(0, 3)) {
    await page.evaluate(unselectAll);
    const p = await nodeAt(n.id);
    mark(`dblclick ${n.id} at ${JSON.stringify(p)}`);
    await page.mouse.dblclick(p.x, p.y);
    await page.waitForFunction((c) => window.policykg.view.cy.elements().length > c, before.nodes + before.edges, { timeout: 3000 }).then(() => (grew = true)).catch(() => {});
    if (grew) break;
  }
  assert.ok(grew, 'some neighbour added new elements when expanded');
  await waitIdle();
  await shot('03-expand');
});

await step('a hidden node stays hidden when its neighbour expands; "show hidden" brings it back', async () => {
  const hood = await page.evaluate((k) => window.policykg.view.cy.getElementById(k).neighborhood('node').map((n) => n.id()), focusKey);
  const victim = (await viewNodes()).find((n) => hood.includes(n.id) && n.visible && n.type !== 'Document');
  assert.ok(victim, 'the focus node has a neighbour in view');
  await page.evaluate((k) => { const cy = window.policykg.view.cy; cy.elements().unselect(); cy.getElementById(k).select(); }, victim.id);
  await page.click('#btn-hide');
  await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).empty(), victim.id);
  await page.evaluate(async (k) => { await window.policykg.actions.expand(k, { types: [], direction: 'both' }); }, focusKey);
  assert.equal(await page.evaluate((k) => window.policykg.view.cy.getElementById(k).length, victim.id), 0, 'still hidden');
  await page.click('#btn-unhide');
  await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).nonempty(), victim.id);
  await waitIdle();
});

await step('legend toggles a type; collapse removes leaves; expand honours type and direction filters', async () => {
  // Legend: hide the focus node's type, then show it again.
  const type = await page.evaluate((k) => window.policykg.view.cy.getElementById(k).data('type'), focusKey);
  const entry = page.locator(`#legend-nodes li[data-type="${type}"]`);
  // (Cytoscape's visible() can lag a class change; the style cannot.)
  const shown = () => page.evaluate((k) => { const n = window.policykg.view.cy.getElementById(k); return [n.hasClass('type-off'), n.style('display')]; }, focusKey);
  await entry.click();
  assert.deepEqual(await shown(), [true, 'none'], 'type hidden');
  assert.equal(await entry.getAttribute('aria-checked'), 'false');
  await entry.click();
  assert.deepEqual(await shown(), [false, 'element'], 'type shown');
  // Collapse: the focus node's leaf neighbours leave the view.
  await page.evaluate((k) => { const cy = window.policykg.view.cy; cy.elements().unselect(); cy.getElementById(k).select(); }, focusKey);
  const leaves = await page.evaluate((k) => window.policykg.view.cy.getElementById(k).neighborhood('node').filter((n) => n.degree(false) === 1).map((n) => n.id()), focusKey);
  await page.click('#btn-collapse');
  for (const id of leaves) assert.equal(await page.evaluate((x) => window.policykg.view.cy.getElementById(x).length, id), 0, `${id} collapsed`);
  // Expand with only incoming SUPPORTS edges.
  await page.click('.edge-filter summary');
  for (const box of await page.locator('#expand-edge-types input').all()) {
    await box.setChecked((await box.getAttribute('value')) === 'SUPPORTS');
  }
  await page.click('.edge-filter summary');
  await page.selectOption('#expand-direction', 'in');
  const before = await page.evaluate(() => window.policykg.view.cy.edges().map((e) => e.id()));
  await page.click('#btn-expand');
  await page.waitForSelector('#btn-expand:enabled');
  await page.waitForTimeout(300);
  const added = await page.evaluate(([old, k]) => window.policykg.view.cy.edges().filter((e) => !old.includes(e.id()))
    .map((e) => ({ type: e.data('type'), target: e.data('target') })), [before, focusKey]);
  for (const e of added) {
    assert.equal(e.type, 'SUPPORTS', 'only SUPPORTS edges added');
    assert.equal(e.target, focusKey, 'only incoming edges added');
  }
  // Back to all types, both directions.
  await page.click('.edge-filter summary');
  for (const box of await page.locator('#expand-edge-types input').all()) await box.setChecked(true);
  await page.click('.edge-filter summary');
  await page.selectOption('#expand-direction', 'both');
  await waitIdle();
});

await step('a provenance quote opens its document with the span highlighted', async () => {
  const candidates = [focusKey, ...(await viewNodes()).map((n) => n.id)];
  let opened = false;
  for (const id of candidates) {
    await page.evaluate(async (k) => { await window.policykg.actions.showDetails(k); }, id);
    const quote = page.locator('#details-body button.quote').first();
    if (!(await quote.count())) continue;
    const quoteText = (await quote.locator('.text').textContent()).trim();
    await quote.click();
    await page.waitForSelector('#doc-dialog[open] mark.current');
    const marked = (await page.textContent('#doc-dialog mark.current')).trim();
    assert.ok(marked.length > 0, 'highlight is not empty');
    const core = (s) => s.replace(/[\s,。、:;“”"()()]/g, '');
    assert.ok(core(quoteText).includes(core(marked).slice(0, 6)) || core(marked).includes(core(quoteText).slice(0, 6)),
      `highlight "${marked}" matches quote "${quoteText}"`);
    await shot('04-document');
    await page.click('#doc-dialog [data-close]');
    opened = true;
    break;
  }
  assert.ok(opened, 'some node in view has a provenance quote');
});

await step('example queries fill the table and the graph', async () => {
  for (const example of ['query.ex.supporters', 'query.ex.pilots']) {
    await page.click(`#query-examples button[data-example="${example}"]`);
    await page.waitForSelector('#btn-query-run:enabled'); // disabled while the query runs
    assert.ok(await page.locator('#query-error').isHidden(), `${example}: ${await page.textContent('#query-error')}`);
    assert.ok((await page.locator('#results-table tbody tr').count()) > 0, `${example} has rows`);
    assert.ok((await page.locator('#results-table .chip').count()) > 0, `${example} shows node chips`);
  }
  await page.click('#query-examples button[data-example="query.ex.funds"]');
  await page.waitForSelector('#results:not([hidden]) #results-table tbody tr');
  const rows = await page.locator('#results-table tbody tr').count();
  assert.ok(rows > 0, 'rows');
  assert.ok((await page.locator('#results-table .chip').count()) > 0, 'node cells are chips');
  await page.waitForFunction(() => window.policykg.view.cy.nodes('[type = "Fund"]').length > 0);
  await waitIdle();
  await shot('05-query');
});

await step('a bad query shows the message and a caret under the fault', async () => {
  for (const q of ['MATCH (n:Fund) RETRUN n', "MATCH (n {name:'先导产业母基金'}) RETRUN n"]) {
    await page.fill('#query-input', q);
    await page.click('#btn-query-run');
    await page.waitForSelector('#query-error:not([hidden])');
    assert.ok((await page.textContent('#query-error-message')).length > 10, 'a message');
    const [line, caret] = (await page.textContent('#query-error-caret')).split('\n');
    assert.ok(caret && caret.trimEnd().endsWith('^'), `caret line under "${line}"`);
    const col = caret.indexOf('^') + 1; // spaces are one column each
    const at = displayColumnToIndex(line, col);
    assert.ok(line.slice(at).startsWith('RETRUN'), `caret at column ${col} points at "${line.slice(at)}"`);
    const sel = await page.evaluate(() => { const t = document.getElementById('query-input'); return t.value.slice(t.selectionStart); });
    assert.ok(sel.startsWith('RETRUN'), `editor selects the fault, got "${sel}"`);
  }
  await shot('06-query-error');
});

await curationSteps(step, h, { page, token: TOKEN, focusKey });

await step('"What supports this?" highlights evidence paths', async () => {
  await page.evaluate((k) => { const cy = window.policykg.view.cy; cy.elements().unselect(); cy.getElementById(k).select(); }, focusKey);
  await page.click('#btn-supporters');
  await page.waitForSelector('#details-body .measure-list li');
  assert.ok(await page.evaluate(() => window.policykg.view.cy.edges('.evidence').length > 0), 'evidence edges');
  await shot('09-supporters');
});

await step('path between two selected nodes is highlighted', async () => {
  const nodes = (await viewNodes()).filter((n) => n.id !== focusKey && n.type !== 'Document');
  await page.evaluate(([a, b2]) => {
    const cy = window.policykg.view.cy;
    cy.elements().unselect();
    cy.getElementById(a).select();
    cy.getElementById(b2).select();
  }, [focusKey, nodes[0].id]);
  await page.click('#btn-path');
  await page.waitForFunction(() => window.policykg.view.cy.nodes('.path').length >= 2);
  await shot('10-path');
});

await step('English switch translates menus and type names', async () => {
  await page.click('#btn-lang');
  assert.equal((await page.textContent('#btn-export-png')).trim(), 'Export PNG');
  assert.ok((await page.textContent('#legend-nodes')).includes('Fund'));
  await shot('11-english');
  await page.click('#btn-lang');
  assert.equal((await page.textContent('#btn-export-png')).trim(), '导出 PNG');
});

await step('layout saves and restores', async () => {
  const before = await cyCount();
  await page.click('#btn-layout-save');
  await page.click('#btn-clear');
  assert.equal((await cyCount()).nodes, 0);
  await page.click('#btn-layout-restore');
  assert.deepEqual(await cyCount(), before);
});

await step('export PNG, GraphML and JSON', async () => {
  const grab = async (button, file) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = join(out, file);
    await dl.saveAs(path);
    return readFileSync(path);
  };
  const png = await grab('#btn-export-png', 'export.png');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
  const gml = (await grab('#btn-export-graphml', 'export.graphml')).toString('utf8');
  assert.match(gml, /<graphml[\s\S]*<node id=/);
  const json = JSON.parse((await grab('#btn-export-json', 'export.json')).toString('utf8'));
  assert.ok(json.nodes.length > 0 && Array.isArray(json.edges));
});

await step('no script errors in the page', async () => {
  assert.deepEqual(pageErrors, []);
});

await b.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });
const failed = results.filter(([, ok]) => !ok).length;
console.log(`screenshots in ${out}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
