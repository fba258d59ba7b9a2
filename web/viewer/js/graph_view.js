// The graph canvas: a Cytoscape instance holding what the analyst has
// gathered so far (the "view"), and every operation on it that needs no
// server: add a fragment, lay out, hide and restore, collapse, type
// filters, highlight classes, focus, and the element list for export and
// saving.
//
// Element ids: a node's id is its stable key; an edge's id is the triple
// "from|TYPE|to" for extracted edges (server edge ids e<n> change with each
// snapshot, the triple does not; the server id stays in data.serverId) and
// the server id for curated links ("link:7"). Labels follow the language
// (i18n.js); refreshLabels() re-applies them.
// Does not fetch: main.js and the feature modules call the API and hand
// fragments here. Exercised by tests/viewer/e2e_test.mjs.
import { edgeTypeName, nodeName } from './i18n.js';
import { stylesheet } from './graph_style.js';

const BIG = 600; // above this many nodes: no animation, draft layouts, rings for expansions

export function edgeElementId(e) {
  return String(e.id).startsWith('link:') ? e.id : `${e.from}|${e.type}|${e.to}`;
}

export class GraphView {
  constructor(container, schema) {
    const cytoscape = window.cytoscape;
    if (window.cytoscapeFcose && !GraphView.registered) {
      cytoscape.use(window.cytoscapeFcose);
      GraphView.registered = true;
    }
    this.hiddenTypes = new Set();
    this.hidden = null; // collection of hidden elements, restorable
    this.hiddenKeys = new Set(); // hidden nodes stay out when neighbours expand
    this.cy = cytoscape({
      container,
      style: stylesheet(schema.node_types.map((t) => t.name), schema.edge_types.map((t) => t.name)),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: 'additive',
      boxSelectionEnabled: true,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
  }

  nodeData(n) {
    return { id: n.id, type: n.type, name: n.name, name_en: n.name_en ?? '', type_zh: n.type_zh ?? '',
      labels: n.labels ?? [n.type], label: nodeName(n) };
  }

  edgeData(e) {
    return { id: edgeElementId(e), serverId: e.id, source: e.from, target: e.to, type: e.type,
      props: e.props ?? {}, provenance: e.provenance ?? [], label: edgeTypeName(e.type) };
  }

  // Adds the nodes and edges of a fragment that are not in the view yet
  // (known ones get fresh data). New nodes start on a ring around `around`
  // (a node key) or the view's centre. Hidden nodes stay hidden unless
  // named in `reveal`. Returns the added node collection.
  addFragment(fragment, { around = null, reveal = [] } = {}) {
    const cy = this.cy;
    const added = [];
    for (const k of reveal) this.hiddenKeys.delete(k);
    const anchor = around ? cy.getElementById(around) : null;
    const centre = anchor && anchor.nonempty() ? anchor.position() : this.viewCentre();
    const fresh = (fragment.nodes ?? []).filter((n) => cy.getElementById(n.id).empty() && !this.hiddenKeys.has(n.id));
    let i = 0;
    cy.batch(() => {
      for (const n of fragment.nodes ?? []) {
        if (this.hiddenKeys.has(n.id)) continue;
        const el = cy.getElementById(n.id);
        if (el.nonempty()) {
          el.data(this.nodeData(n));
          continue;
        }
        const angle = (2 * Math.PI * i++) / Math.max(fresh.length, 1);
        const r = 60 + 6 * Math.sqrt(fresh.length) * 10;
        added.push({ group: 'nodes', data: this.nodeData(n),
          position: { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) } });
      }
      const nodesAdded = cy.add(added);
      const edges = [];
      for (const e of fragment.edges ?? []) {
        const id = edgeElementId(e);
        if (cy.getElementById(id).nonempty()) continue;
        if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) continue;
        edges.push({ group: 'edges', data: this.edgeData(e), classes: String(e.id).startsWith('link:') ? 'curated' : '' });
      }
      cy.add(edges);
      this.applyTypeFilter();
      this.added = nodesAdded;
    });
    this.tune();
    return this.added;
  }

  // Large views trade detail for speed while the viewport moves: a cached
  // texture instead of a redraw, no edges or labels mid-gesture. The
  // renderer reads these flags on every frame (Cytoscape 3.x BaseRenderer).
  tune() {
    const big = this.cy.nodes().length > BIG;
    const r = this.cy.renderer();
    if (!r || r.textureOnViewport === big) return;
    r.textureOnViewport = big;
    r.hideEdgesOnViewport = big;
    r.hideLabelsOnViewport = big;
  }

