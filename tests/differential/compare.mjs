// Result comparison for the differential test (tests/differential/).
//
// canonicalRows turns one engine's rows into comparable strings: integers and
// integral reals alike (Kuzu's INT64 sums arrive as BigInt), other reals
// rounded to 12 significant digits (avg may differ in the last bits),
// collect() columns sorted (their order is unspecified) with Kuzu's null for
// collect over no rows read as [] (docs/differential-testing.md).
// compareResults says whether two results agree: the same columns and the same
// rows, as a sequence when the query has a total order (ordered), else as a
// multiset. It prints nothing; describeDiff makes the text for a mismatch.
// Tested in unit_test.mjs.

export function canonicalValue(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return Number.isInteger(v) ? v : Number(v.toPrecision(12));
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = canonicalValue(v[k]);
    return o;
  }
  return v;
}

function byJson(a, b) {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// rows: arrays of cells; listCols: indexes of collect() columns.
export function canonicalRows(rows, listCols = []) {
  return rows.map((row) => JSON.stringify(row.map((cell, i) => {
    let v = canonicalValue(cell);
    if (listCols.includes(i)) v = (v === null ? [] : v).slice().sort(byJson);
    return v;
  })));
}

// b with its columns in a's order (the Kuzu text may order RETURN items
// differently, render.mjs), or null when the column names differ.
export function alignColumns(a, b) {
  if (a.columns.length !== b.columns.length) return null;
  const pos = a.columns.map((c) => b.columns.indexOf(c));
  if (pos.some((p) => p < 0)) return null;
  return { columns: a.columns, rows: b.rows.map((row) => pos.map((p) => row[p])) };
}

// a, b: {columns, rows} or {error}. Returns {same, reason}; the columns are
// matched by name.
export function compareResults(a, b, { ordered = false, listCols = [] } = {}) {
  if (a.error || b.error) {
    return { same: false, reason: a.error && b.error ? "both engines rejected the query" : a.error ? "PolicyKG rejected the query" : "Kuzu rejected the query" };
  }
  const bb = alignColumns(a, b);
  if (!bb) return { same: false, reason: `columns ${JSON.stringify(a.columns)} vs ${JSON.stringify(b.columns)}` };
  const x = canonicalRows(a.rows, listCols);
  const y = canonicalRows(bb.rows, listCols);
  if (x.length !== y.length) return { same: false, reason: `row count ${x.length} vs ${y.length}` };
  if (!ordered) { x.sort(); y.sort(); }
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return { same: false, reason: ordered ? `row ${i} differs` : "different rows" };
  }
  return { same: true, reason: "" };
}

// Text for a mismatch: the rows only one side has (multiset difference), or
// both sequences when only the order differs. At most `max` rows each.
export function describeDiff(a, b, { listCols = [], max = 10 } = {}) {
  const show = (label, r) => (r.error ? `${label}: error: ${r.error}` :
    `${label}: ${r.rows.length} rows, first ${Math.min(max, r.rows.length)}: ${canonicalRows(r.rows.slice(0, max), listCols).join(" ")}`);
  if (!a.error && !b.error) b = alignColumns(a, b) || b;
  const lines = [show("PolicyKG", a), show("Kuzu    ", b)];
  if (!a.error && !b.error) {
    const count = new Map();
    for (const s of canonicalRows(a.rows, listCols)) count.set(s, (count.get(s) || 0) + 1);
    const onlyB = [];
    for (const s of canonicalRows(b.rows, listCols)) {
      if (count.get(s)) count.set(s, count.get(s) - 1);
      else onlyB.push(s);
    }
    const onlyA = [...count].flatMap(([s, n]) => Array(n).fill(s));
    lines.push(`only in PolicyKG (${onlyA.length}): ${onlyA.slice(0, max).join(" ")}`);
    lines.push(`only in Kuzu (${onlyB.length}): ${onlyB.slice(0, max).join(" ")}`);
  }
  return lines.join("\n");
}
