// A tiny stand-in for the Cypher engine, enough for the viewer's examples:
//   CALL supporters('NAME') YIELD measure, path RETURN measure, path
//   MATCH (a[:T])-[r[:E]]->(b[:T]) RETURN items [LIMIT n]
//   MATCH (a[:T]) RETURN items [LIMIT n]
//   MATCH path = (a[:T])-[:E1|E2*1..N]->(b[:T]) RETURN a, b, path
// where items are variables or var.property. Anything else is a query
// error with a position and a caret measured in display columns, like the
// real engine's (docs/api.md).
//
// Interface: runQuery(graph, text, limit) → {ok:true, result} or
// {ok:false, error}. Not a parser: patterns are regular expressions.
// Exercised by the viewer tests (tests/viewer/*_test.mjs).
import { caretLine } from '../../web/viewer/js/text_utf8.js';

const KEYWORDS = new Set(['MATCH', 'CALL', 'YIELD', 'RETURN', 'WHERE', 'LIMIT', 'AS', 'AND', 'OR', 'NOT', 'ORDER', 'BY', 'DISTINCT']);

function queryError(text, index, message) {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', index);
  const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const caret = caretLine(lineText, index - lineStart);
  const column = caret.length;  // 1-based display column of the caret
  const offset = new TextEncoder().encode(before).length;
  const prefix = `LINE ${line}: `;  // DuckDB style, as query/position.h
  return { ok: false, error: { code: 'invalid_argument', message: `${message} at line ${line}, column ${column}`,
    position: { line, column, offset }, caret: `${prefix}${lineText}\n${' '.repeat(prefix.length)}${caret}` } };
}

// The first bare word that is not a keyword, variable, label or property.
function locateFault(text) {
  const head = /^\s*(\w+)/.exec(text);
  if (!head) return queryError(text, 0, 'empty query: expected MATCH or CALL');
  if (!['MATCH', 'CALL'].includes(head[1].toUpperCase())) {
    return queryError(text, head.index + head[0].length - head[1].length, `expected MATCH or CALL, got '${head[1]}'`);
  }
  let depth = 0;
  const re = /'[^']*'|"[^"]*"|[()[\]{}]|[A-Za-z_]\w*/g;
  let m;
  let prev = '';
  while ((m = re.exec(text))) {
    const tok = m[0];
    if ('([{'.includes(tok)) depth++;
    else if (')]}'.includes(tok)) depth--;
    else if (depth === 0 && prev === ')' && !KEYWORDS.has(tok.toUpperCase())) {
      return queryError(text, m.index, `unexpected '${tok}': expected RETURN, WHERE or LIMIT`);
    }
    prev = tok;
  }
  return queryError(text, text.length, 'incomplete query: expected RETURN');
}

function cell(graph, value) {
  if (value && value.edge) return { edge: value.edge };
  if (value && value.node) return { node: graph.summary(value.node) };
  return value;
}

function project(graph, bindings, items, text) {
  const columns = items.map((s) => s.trim());
  const rows = [];
  const keys = new Set();
  const edges = new Map();
  for (const b of bindings) {
    const row = [];
    for (const item of columns) {
      const [v, prop] = item.split('.');
      const val = b[v];
      if (val === undefined) return queryError(text, text.indexOf(item, text.search(/RETURN/i)), `unknown variable '${v}'`);
      if (prop) {
        const n = val.node;
        row.push(n ? (prop === 'name' ? n.name : prop === 'name_en' ? n.name_en : n.props[prop] ?? null) : val.edge?.props[prop] ?? null);
      } else {
        row.push(cell(graph, val));
        if (val.node) keys.add(val.node.id);
        if (val.edge) { edges.set(val.edge.id, val.edge); keys.add(val.edge.from); keys.add(val.edge.to); }
      }
    }
    rows.push(row);
  }
  return { ok: true, columns, rows, keys, edges };
}

