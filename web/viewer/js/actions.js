// What the toolbar, the search box and the panels do to the view, each an
// async function that calls the API and then changes the graph: show a node
// with its neighbourhood, expand with filters, collapse, hide, "What
// supports this?", path between two nodes, and applying curation answers.
//
// Interface: new Actions(view, details, status) with the methods below.
// Errors from the server become a status message, never an exception that
// escapes to the console.
import { api } from './api.js';
import { edgeElementId } from './graph_view.js';
import { nodeName, t } from './i18n.js';

export class Actions {
  constructor(view, details, status) {
    Object.assign(this, { view, details, status });
    this.selection = []; // node keys in the order they were selected
    this.detailSeq = 0; // the latest details request wins over slower ones
  }

  // Shows `full` in the details panel unless a newer request started.
  async detailsFor(key, extra = null) {
    const seq = ++this.detailSeq;
    const [full, more] = await Promise.all([api.node(key), extra]);
    if (seq !== this.detailSeq) return null;
    this.details.showNode(full);
    return { full, more };
  }

  async guard(fn) {
    try {
      return await fn();
    } catch (e) {
      this.status(t('status.error', { message: e.message }), true);
      return null;
    }
  }

  selected(n) {
    return this.selection.slice(-n).map((k) => this.view.cy.getElementById(k)).filter((el) => el.nonempty());
  }

  // Opens a node: its details, its neighbourhood in the view, centred.
  show(key) {
    return this.guard(async () => {
      const seq = ++this.detailSeq;
      const [full, hood] = await Promise.all([api.node(key), api.neighbors(key, { limit: 50 })]);
      const added = this.view.addFragment(hood, { around: key, reveal: [key] });
      await this.view.settle(added, key);
      if (seq === this.detailSeq) this.details.showNode(full);
      this.status(t('status.expanded', { name: nodeName(full), n: added.length }) +
        (hood.truncated ? t('status.truncated', { limit: 50 }) : ''));
    });
  }

  async showDetails(key) {
    return this.guard(() => this.detailsFor(key));
  }

  expand(key, { types, direction, limit = 50 }) {
    return this.guard(async () => {
      const frag = await api.neighbors(key, { types, direction, limit });
      const added = this.view.addFragment(frag, { around: key });
      await this.view.settle(added, key);
      const name = this.view.cy.getElementById(key).data('label') ?? key;
      this.status(t('status.expanded', { name, n: added.length }) + (frag.truncated ? t('status.truncated', { limit }) : ''));
    });
  }

  collapse(key) {
    this.view.collapse(key);
  }

  hide(keys) {
    const coll = this.view.cy.collection();
    for (const k of keys) coll.merge(this.view.cy.getElementById(k));
    const n = this.view.hide(coll);
    this.selection = this.selection.filter((k) => !keys.includes(k));
    this.status(t('status.hidden', { n }));
  }

  supporters(key) {
    return this.guard(async () => {
      const ans = await api.supporters(key);
      this.view.addFragment(ans.graph, { around: key, reveal: (ans.graph?.nodes ?? []).map((n) => n.id) });
      await this.view.settle(null, key);
      if (!(await this.detailsFor(key))) return null;
      const highlightAll = () => {
        const nodes = new Set([key]);
        const edges = new Set();
        for (const m of ans.measures ?? []) {
          for (const n of m.path?.nodes ?? []) nodes.add(n.id);
          for (const e of m.path?.edges ?? []) edges.add(edgeElementId(e));
        }
        return this.view.highlight('evidence', nodes, edges);
      };
      const lit = highlightAll();
      this.view.fitTo(lit, 50);
      this.details.showSupporters(ans, (m) => {
        const nodes = (m.path?.nodes ?? []).map((n) => n.id);
        const edges = (m.path?.edges ?? []).map(edgeElementId);
        this.view.highlight('evidence', nodes, edges);
      });
      this.status(t('status.supporters', { n: (ans.measures ?? []).length }));
      return ans;
    });
  }

  path(fromKey, toKey) {
    return this.guard(async () => {
      const ans = await api.paths(fromKey, toKey);
      const p = (ans.paths ?? [])[0];
      const name = (k) => this.view.cy.getElementById(k).data('label') ?? k;
      if (!p) {
        this.view.clearHighlight();
        this.status(t('status.noPath', { a: name(fromKey), b: name(toKey) }), true);
        return null;
      }
      this.view.addFragment(p, { around: fromKey, reveal: p.nodes.map((n) => n.id) });
      await this.view.settle(null, fromKey);
      const lit = this.view.highlight('path', p.nodes.map((n) => n.id), p.edges.map(edgeElementId));
      this.view.fitTo(lit, 60);
      this.status(t('status.path', { n: p.edges.length }));
      return p;
    });
  }

  // Curation answers, applied to the view.
  linkAdded(edge) {
    this.view.addFragment({ nodes: [], edges: [edge] });
    const el = this.view.cy.getElementById(edgeElementId(edge));
    this.view.cy.elements().unselect();
    el.select();
    const d = el.data();
    if (d) this.details.showEdge(d, { from: this.view.cy.getElementById(d.source).data(), to: this.view.cy.getElementById(d.target).data() });
    this.status(t('status.linkAdded', { id: edge.id }));
  }

  linkDeleted(id) {
    this.view.cy.getElementById(id).remove();
    this.details.clear();
    this.status(t('status.linkDeleted', { id }));
  }

  async merged(answer, mergedKeys) {
    const keep = answer.node;
    this.view.cy.remove(mergedKeys.filter((k) => k !== keep.id).map((k) => this.view.cy.getElementById(k))
      .reduce((a, b) => a.union(b), this.view.cy.collection()));
    await this.show(keep.id);
    this.details.showNode(keep);
    this.status(t('status.merged', { name: nodeName(keep) }));
  }

  async split(id, key, mergedFrom) {
    this.view.cy.getElementById(key).connectedEdges().remove();
    await this.show(key);
    for (const k of mergedFrom) {
      const hood = await api.neighbors(k, { limit: 50 }).catch(() => null);
      if (hood) this.view.addFragment(hood, { around: key });
    }
    await this.view.settle(null, key);
    this.status(t('status.split', { id }));
  }
}
