// Page helpers for the viewer's end-to-end tests: screenshots, counting
// and locating Cytoscape elements, clicking nodes where they are drawn, and
// waiting until layouts and animations stop.
//
// Interface: pageHelpers(page, out) → {shot, cyCount, nodeAt, clickNode,
// viewNodes, unselectAll, waitIdle, mark}. mark(text) prints a timestamped
// trace line when VIEWER_DEBUG is set. Used by e2e_test.mjs and
// e2e_curation.mjs.
import { join } from 'node:path';

export function pageHelpers(page, out) {
  const mark = (what) => process.env.VIEWER_DEBUG && console.log(`  .. ${new Date().toISOString().slice(11, 23)} ${what}`);
  const shot = (name) => page.screenshot({ path: join(out, `${name}.png`) });
  const cyCount = () => page.evaluate(() => ({ nodes: window.policykg.view.cy.nodes().length, edges: window.policykg.view.cy.edges().length }));
  const nodeAt = (id) => page.evaluate((key) => {
    const cy = window.policykg.view.cy;
    const p = cy.getElementById(key).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  const clickNode = async (id, opts) => { const p = await nodeAt(id); await page.mouse.click(p.x, p.y, opts); };
  // Nodes in view; `visible` when drawn inside the graph's box (clickable).
  const viewNodes = () => page.evaluate(() => {
    const cy = window.policykg.view.cy;
    const [w, h] = [cy.width(), cy.height()];
    return cy.nodes().map((n) => {
      const p = n.renderedPosition();
      return { id: n.id(), type: n.data('type'), degree: n.degree(), visible: p.x > 10 && p.y > 10 && p.x < w - 10 && p.y < h - 10 };
    });
  });
  // Page functions must not return Cytoscape collections: Playwright would
  // try to serialise the whole (cyclic, huge) object graph.
  const unselectAll = () => { window.policykg.view.cy.elements().unselect(); };
  const waitIdle = async () => {
    mark('waitIdle');
    await page.waitForTimeout(50);
    await page.waitForFunction(() => !window.policykg.view.busy(), null, { timeout: 8000 });
    mark('idle');
  };
  return { shot, cyCount, nodeAt, clickNode, viewNodes, unselectAll, waitIdle, mark };
}