// Paths of 1..max edges of the given types from each a:Ta to each b:Tb,
// breadth first with an explicit queue (one path per pair).
function variablePaths(graph, m, limit) {
  const [, , , ta, types, max, , tb] = m;
  const allowed = new Set(types.split('|'));
  const rows = [];
  const keys = new Set();
  const edges = new Map();
  for (const start of graph.nodes.values()) {
    if (!graph.labels(start.type).includes(ta)) continue;
    const via = new Map([[start.id, null]]);
    const queue = [[start.id, 0]];
    while (queue.length) {
      const [cur, depth] = queue.shift();
      if (depth >= Number(max)) continue;
      for (const e of graph.out.get(cur) ?? []) {
        if (!allowed.has(e.type) || via.has(e.to)) continue;
        via.set(e.to, e);
        queue.push([e.to, depth + 1]);
        if (!graph.labels(graph.nodes.get(e.to).type).includes(tb) || rows.length >= limit) continue;
        const path = { nodes: [], edges: [] };
        for (let k = e.to; k !== null; ) {
          path.nodes.unshift(graph.summary(graph.nodes.get(k)));
          keys.add(k);
          const back = via.get(k);
          if (!back) break;
          path.edges.unshift(back);
          edges.set(back.id, back);
          k = back.from;
        }
        rows.push([{ node: graph.summary(start) }, { node: graph.summary(graph.nodes.get(e.to)) }, { path }]);
      }
    }
  }
  return { columns: [m[8], m[9], m[10]], rows, graph: graph.fragment(keys, [...edges.values()]) };
}

export function runQuery(graph, text, limit = 100) {
  const started = process.hrtime.bigint();
  let res;
  let m = /^\s*CALL\s+supporters\(\s*'([^']*)'\s*\)\s+YIELD\s+measure\s*,\s*path\s+RETURN\s+measure\s*,\s*path\s*$/i.exec(text);
  if (m) {
    const key = graph.findByName(m[1]);
    if (!key) return queryError(text, text.indexOf(m[1]), `no node named '${m[1]}'`);
    const s = graph.supporters(key);
    const rows = s.measures.map((x) => [{ node: x.node }, { path: x.path }]);
    res = { columns: ['measure', 'path'], rows, graph: s.graph };
  } else if ((m = /^\s*MATCH\s+(\w+)\s*=\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*-\[\s*:\s*([\w|]+)\s*\*\s*1\s*\.\.\s*(\d+)\s*\]->\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s+RETURN\s+(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*$/i.exec(text))) {
    res = variablePaths(graph, m, limit);
  } else {
    const node = String.raw`\(\s*(\w+)\s*(?::\s*(\w+))?\s*\)`;
    const tail = String.raw`\s+RETURN\s+(.+?)(?:\s+LIMIT\s+(\d+))?\s*$`;
    const rel = new RegExp(String.raw`^\s*MATCH\s*${node}\s*-\[\s*(\w*)\s*(?::\s*(\w+))?\s*\]->\s*${node}${tail}`, 'i').exec(text);
    const one = new RegExp(String.raw`^\s*MATCH\s*${node}${tail}`, 'i').exec(text);
    const has = (n, label) => !label || graph.labels(n.type).includes(label);
    let bindings = [];
    let items;
    let lim = limit;
    if (rel) {
      const [, a, ta, r, te, b, tb, ret, l] = rel;
      for (const e of graph.edges) {
        if (te && e.type !== te) continue;
        const na = graph.nodes.get(e.from);
        const nb = graph.nodes.get(e.to);
        if (has(na, ta) && has(nb, tb)) bindings.push({ [a]: { node: na }, [r || '_r']: { edge: e }, [b]: { node: nb } });
      }
      items = ret.split(',');
      if (l) lim = Math.min(lim, Number(l));
    } else if (one) {
      const [, a, ta, ret, l] = one;
      for (const n of graph.nodes.values()) if (has(n, ta)) bindings.push({ [a]: { node: n } });
      items = ret.split(',');
      if (l) lim = Math.min(lim, Number(l));
    } else {
      return locateFault(text);
    }
    const truncated = bindings.length > lim;
    bindings = bindings.slice(0, lim);
    const p = project(graph, bindings, items, text);
    if (!p.ok) return p;
    res = { columns: p.columns, rows: p.rows, graph: graph.fragment(p.keys, [...p.edges.values()]), truncated };
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  return { ok: true, result: { truncated: false, ...res, elapsed_ms: Math.round(elapsed * 100) / 100 } };
}
