// The curation part of the viewer's end-to-end test: add a link with the
// token (a wrong token first, refused and asked again), see it at once and
// after a reload, remove it, then merge two nodes and split the merge,
// each checked in the view and in /api/curation.
//
// Interface: curationSteps(step, h, {page, token, focusKey}) runs the steps
// through the runner's step(name, fn); h comes from e2e_page.mjs.
import assert from 'node:assert/strict';

export async function curationSteps(step, h, { page, token: TOKEN, focusKey }) {
  const { shot, clickNode, viewNodes, unselectAll, waitIdle, mark } = h;
  let linkId = null;
  await step('add a link with the token; it shows at once and after a reload', async () => {
    await page.fill('#search-input', 'AI+制造');
    await page.waitForSelector('#search-list li[data-id]');
    await page.locator('#search-list li[data-id]').first().click();
    await page.waitForFunction(() => window.policykg.view.cy.nodes().length > 2);
    await waitIdle();
    mark('view nodes');
    const others = (await viewNodes()).filter((n) => n.id !== focusKey && n.visible);
    mark(`others ${others.length}`);
    await page.evaluate(unselectAll);
    await clickNode(focusKey);
    await clickNode(others[others.length - 1].id);
    const pair = await page.evaluate(() => window.policykg.actions.selection.slice(-2));
    assert.equal(pair.length, 2, 'two nodes selected');
    mark('link button');
    await page.click('#btn-link');
    // A wrong token first: the server refuses (401), the viewer asks again.
    await page.waitForSelector('#token-dialog[open]');
    await page.fill('#token-input', 'wrong-token-123');
    await page.click('#token-ok');
    await page.waitForSelector('#link-dialog[open]');
    await page.selectOption('#link-type', 'RELATED_TO');
    await page.fill('#link-reason', '测试:人工确认的关系');
    await page.click('#link-ok');
    await page.waitForSelector('#token-dialog[open]');
    assert.match(await page.textContent('#token-error'), /令牌无效/);
    await page.fill('#token-input', TOKEN);
    await page.click('#token-ok');
    linkId = await page.waitForFunction(() => window.policykg.view.cy.edges('.curated').map((e) => e.id())[0]).then((h) => h.jsonValue());
    assert.match(linkId, /^link:/);
    await shot('07-link-added');
    await page.waitForTimeout(1000); // the view autosaves after 800 ms
    mark('reload');
    await page.reload();
    mark('reloaded');
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForFunction((id) => window.policykg.view.cy.getElementById(id).nonempty(), linkId);
    const cur = await page.evaluate(() => fetch('/api/curation').then((r) => r.json()));
    assert.ok(cur.links.some((l) => l.id === linkId), 'the server lists the link');
  });

  await step('remove the link (token not asked again); gone after a reload', async () => {
    await waitIdle();
    await page.evaluate((id) => { window.policykg.view.cy.getElementById(id).emit('tap'); }, linkId);
    await page.click('#btn-delete-link');
    await page.waitForSelector('#reason-dialog[open]');
    assert.equal(await page.locator('#token-dialog[open]').count(), 0);
    await page.fill('#reason-input', '测试:撤销');
    await page.click('#reason-ok');
    await page.waitForFunction((id) => window.policykg.view.cy.getElementById(id).empty(), linkId);
    await page.waitForTimeout(1000);
    mark('reload');
    await page.reload();
    mark('reloaded');
    await page.waitForSelector('body[data-ready=true]');
    assert.equal(await page.evaluate((id) => window.policykg.view.cy.getElementById(id).length, linkId), 0);
    const cur = await page.evaluate(() => fetch('/api/curation').then((r) => r.json()));
    assert.ok(!cur.links.some((l) => l.id === linkId), 'the server no longer lists the link');
    await shot('08-link-removed');
  });

  await step('merge two nodes, then split the merge', async () => {
    const nodes = (await viewNodes()).filter((n) => n.id !== focusKey && n.type !== 'Document');
    const byType = new Map();
    for (const n of nodes) byType.set(n.type, [...(byType.get(n.type) ?? []), n.id]);
    const pair = [...byType.values()].find((ids) => ids.length >= 2)?.slice(0, 2) ?? nodes.slice(0, 2).map((n) => n.id);
    await page.evaluate(([a, b2]) => {
      const cy = window.policykg.view.cy;
      cy.elements().unselect();
      cy.getElementById(a).select();
      cy.getElementById(b2).select();
    }, pair);
    await page.click('#btn-merge');
    await page.waitForSelector('#merge-dialog[open]');
    await page.check(`#merge-keep input[value="${pair[0]}"]`);
    await page.fill('#merge-reason', '测试:同一事项');
    await page.click('#merge-ok');
    await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).empty(), pair[1]);
    await page.waitForSelector('#btn-split');
    await waitIdle();
    await shot('12-merged');
    await page.click('#btn-split');
    await page.waitForSelector('#reason-dialog[open]');
    await page.fill('#reason-input', '测试:拆分');
    await page.click('#reason-ok');
    await page.waitForFunction((k) => window.policykg.view.cy.getElementById(k).nonempty(), pair[1]);
    const cur = await page.evaluate(() => fetch('/api/curation').then((r) => r.json()));
    assert.equal(cur.merges.length, 1, 'one merge decision');
    assert.equal(cur.splits.length, 1, 'one split decision');
    await waitIdle();
  });

}
