// Figures → the comparison table, the summary line and docs/performance.md
// for bench/compare.
//
// Interface:
//   buildRows(fig) -> [row]: one row a figure, each {figure, unit, pkg, kuzu,
//       sqlite, ratio, kuzu_ratio, target, met, note}; a value is a number or
//       {na: "reason"}. `fig` is what compare measured (see compare).
//   formatTable(rows) -> aligned plain text (display width aware).
//   summaryLine(fig) -> "summary: worst_query_ratio=… load_ratio=… rss_ratio=…"
//   markdownTable(rows), growthMarkdown(points)
// Ratios: best peer time / PolicyKG time (higher is better); for RSS,
// Kuzu / PolicyKG. A figure with no value shows "n/a (reason)". Does not:
// measure or write files. Tested by bench/tests/report.test.js.
"use strict";

const na = (reason) => ({ na: reason });
const isNum = (v) => typeof v === "number" && Number.isFinite(v);

function fmt(v, digits) {
  if (v && v.na !== undefined) return `n/a (${v.na})`;
  if (!isNum(v)) return "n/a";
  if (digits !== undefined) return v.toFixed(digits);
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1000) return String(v);
  if (a >= 1000) return Math.round(v).toLocaleString("en-US");
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

function ratio(num, den) {
  return isNum(num) && isNum(den) && den > 0 ? num / den : null;
}

function minPeer(a, b) {
  const v = [a, b].filter(isNum);
  return v.length ? Math.min(...v) : null;
}

// value of a measurement record or {na}
function val(rec, key, why) {
  if (!rec) return na(why || "not run");
  if (rec.error && !isNum(rec[key])) return na(rec.error);
  return isNum(rec[key]) ? rec[key] : na(why || "not measured");
}

function metText(r, target, higherIsBetter = true) {
  if (!isNum(r)) return "n/a";
  return (higherIsBetter ? r >= target : r <= target) ? "yes" : "NO";
}

// ", CPU 0.93 s": user + system time of a measured process, when known.
function cpuNote(rec) {
  return rec && isNum(rec.cpu_s) ? `, CPU ${fmt(rec.cpu_s)} s (user + system)` : "";
}

const QUERY_TARGET = { traversal: 10, aggregation: 10, lookup: 1 };