  viewCentre() {
    const ext = this.cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  // Lays out the whole view with fcose (keeping current positions as the
  // start unless `randomize`); a large view gets a draft-quality run
  // without animation. Resolves when the layout stops.
  layout({ randomize = false, fit = true } = {}) {
    const n = this.cy.nodes().length;
    if (n === 0) return Promise.resolve();
    const big = n > BIG;
    const layout = this.cy.layout({
      name: window.cytoscapeFcose ? 'fcose' : 'cose',
      quality: 'default',
      randomize,
      animate: !big && n < 200,
      animationDuration: 350,
      fit,
      padding: 40,
      nodeRepulsion: () => 6500,
      idealEdgeLength: () => 90,
      numIter: big ? 800 : 2500,
      nodeDimensionsIncludeLabels: !big,
    });
    this.running = (this.running ?? 0) + 1;
    const done = new Promise((resolve) => layout.one('layoutstop', () => {
      this.running -= 1;
      resolve();
    }));
    layout.run();
    return done;
  }

  // After adding `added` next to `around`: a full layout for small views;
  // for big ones the new nodes keep their ring so the rest does not move.
  settle(added, around) {
    if (this.cy.nodes().length <= BIG) return this.layout({ fit: false }).then(() => this.focus(around));
    this.focus(around);
    return Promise.resolve();
  }

  // True while a layout or a viewport animation is moving things.
  busy() {
    return (this.running ?? 0) > 0 || this.cy.animated() || this.cy.nodes().some((n) => n.animated());
  }

  // Fits `eles` in the viewport, zooming in no further than 1.6 so that a
  // two-node answer does not fill the screen.
  fitTo(eles, padding = 60) {
    if (!eles || eles.empty()) return;
    const bb = eles.boundingBox();
    const w = Math.max(this.cy.width() - 2 * padding, 50);
    const h = Math.max(this.cy.height() - 2 * padding, 50);
    const zoom = Math.min(1.6, w / Math.max(bb.w, 1), h / Math.max(bb.h, 1));
    const duration = this.cy.nodes().length > BIG ? 0 : 300;
    this.cy.animate({ zoom, center: { eles }, duration });
  }

  focus(id, { zoom = true } = {}) {
    const el = id ? this.cy.getElementById(id) : null;
    if (!el || el.empty()) return;
    if (zoom) this.fitTo(el.closedNeighborhood());
    if (el.selected() && this.cy.nodes(':selected').length === 1) return;
    this.cy.nodes().unselect();
    el.select();
  }

  // Removes leaf neighbours of `id` (those linked to nothing else in view).
  collapse(id) {
    const el = this.cy.getElementById(id);
    const leaves = el.neighborhood('node').filter((n) => n.degree(false) <= n.edgesWith(el).length);
    this.cy.remove(leaves);
    return leaves.length;
  }

  hide(collection) {
    collection.forEach((n) => this.hiddenKeys.add(n.id()));
    const removed = this.cy.remove(collection.union(collection.connectedEdges()));
    this.hidden = this.hidden ? this.hidden.union(removed) : removed;
    return collection.length;
  }

  unhide() {
    if (!this.hidden) return 0;
    const cy = this.cy;
    const nodes = this.hidden.nodes().filter((n) => cy.getElementById(n.id()).empty());
    const n = nodes.length;
    nodes.restore();
    this.hidden.edges().filter((e) => e.removed() && cy.getElementById(e.id()).empty() &&
      cy.getElementById(e.data('source')).nonempty() && cy.getElementById(e.data('target')).nonempty()).restore();
    this.hidden = null;
    this.hiddenKeys.clear();
    this.applyTypeFilter();
    return n;
  }

  // Legend toggles: a hidden node type hides its nodes (and their edges),
  // a hidden edge type its edges.
  toggleType(type) {
    if (this.hiddenTypes.has(type)) this.hiddenTypes.delete(type);
    else this.hiddenTypes.add(type);
    this.applyTypeFilter();
    return !this.hiddenTypes.has(type);
  }

  applyTypeFilter() {
    const off = this.hiddenTypes;
    this.cy.elements().forEach((el) => {
      el.toggleClass('type-off', off.has(el.data('type')));
    });
  }

  highlight(cls, nodeIds, edgeIds) {
    this.clearHighlight();
    const cy = this.cy;
    const set = cy.collection();
    for (const id of nodeIds) set.merge(cy.getElementById(id));
    for (const id of edgeIds) set.merge(cy.getElementById(id));
    set.addClass(cls);
    cy.elements().difference(set).addClass('faded');
    return set;
  }

  clearHighlight() {
    this.cy.elements().removeClass('faded evidence path focus');
  }

  refreshLabels() {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => n.data('label', nodeName(n.data())));
      this.cy.edges().forEach((e) => e.data('label', edgeTypeName(e.data('type'))));
    });
  }

  clear() {
    this.cy.elements().remove();
    this.hidden = null;
    this.hiddenKeys.clear();
    this.tune();
  }

  // Plain objects for export and saving: nodes with positions, edges.
  snapshot() {
    return {
      nodes: this.cy.nodes().map((n) => ({ data: n.data(), position: { ...n.position() } })),
      edges: this.cy.edges().map((e) => ({ data: e.data(), classes: e.classes().join(' ') })),
      zoom: this.cy.zoom(),
      pan: { ...this.cy.pan() },
    };
  }

  restore(saved) {
    this.clear();
    this.cy.batch(() => {
      this.cy.add(saved.nodes.map((n) => ({ group: 'nodes', data: n.data, position: n.position })));
      this.cy.add(saved.edges.filter((e) => this.cy.getElementById(e.data.source).nonempty() &&
        this.cy.getElementById(e.data.target).nonempty()).map((e) => ({ group: 'edges', data: e.data, classes: e.classes })));
    });
    this.cy.viewport({ zoom: saved.zoom, pan: saved.pan });
    this.tune();
    this.applyTypeFilter();
    this.refreshLabels();
  }
}
