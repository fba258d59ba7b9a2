// Viewer entry point: loads the schema, builds the parts (graph view,
// legend, search, query editor, details, document dialog, curation) and
// wires the page's controls to them. Behaviour lives in the modules; this
// file only connects DOM events to them.
//
// On start the view saved automatically in this browser comes back (its
// curated links reconciled with /api/curation, so a change made before a
// reload shows after it). window.policykg exposes the parts for tests and
// for the browser console.
import { api } from './api.js';
import { Actions } from './actions.js';
import { Curation } from './curation.js';
import { DetailsPanel } from './details_panel.js';
import { DocumentViewer } from './document_viewer.js';
import { download, exportPng, stamp, toGraphML, toJson } from './export_view.js';
import { GraphView } from './graph_view.js';
import { applyI18n, edgeTypeName, getLang, onLangChange, setLang, setSchema, t } from './i18n.js';
import { Legend } from './legend.js';
import { loadView, saveView, SLOT_AUTO, SLOT_SAVED } from './layout_store.js';
import { QueryPanel } from './query_panel.js';
import { formatMs, renderResults } from './results_table.js';
import { SearchBox } from './search_box.js';

const $ = (id) => document.getElementById(id);

function status(message, isError = false) {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

function debounce(fn, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function expandOptions() {
  const types = [...$('expand-edge-types').querySelectorAll('input:checked')].map((i) => i.value);
  const all = $('expand-edge-types').querySelectorAll('input').length;
  return { types: types.length === all ? [] : types, direction: $('expand-direction').value };
}

function renderEdgeFilter(schema) {
  const box = $('expand-edge-types');
  const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  const first = box.children.length === 0;
  box.replaceChildren(...schema.edge_types.map((et) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = et.name;
    input.checked = first || checked.has(et.name);
    label.append(input, ` ${edgeTypeName(et.name)}`);
    return label;
  }));
}

// After a reload the saved view may predate curation made since: drop
// curated links the server no longer has, add those it has between nodes
// in view, and remove nodes merged into another (active, unsplit merges).
async function reconcileCurated(view) {
  const cur = await api.curation();
  const live = new Map((cur.links ?? []).map((l) => [l.id, l]));
  view.cy.edges().filter((e) => String(e.id()).startsWith('link:') && !live.has(e.id())).remove();
  const edges = [...live.values()].map((l) => ({ id: l.id, type: l.type, from: l.from, to: l.to,
    props: { reason: l.reason, curated: true }, provenance: [] }));
  const undone = new Set((cur.splits ?? []).map((s) => s.decision));
  for (const m of cur.merges ?? []) {
    if (m.active === false || undone.has(m.id)) continue;
    for (const key of m.merge ?? []) view.cy.getElementById(key).remove();
  }
  view.addFragment({ nodes: [], edges });
}

async function start() {
  applyI18n(document);
  status(t('status.loading'));
  const schema = await api.schema();
  setSchema(schema);
  const view = new GraphView($('graph'), schema);
  const cy = view.cy;
  const legend = new Legend($('legend-nodes'), $('legend-edges'), schema, view);
  const docs = new DocumentViewer({ dialog: $('doc-dialog'), title: $('doc-title'), meta: $('doc-meta'), body: $('doc-text') });
  const curation = new Curation({
    tokenDialog: $('token-dialog'), tokenInput: $('token-input'), tokenError: $('token-error'),
    linkDialog: $('link-dialog'), linkType: $('link-type'),
    linkReason: $('link-reason'), linkEnds: $('link-ends'), mergeDialog: $('merge-dialog'), mergeKeep: $('merge-keep'),
    mergeReason: $('merge-reason'), reasonDialog: $('reason-dialog'), reasonTitle: $('reason-title'),
    reasonWhat: $('reason-what'), reasonInput: $('reason-input'), onStatus: status }, schema);
  let actions = null;
  const details = new DetailsPanel($('details-body'), {
    openQuote: (p) => docs.open(p.document, p.span).catch((e) => status(t('status.error', { message: e.message }), true)),
    deleteLink: (id) => actions.guard(async () => (await curation.deleteLink(id)) && actions.linkDeleted(id)),
    split: (key) => actions.guard(async () => {
      const before = await api.node(key);
      const id = await curation.split(key);
      if (id) await actions.split(id, key, before.props?.merged_from ?? []);
    }),
  }, schema);
  actions = new Actions(view, details, status);
  let current = null; // {kind:'node'|'edge', id}

  // Graph events. A box selection selects many nodes at once: only the
  // last one's details are fetched.
  // (Nor does it overwrite details that an action showed in the meantime.)
  let selectSeq = 0;
  const showCurrent = debounce(() => {
    if (current?.kind === 'node' && actions.detailSeq === selectSeq) actions.showDetails(current.id);
  }, 40);
  cy.on('select', 'node', (e) => {
    const key = e.target.id();
    actions.selection = actions.selection.filter((k) => k !== key).concat(key);
    current = { kind: 'node', id: key };
    selectSeq = actions.detailSeq;
    showCurrent();
  });
  cy.on('unselect remove', 'node', (e) => {
    actions.selection = actions.selection.filter((k) => k !== e.target.id());
  });
  cy.on('tap', 'edge', (e) => {
    const d = e.target.data();
    current = { kind: 'edge', id: d.id };
    details.showEdge(d, { from: cy.getElementById(d.source).data(), to: cy.getElementById(d.target).data() });
  });
  cy.on('dbltap', 'node', (e) => actions.expand(e.target.id(), expandOptions()));
  cy.on('tap', (e) => e.target === cy && view.clearHighlight());
  const autosave = debounce(() => saveView(view.snapshot(), SLOT_AUTO), 800);
  const paintCount = () => {
    $('view-count').textContent = t('status.view', { nodes: cy.nodes().length, edges: cy.edges().length });
  };
  const changed = debounce(() => {
    legend.render();
    paintCount();
  }, 100);
  cy.on('add remove', () => {
    changed();
    autosave();
  });
  cy.on('dragfree viewport', autosave);
  // And when the page goes away, so a reload right after a change keeps it.
  window.addEventListener('pagehide', () => saveView(view.snapshot(), SLOT_AUTO));

  // Search, query, results.
  new SearchBox($('search-input'), $('search-list'), (hit) => actions.show(hit.id));
  const focusNode = (key) => (cy.getElementById(key).nonempty() ? view.focus(key) : actions.show(key));
  const query = new QueryPanel({ input: $('query-input'), run: $('btn-query-run'), examples: $('query-examples'),
    errorBox: $('query-error'), errorMessage: $('query-error-message'), errorCaret: $('query-error-caret') },
  async (result) => {
    $('results').hidden = false;
    renderResults($('results-table'), $('results-meta'), result, focusNode);
    if (result.graph && (result.graph.nodes ?? []).length) {
      view.clear();
      view.addFragment(result.graph);
      await view.layout({ randomize: true });
    }
    status(t('query.done', { rows: (result.rows ?? []).length, ms: formatMs(result.elapsed_ms) }));
  }, status);
  $('btn-results-close').addEventListener('click', () => ($('results').hidden = true));

  // Toolbar.
  const one = () => {
    const [n] = actions.selected(1);
    if (!n) status(t('status.selectOne'), true);
    return n;
  };
  const two = () => {
    const pair = actions.selected(2);
    if (pair.length < 2) status(t('status.selectTwo'), true);
    return pair.length < 2 ? null : pair;
  };
  $('btn-expand').addEventListener('click', () => { const n = one(); if (n) actions.expand(n.id(), expandOptions()); });
  $('btn-collapse').addEventListener('click', () => { const n = one(); if (n) actions.collapse(n.id()); });
  $('btn-hide').addEventListener('click', () => {
    const keys = cy.nodes(':selected').map((n) => n.id());
    if (!keys.length) status(t('status.selectOne'), true);
    else actions.hide(keys);
  });
  $('btn-unhide').addEventListener('click', () => view.unhide());
  // Keys on the graph: Delete hides the selection, Escape clears highlights.
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select, dialog')) return;
    if (e.key === 'Delete') $('btn-hide').click();
    else if (e.key === 'Escape') view.clearHighlight();
  });
  $('btn-supporters').addEventListener('click', () => { const n = one(); if (n) actions.supporters(n.id()); });
  $('btn-path').addEventListener('click', () => { const p = two(); if (p) actions.path(p[0].id(), p[1].id()); });
  $('btn-link').addEventListener('click', () => actions.guard(async () => {
    const p = two();
    if (!p) return;
    const edge = await curation.addLink(p[0].data(), p[1].data());
    if (edge) actions.linkAdded(edge);
  }));
  $('btn-merge').addEventListener('click', () => actions.guard(async () => {
    const nodes = cy.nodes(':selected').map((n) => n.data());
    if (nodes.length < 2) return status(t('status.selectTwo'), true);
    const ans = await curation.merge(nodes);
    if (ans) await actions.merged(ans, nodes.map((n) => n.id));
  }));
  $('btn-relayout').addEventListener('click', () => view.layout({ randomize: true }));
  $('btn-clear').addEventListener('click', () => { view.clear(); details.clear(); status(t('status.cleared')); });

  // Export and layout.
  $('btn-export-png').addEventListener('click', async () => {
    const file = `policykg-${stamp()}.png`;
    download(file, await exportPng(cy));
    status(t('status.exported', { file }));
  });
  $('btn-export-graphml').addEventListener('click', () => {
    const file = `policykg-${stamp()}.graphml`;
    download(file, new Blob([toGraphML(view.snapshot())], { type: 'application/graphml+xml' }));
    status(t('status.exported', { file }));
  });
  $('btn-export-json').addEventListener('click', () => {
    const file = `policykg-${stamp()}.json`;
    download(file, new Blob([toJson(view.snapshot())], { type: 'application/json' }));
    status(t('status.exported', { file }));
  });
  $('btn-layout-save').addEventListener('click', () => {
    saveView(view.snapshot(), SLOT_SAVED);
    status(t('layout.saved', { n: cy.nodes().length }));
  });
  $('btn-layout-restore').addEventListener('click', () => {
    const saved = loadView(SLOT_SAVED);
    if (!saved) return status(t('layout.none'), true);
    view.restore(saved);
    status(t('layout.restored', { when: new Date(saved.savedAt).toLocaleString(getLang() === 'en' ? 'en-US' : 'zh-CN') }));
    actions.guard(() => reconcileCurated(view));
  });

  // Language.
  const langButton = $('btn-lang');
  const paintLang = () => {
    langButton.textContent = getLang() === 'en' ? '中文' : 'English';
    langButton.lang = getLang() === 'en' ? 'zh-CN' : 'en';
    applyI18n(document);
    renderEdgeFilter(schema);
    query.renderExamples();
    view.refreshLabels();
    legend.render();
    paintCount();
    status('');
    if (current?.kind === 'node') actions.showDetails(current.id);
  };
  langButton.addEventListener('click', () => setLang(getLang() === 'en' ? 'zh' : 'en'));
  onLangChange(paintLang);
  paintLang();

  // Start: the automatically saved view, then the graph's size.
  const auto = loadView(SLOT_AUTO);
  if (auto && auto.nodes.length) {
    view.restore(auto);
    await actions.guard(() => reconcileCurated(view));
  }
  const stats = await api.stats();
  status(t('status.ready', { nodes: stats.nodes, edges: stats.edges }));
  window.policykg = { view, actions, curation, details, docs, query, legend, ready: true };
  document.body.dataset.ready = 'true';
}

start().catch((e) => status(t('status.error', { message: e.message }), true));
