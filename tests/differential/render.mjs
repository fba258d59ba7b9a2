// Query AST → query text, twice: PolicyKG's Cypher and the Kuzu translation
// (tests/differential/). query_gen.mjs builds the AST; this file only prints.
//
// The AST (all plain objects):
//   query   {matches: [match], ret}
//   match   {optional, chains: [chain], where: expr|null}
//   chain   {nodes: [node], rels: [rel]}        nodes.length == rels.length + 1
//   node    {v, labels: [..], props: [[key, literal]], anon}   anon: printed as () for PolicyKG
//   rel     {v, types: [..], dir: "->"|"<-"|"-", range: null|{min, max}, props, anon}
//   ret     {distinct, items: [{e, alias}], order: [{alias, desc}], skip, limit}
//   expr    {k: "prop", v, p} | {k: "lit", v} | {k: "cmp", op, l, r} | {k: "and"|"or", l, r}
//         | {k: "not", e} | {k: "in", l, list} | {k: "str", op, l, r} | {k: "isnull", e, not}
//         | {k: "type", v} | {k: "agg", fn, distinct, arg}    (arg null means count(*))
//         | {k: "bin", op, l, r} (arithmetic, printed in parentheses) | {k: "fn", fn, args}
// Literals: strings, integers, {float: x} (printed with a decimal point), lists of those.
//
// The translation keeps PolicyKG's (openCypher) meaning on Kuzu:
//   - a label becomes `v.type IN [concrete types]` (labels.mjs);
//   - every relationship gets a variable, and within one MATCH clause two
//     relationships must differ (`id(r) <> id(s)`; for a variable-length one
//     `NOT list_contains(properties(rels(p), '_id'), id(s))`), because Kuzu
//     does not enforce openCypher's relationship uniqueness across a pattern;
//   - a variable-length relationship gets `is_trail(p)` (Kuzu walks by default);
//   - `type(r)` becomes `label(r)` (guarded against null in OPTIONAL MATCH);
//   - DISTINCT aggregates move to the end of RETURN (a Kuzu bug, below);
//   - `x + 'text'` is guarded: Kuzu concatenates a null x as ''.
// docs/differential-testing.md lists these and the differences left.
// Tested in unit_test.mjs (a table of ASTs beside both texts).

