// Query results as a table: scalars as text, nodes as clickable chips with
// a type badge, edges as "—type→", paths as chains of names, lists joined.
// Clicking a node chip focuses that node in the graph (onNode(key)).
//
// Interface: renderResults(table, meta, result, onNode). Builds DOM with
// textContent only (values are never parsed as HTML). No fetching.
import { edgeTypeName, nodeName, t } from './i18n.js';
import { typeBadge } from './search_box.js';
import { formatProperty } from './format.js';
import { getLang } from './i18n.js';

function chip(node, onNode) {
  const span = document.createElement('span');
  span.className = 'chip';
  span.dataset.node = node.id;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = nodeName(node);
  span.append(typeBadge(node.type), name);
  span.addEventListener('click', () => onNode(node.id));
  return span;
}

function renderCell(value, onNode, depth = 0) {
  const frag = document.createDocumentFragment();
  if (value === null || value === undefined) return frag;
  if (depth > 8) {
    frag.append('…');
    return frag;
  }
  if (value.node) {
    frag.append(chip(value.node, onNode));
  } else if (value.edge) {
    frag.append(`—${edgeTypeName(value.edge.type)}→`);
  } else if (value.path) {
    const { nodes = [], edges = [] } = value.path;
    nodes.forEach((n, i) => {
      frag.append(chip(n, onNode));
      if (i < edges.length) {
        const e = edges[i];
        const forward = e.from === n.id;
        frag.append(forward ? ` —${edgeTypeName(e.type)}→ ` : ` ←${edgeTypeName(e.type)}— `);
      }
    });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (i) frag.append(getLang() === 'en' ? ', ' : '、');
      frag.append(renderCell(v, onNode, depth + 1));
    });
  } else {
    frag.append(formatProperty('', value, getLang()));
  }
  return frag;
}

// Milliseconds for people: 0.055 → "0.06", 12.345 → "12.3", 1234 → "1234".
export function formatMs(ms) {
  const n = Number(ms);
  if (!Number.isFinite(n)) return '?';
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : String(Math.round(n));
}

export function renderResults(table, meta, result, onNode) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const c of result.columns ?? []) {
    const th = document.createElement('th');
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of result.rows ?? []) {
    const tr = body.insertRow();
    for (const value of row) tr.insertCell().append(renderCell(value, onNode));
  }
  meta.textContent = t('query.done', { rows: (result.rows ?? []).length, ms: formatMs(result.elapsed_ms) }) +
    (result.truncated ? t('query.truncated') : '');
}