function buildRows(fig) {
  const rows = [];
  const kz = fig.peers.kuzu || {}, sq = fig.peers.sqlite || {};
  const peerVal = (p, key, q) => {
    if (!p || (!p.ok && !p.error)) return na("not run");
    const v = q ? p.queries && p.queries[q] && p.queries[q].median_ms : p[key];
    return isNum(v) ? v : na(p.error || "no figure");
  };
  // load
  {
    const pkg = val(fig.load, "wall_s");
    const k = peerVal(kz, "load_s"), s = peerVal(sq, "load_s");
    const best = minPeer(k, s);
    const kr = ratio(k, pkg);
    rows.push({ figure: "load JSONL --no-link (wall)", unit: "s", pkg, kuzu: k, sqlite: s, ratio: ratio(best, pkg),
      kuzu_ratio: kr, target: "≥1× Kuzu", met: metText(kr, 1),
      note: "PolicyKG: whole `policykg load --no-link` process incl. snapshot write" + cpuNote(fig.load) + "; the input's ids are already resolved, as in the peers' CSV" });
  }
  // RSS
  {
    const pkg = isNum(fig.pkg_rss_mb) ? fig.pkg_rss_mb : na(fig.load && fig.load.error ? fig.load.error : "not measured");
    const k = peerVal(kz, "rss_mb"), s = peerVal(sq, "rss_mb");
    const kr = ratio(k, pkg);
    rows.push({ figure: "peak RSS", unit: "MB", pkg, kuzu: k, sqlite: s, ratio: kr, kuzu_ratio: kr,
      target: "≥2× (Kuzu/PKG)", met: metText(kr, 2), note: "ratio column here is Kuzu/PolicyKG; PolicyKG: max of load --no-link, reopen and query processes" });
  }
  // the default load, with the cross-document linker: shown, not a target
  {
    const k = peerVal(kz, "load_s"), s = peerVal(sq, "load_s");
    const best = minPeer(k, s);
    const l2 = fig.load_linked;
    if (l2) {
      const p2 = val(l2, "wall_s"), r2 = val(l2, "rss_mb");
      rows.push({ figure: "load JSONL, default (linking)", unit: "s", pkg: p2, kuzu: k, sqlite: s, ratio: ratio(best, p2),
        kuzu_ratio: ratio(k, p2), target: "–", met: "–", note: "`policykg load` as is: runs the cross-document linker over every name" + cpuNote(l2) });
      rows.push({ figure: "peak RSS, default load (linking)", unit: "MB", pkg: r2, kuzu: peerVal(kz, "rss_mb"), sqlite: peerVal(sq, "rss_mb"),
        ratio: ratio(peerVal(kz, "rss_mb"), r2), kuzu_ratio: ratio(peerVal(kz, "rss_mb"), r2), target: "–", met: "–", note: "ratio: Kuzu/PolicyKG" });
    }
  }
  // reopen
  {
    const pkg = val(fig.reopen, "wall_s");
    const x = fig.export_check;
    const k = x && isNum(x.reopen_s) ? x.reopen_s : na("measured with the export check");
    rows.push({ figure: "snapshot reopen (`stats`)", unit: "s", pkg, kuzu: k, sqlite: na("in-memory"), ratio: ratio(k, pkg),
      kuzu_ratio: ratio(k, pkg), target: "< 1 s", met: metText(isNum(pkg) ? pkg : null, 1, false),
      note: "PolicyKG: whole process (open, verify checksums, count)" + cpuNote(fig.reopen) + "; Kuzu: reopen the database of the export check until its first count, in process" });
  }
  // queries
  for (const q of fig.queries || []) {
    const pkg = q.result && q.result.ok ? q.result.median_ms : na(q.result ? q.result.error : "not run");
    const k = peerVal(kz, null, q.name), s = peerVal(sq, null, q.name);
    const best = minPeer(k, s);
    const r = ratio(best, pkg), kr = ratio(k, pkg);
    // a peer median below its printed resolution is an upper bound, and so is the ratio
    const bounded = (p, v) => isNum(v) && v === best && p.queries && p.queries[q.name] && p.queries[q.name].below_resolution;
    const ratioBound = bounded(kz, k) || bounded(sq, s);
    const t = QUERY_TARGET[q.kind] || 1;
    // against a bound, a ratio at or above the target proves nothing
    let met = ratioBound && isNum(r) && r >= t ? "unknown" : metText(r, t);
    if (q.name === "support_hub" && isNum(pkg) && pkg >= 50) met = "NO";
    const answers = [q.result && q.result.rows, kz.queries && kz.queries[q.name] && kz.queries[q.name].rows,
      sq.queries && sq.queries[q.name] && sq.queries[q.name].rows].map((a) => (a === undefined || a === null ? "–" : a));
    const shown = (p, v) => (p.queries && p.queries[q.name] && p.queries[q.name].below_resolution ? `<${v}` : v);
    rows.push({ figure: `${q.name} (median)`, unit: "ms", pkg, kuzu: shown(kz, k), sqlite: shown(sq, s), ratio: r, kuzu_ratio: kr, ratio_bound: ratioBound,
      target: `≥${t}× best` + (q.name === "support_hub" ? ", <50 ms" : ""), met,
      note: `answers PKG/Kuzu/SQLite: ${answers.join(" / ")}` + (q.result && q.result.fallback ? "; ran the openCypher fallback text" : "") });
  }
  for (const q of fig.queries || []) {
    if (!q.result || !q.result.ok) continue;
    const pkg = isNum(q.result.process_s) ? q.result.process_s * 1000 : na("process run failed");
    rows.push({ figure: `${q.name} (whole process)`, unit: "ms", pkg, kuzu: na("–"), sqlite: na("–"), ratio: null,
      kuzu_ratio: null, target: "–", met: "–",
      note: isNum(q.result.process_cpu_s) ? `CPU ${fmt(q.result.process_cpu_s)} s (user + system)` : "" });
  }
  // extraction
  {
    const e = fig.extraction;
    const mb = val(e, "mb_s");
    rows.push({ figure: "text extraction", unit: "MB/s", pkg: mb, kuzu: na("no peer"), sqlite: na("no peer"), ratio: null,
      kuzu_ratio: null, target: "≥20 (issue 3)", met: metText(isNum(mb) ? mb : null, 20), note: e && e.source ? e.source : "" });
  }
  // HTTP
  for (const ep of ["neighbors", "search"]) {
    const h = fig.http && fig.http[ep] ? fig.http[ep] : fig.http && !fig.http.ok ? { error: fig.http.error } : null;
    const rps = val(h, "rps"), p99 = val(h, "p99_ms");
    rows.push({ figure: `HTTP ${ep} req/s (wrk -c8)`, unit: "req/s", pkg: rps, kuzu: na("–"), sqlite: na("–"), ratio: null,
      kuzu_ratio: null, target: "≥20,000", met: metText(isNum(rps) ? rps : null, 20000), note: h && h.error && isNum(h.rps) ? h.error : "" });
    rows.push({ figure: `HTTP ${ep} p99`, unit: "ms", pkg: p99, kuzu: na("–"), sqlite: na("–"), ratio: null,
      kuzu_ratio: null, target: "< 5 ms", met: metText(isNum(p99) ? p99 : null, 5, false),
      note: h && isNum(h.first_ms) ? `first (cold) request ${fmt(h.first_ms)} ms, before the warm-up` + (h.cold ? `; ${h.cold}` : "") : "" });
  }
  // export → Kuzu COPY
  {
    const x = fig.export_check;
    const pkg = x && isNum(x.nodes) ? `${x.nodes} nodes, ${x.edges} edges` : na(x ? x.error : "not run");
    rows.push({ figure: "CSV export → Kuzu COPY", unit: "rows", pkg, kuzu: isNum(x && x.copy_s) ? `${x.copy_s} s` : na("–"), sqlite: na("–"),
      ratio: null, kuzu_ratio: null, target: "= snapshot", met: x && x.ok ? "yes" : x && isNum(x.nodes) ? "NO" : "n/a", note: x && x.note ? x.note : "" });
  }
  return rows;
}