export function literal(x) {
  if (x === null) return "NULL";
  if (Array.isArray(x)) return `[${x.map(literal).join(", ")}]`;
  if (typeof x === "object" && "float" in x) {
    const s = String(x.float);
    return /[.eE]/.test(s) ? s : `${s}.0`;
  }
  if (typeof x === "string") return `'${x.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof x === "boolean") return x ? "true" : "false";
  return String(x);
}

const PREC = { or: 1, and: 2, not: 3 };

// Prints an expression; `kuzu` is false for PolicyKG, else the Kuzu context
// {nullable: Set of relationship variables of OPTIONAL MATCH clauses}.
export function expr(e, kuzu) {
  const sub = (x, min) => {
    const s = expr(x, kuzu);
    return PREC[x.k] !== undefined && PREC[x.k] < min ? `(${s})` : s;
  };
  switch (e.k) {
    case "prop": return `${e.v}.${e.p}`;
    case "lit": return literal(e.v);
    case "cmp": return `${expr(e.l, kuzu)} ${e.op} ${expr(e.r, kuzu)}`;
    case "and": return `${sub(e.l, 2)} AND ${sub(e.r, 2)}`;
    case "or": return `${sub(e.l, 1)} OR ${sub(e.r, 1)}`;
    case "not": return `NOT (${expr(e.e, kuzu)})`;
    case "in": return `${expr(e.l, kuzu)} IN ${literal(e.list)}`;
    case "str": return `${expr(e.l, kuzu)} ${e.op} ${expr(e.r, kuzu)}`;
    case "isnull": return `${expr(e.e, kuzu)} IS ${e.not ? "NOT " : ""}NULL`;
    case "bin": {
      const text = `(${expr(e.l, kuzu)} ${e.op} ${expr(e.r, kuzu)})`;
      // Kuzu's string + reads null as '' (openCypher: null + 'x' is null).
      const str = (x) => x.k === "lit" && typeof x.v === "string";
      if (kuzu && e.op === "+" && (str(e.l) || str(e.r))) {
        const other = str(e.l) ? e.r : e.l;
        return `CASE WHEN ${expr(other, kuzu)} IS NULL THEN NULL ELSE ${text} END`;
      }
      return text;
    }
    case "fn": return `${e.fn}(${e.args.map((a) => expr(a, kuzu)).join(", ")})`;
    case "type":
      if (!kuzu) return `type(${e.v})`;
      // Kuzu folds label(r) to the table name when r has one type, even when
      // r is null (OPTIONAL MATCH found nothing), so guard nullable ones.
      return kuzu.nullable && kuzu.nullable.has(e.v) ? `CASE WHEN ${e.v} IS NULL THEN NULL ELSE label(${e.v}) END` : `label(${e.v})`;
    case "agg": {
      if (!e.arg) return "count(*)";
      const text = `${e.fn}(${e.distinct ? "DISTINCT " : ""}${e.arg.k === "var" ? e.arg.v : expr(e.arg, kuzu)})`;
      // Kuzu's sum over no non-null value is null; Neo4j's (and PolicyKG's) is 0.
      return kuzu && e.fn === "sum" ? `coalesce(${text}, 0)` : text;
    }
    default: throw new Error(`render: unknown expression kind ${e.k}`);
  }
}

// " {k: v, …}" after `before` (no space when nothing comes before it).
function propMap(props, before = "x") {
  if (!props || props.length === 0) return "";
  return `${before ? " " : ""}{${props.map(([k, v]) => `${k}: ${literal(v)}`).join(", ")}}`;
}

function rangeText(r) {
  if (!r) return "";
  return r.min === r.max ? `*${r.min}` : `*${r.min}..${r.max}`;
}

function nodeText(n, kuzu, seen) {
  const first = !seen.has(n.v);
  seen.add(n.v);
  if (kuzu) return first ? `(${n.v}:Node${propMap(n.props)})` : `(${n.v}${propMap(n.props)})`;
  const labels = n.labels.map((l) => `:${l}`).join("");
  const head = `${n.anon ? "" : n.v}${labels}`;
  return `(${head}${propMap(n.props, head)})`;
}

function relText(r, kuzu) {
  const name = kuzu || !r.anon ? r.v : "";
  const types = r.types.length ? `:${r.types.join("|")}` : "";
  const head = `${name}${types}${rangeText(r.range)}`;
  const inner = head + propMap(r.props, head);
  const body = inner ? `[${inner}]` : "";
  if (r.dir === "->") return `-${body}->`;
  if (r.dir === "<-") return `<-${body}-`;
  return `-${body}-`;
}

function chainText(c, kuzu, seen) {
  let s = nodeText(c.nodes[0], kuzu, seen);
  c.rels.forEach((r, i) => { s += relText(r, kuzu) + nodeText(c.nodes[i + 1], kuzu, seen); });
  return s;
}

// The extra Kuzu conditions of one MATCH clause (labels, uniqueness, trails).
export function kuzuConditions(m, labels) {
  const conds = [];
  const labelled = new Map();
  for (const c of m.chains) for (const n of c.nodes) {
    for (const l of n.labels) {
      const key = `${n.v}:${l}`;
      if (labelled.has(key)) continue;
      labelled.set(key, true);
      const types = labels.get(l);
      if (!types) throw new Error(`render: unknown label ${l}`);
      conds.push(types.length === 1 ? `${n.v}.type = ${literal(types[0])}` : `${n.v}.type IN ${literal(types)}`);
    }
  }
  const rels = m.chains.flatMap((c) => c.rels);
  for (const r of rels) if (r.range) conds.push(`is_trail(${r.v})`);
  for (let i = 0; i < rels.length; i++) {
    for (let j = i + 1; j < rels.length; j++) {
      const [a, b] = [rels[i], rels[j]];
      if (a.range && b.range) {
        throw new Error("render: two variable-length relationships in one MATCH are not translated");
      }
      if (!a.range && !b.range) conds.push(`id(${a.v}) <> id(${b.v})`);
      else {
        const [v, s] = a.range ? [a, b] : [b, a];
        conds.push(`NOT list_contains(properties(rels(${v.v}), '_id'), id(${s.v}))`);
      }
    }
  }
  return conds;
}

// Kuzu 0.11.3 computes a wrong value (0 or null) for an aggregate written
// after a DISTINCT aggregate when there are grouping keys, so the Kuzu text
// puts DISTINCT aggregates last; results are matched by alias (compare.mjs).
function kuzuItemOrder(items) {
  const late = (it) => it.e.k === "agg" && it.e.distinct;
  return [...items.filter((it) => !late(it)), ...items.filter(late)];
}

function returnText(ret, kuzu) {
  let s = ` RETURN ${ret.distinct ? "DISTINCT " : ""}`;
  const items = kuzu ? kuzuItemOrder(ret.items) : ret.items;
  s += items.map((it) => `${expr(it.e, kuzu)} AS ${it.alias}`).join(", ");
  if (ret.order && ret.order.length) {
    s += " ORDER BY " + ret.order.map((o) => `${o.alias}${o.desc ? " DESC" : ""}`).join(", ");
  }
  if (ret.skip) s += ` SKIP ${ret.skip}`;
  if (ret.limit !== undefined && ret.limit !== null) s += ` LIMIT ${ret.limit}`;
  return s;
}

// The PolicyKG text of a query.
export function renderPolicyKg(q) {
  const seen = new Set();
  const parts = q.matches.map((m) => {
    let s = `${m.optional ? "OPTIONAL " : ""}MATCH ${m.chains.map((c) => chainText(c, false, seen)).join(", ")}`;
    if (m.where) s += ` WHERE ${expr(m.where, false)}`;
    return s;
  });
  return parts.join(" ") + returnText(q.ret, false);
}

// The Kuzu text of the same query; labels: Map from labels.mjs.
export function renderKuzu(q, labels) {
  const seen = new Set();
  const ctx = { nullable: new Set(q.matches.filter((m) => m.optional).flatMap((m) => m.chains.flatMap((c) => c.rels.map((r) => r.v)))) };
  const parts = q.matches.map((m) => {
    let s = `${m.optional ? "OPTIONAL " : ""}MATCH ${m.chains.map((c) => chainText(c, true, seen)).join(", ")}`;
    const conds = kuzuConditions(m, labels);
    if (m.where) conds.unshift(conds.length ? `(${expr(m.where, ctx)})` : expr(m.where, ctx));
    if (conds.length) s += ` WHERE ${conds.join(" AND ")}`;
    return s;
  });
  return parts.join(" ") + returnText(q.ret, ctx);
}
