// Responsiveness of the viewer with about 2,000 elements on screen, in
// Debian's Chromium against the mock server with generated nodes
// (mock_server.mjs --synthetic N). Measures: adding the elements, the fcose
// layout, frame times while zooming and panning, and the time from a click
// on a node to its details. Fails only on pathologies (a frozen page), with
// bounds far above what a 2-core machine needs, so that load noise on a
// shared machine does not turn it red; the figures are printed for reading.
//
//   node tests/viewer/perf_test.mjs [--nodes 1000] [--out DIR]
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from './browser.mjs';
import { startServer } from './server_process.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const synthetic = Number(opt('--nodes', 1000));
const out = resolve(opt('--out', 'build/test-output/viewer/perf'));
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'policykg-viewer-perf-'));
const server = await startServer({ token: 't', dir, extraArgs: ['--synthetic', String(synthetic)] });
const b = await launch();
const page = b.page;
let failed = 0;
try {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]');
  const figures = await page.evaluate(async () => {
    const { view } = window.policykg;
    const cy = view.cy;
    const res = await fetch('/api/query', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (a)-[r]->(b) RETURN a, r, b', limit: 100000 }) }).then((r) => r.json());
    const t0 = performance.now();
    view.addFragment(res.graph);
    const t1 = performance.now();
    await view.layout({ randomize: true });
    const t2 = performance.now();
    // Frame times while zooming and panning: 60 steps, one per frame.
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 60; i++) {
      if (i % 2) cy.zoom({ level: cy.zoom() * (i < 30 ? 1.05 : 0.95), renderedPosition: { x: 300, y: 300 } });
      else cy.panBy({ x: i < 30 ? 8 : -8, y: 4 });
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return { nodes: cy.nodes().length, edges: cy.edges().length, addMs: t1 - t0, layoutMs: t2 - t1,
      frameMedian: frames[30], frameP95: frames[Math.floor(frames.length * 0.95)] };
  });
  await page.evaluate(() => { window.policykg.view.cy.fit(); });
  const target = await page.evaluate(() => {
    const cy = window.policykg.view.cy;
    const n = cy.nodes('[type = "Goal"]').first();
    const p = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { id: n.id(), x: box.left + p.x, y: box.top + p.y };
  });
  const c0 = Date.now();
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => document.querySelector('#details-body')?.textContent.includes(id), target.id);
  figures.clickToDetailsMs = Date.now() - c0;
  await page.screenshot({ path: join(out, 'perf-2000.png') });
  const f = (x) => Math.round(x);
  console.log(`elements: ${figures.nodes} nodes + ${figures.edges} edges = ${figures.nodes + figures.edges}`);
  console.log(`add ${f(figures.addMs)} ms, fcose layout ${f(figures.layoutMs)} ms, ` +
    `zoom/pan frame median ${f(figures.frameMedian)} ms, p95 ${f(figures.frameP95)} ms, click to details ${figures.clickToDetailsMs} ms`);
  assert.ok(figures.nodes + figures.edges >= 2 * synthetic, 'the elements are on screen');
  assert.ok(figures.layoutMs < 30000, 'layout finishes within 30 s');
  assert.ok(figures.frameMedian < 250, 'zoom and pan: median frame under 250 ms');
  assert.ok(figures.frameP95 < 2000, 'zoom and pan: no frame freezes for 2 s');
  assert.ok(figures.clickToDetailsMs < 5000, 'a click shows details within 5 s');
  console.log('1 passed, 0 failed');
} catch (e) {
  failed = 1;
  console.log(`FAIL ${e.stack ?? e}`);
  console.log('0 passed, 1 failed');
} finally {
  await b.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed);