function summaryLine(fig) {
  const rows = buildRows(fig);
  const qr = rows.filter((r) => r.figure.endsWith("(median)")).map((r) => r.ratio);
  const worst = qr.length && qr.every(isNum) ? Math.min(...qr) : null;
  const load = rows.find((r) => r.figure.startsWith("load JSONL --no-link"));
  const rss = rows.find((r) => r.figure === "peak RSS");
  const f = (v) => (isNum(v) ? v.toFixed(2) : "n/a");
  return `summary: worst_query_ratio=${f(worst)} load_ratio=${f(load && load.ratio)} rss_ratio=${f(rss && rss.ratio)}`;
}

// Display width: CJK and full-width forms count two columns.
function width(s) {
  let w = 0;
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

const pad = (s, w) => s + " ".repeat(Math.max(0, w - width(s)));
const HEAD = ["figure", "unit", "PolicyKG", "Kuzu", "SQLite", "best/PKG", "Kuzu/PKG", "target", "met"];

function cells(r, maxCell) {
  const cut = (s) => (width(s) > maxCell ? Array.from(s).slice(0, maxCell - 1).join("") + "…" : s);
  const v = (x) => (typeof x === "string" ? x : fmt(x));
  const rt = (x, bound) => (isNum(x) ? (bound ? "≤" : "") + x.toFixed(2) + "×" : "–");
  return [r.figure, r.unit, cut(v(r.pkg)), cut(v(r.kuzu)), cut(v(r.sqlite)), rt(r.ratio, r.ratio_bound), rt(r.kuzu_ratio), r.target, r.met];
}

function formatTable(rows, maxCell = 34) {
  const body = rows.map((r) => cells(r, maxCell));
  const w = HEAD.map((h, i) => Math.max(width(h), ...body.map((c) => width(c[i]))));
  const line = (c) => c.map((x, i) => pad(x, w[i])).join("  ").trimEnd();
  return [line(HEAD), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)].join("\n");
}

const mdEscape = (s) => String(s).replace(/\|/g, "\\|");

function markdownTable(rows) {
  const out = [`| ${HEAD.join(" | ")} | note |`, `|${HEAD.map(() => "---").join("|")}|---|`];
  for (const r of rows) out.push(`| ${cells(r, 1000).map(mdEscape).join(" | ")} | ${mdEscape(r.note || "")} |`);
  return out.join("\n");
}

// points: [{docs, nodes, edges, load_s, load_rss_mb, open_rss_mb, file_mb,
// queries: {name: ms}, answers: {name: answer}}]
function growthMarkdown(points, names) {
  const head = ["documents", "nodes", "edges", "load s", "load RSS MB", "open RSS MB", "snapshot MB", ...names.map((n) => `${n} ms`)];
  const out = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const p of points) {
    const cell = (x) => (x && x.na !== undefined ? `n/a (${mdEscape(x.na)})` : isNum(x) ? fmt(x) : String(x ?? "n/a"));
    const c = [p.docs, p.nodes, p.edges, p.load_s, p.load_rss_mb, p.open_rss_mb, p.file_mb].map(cell);
    // each query's time with its answer in brackets: a hub's answer grows faster than the graph
    for (const n of names) c.push(cell(p.queries[n]) + (p.answers && p.answers[n] !== undefined ? ` [${p.answers[n]}]` : ""));
    out.push(`| ${c.join(" | ")} |`);
  }
  return out.join("\n");
}

// How each cost grew from the smallest to the largest point, beside how the
// graph grew: "graph ×19.1 (nodes + edges); load_s ×21.0, …". Costs that
// grew faster than the graph are marked with "(faster than the graph)".
function growthSummary(points, names) {
  const ok = points.filter((p) => isNum(p.nodes) && isNum(p.edges));
  if (ok.length < 2) return "growth: fewer than two sizes measured";
  const a = ok[0], b = ok[ok.length - 1];
  const g = (b.nodes + b.edges) / (a.nodes + a.edges);
  const parts = [];
  const add = (label, x, y) => {
    if (!isNum(x) || !isNum(y) || x <= 0) return parts.push(`${label} n/a`);
    const r = y / x;
    parts.push(`${label} ×${r.toFixed(1)}${r > g * 1.25 ? " (faster than the graph)" : ""}`);
  };
  add("load time", a.load_s, b.load_s);
  add("load RSS", a.load_rss_mb, b.load_rss_mb);
  add("open RSS", a.open_rss_mb, b.open_rss_mb);
  add("snapshot size", a.file_mb, b.file_mb);
  for (const n of names) add(n, a.queries[n], b.queries[n]);
  return `from ${a.docs.toLocaleString("en-US")} to ${b.docs.toLocaleString("en-US")} documents the graph grows ×${g.toFixed(1)} (nodes + edges); ` + parts.join(", ");
}

module.exports = { growthSummary, buildRows, formatTable, summaryLine, markdownTable, growthMarkdown, fmt, width, ratio, na };
