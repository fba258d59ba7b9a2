// Random queries of the subset PolicyKG and Kuzu share (tests/differential/).
//
// new QueryGen(graph, labels).generate(seed) returns {ast, pkg, kuzu, ordered,
// listCols}: a query AST (render.mjs describes it), its PolicyKG text, its
// Kuzu translation, whether the row order is defined (ORDER BY over every
// returned column, so ties are identical rows), and which columns hold
// collect() lists (compared as multisets). The same seed gives the same query.
//
// Covered: node patterns with labels (supertypes included) and {prop: value}
// maps; relationship types and alternations, the three directions, variable
// length (*1..3, *2, *0..1, *1..4, …, at most one per MATCH clause);
// comma-separated patterns sharing a variable; cycles closing on a bound
// variable; a second clause, MATCH or OPTIONAL MATCH, continuing from a
// variable of the first; WHERE with comparisons, AND/OR/NOT, IN, STARTS
// WITH/ENDS WITH/CONTAINS, IS [NOT] NULL, arithmetic, size(); RETURN with
// computed items, DISTINCT, count(*), count(DISTINCT x), collect, min, max,
// sum, avg, grouping keys, ORDER BY + SKIP + LIMIT. Each pattern is modelled
// on a walk in the graph and literals mostly come from it, so most queries
// find rows. Patterns that would enumerate too many rows are anchored or
// aggregated. Constructs that hit the Kuzu bugs listed in
// docs/differential-testing.md are not generated (or, in render.mjs,
// translated around).
//
// It does not decide what is equal (compare.mjs). Tested in unit_test.mjs.
import { Rng } from "./rng.mjs";
import { renderPolicyKg, renderKuzu } from "./render.mjs";
import { INSTRUMENTS, EDGE_TYPE_NAMES } from "./graph_gen.mjs";

const LABELS = ["Measure", "Goal", "Fund", "Initiative", "Platform", "Policy", "Industry",
  "Region", "Document", "Indicator", "Actor", "Agency", "TargetGroup"];
const CONTRIBUTING = ["SUPPORTS", "PART_OF", "FUNDS", "IMPLEMENTS"];
// No *0..2 or *0..3: Kuzu 0.11.3 loses zero-length paths there (docs/differential-testing.md).
const RANGES = [[1, 2], [1, 3], [2, 2], [2, 3], [1, 1], [3, 3], [0, 1]];
const NODE_PROPS = { id: "string", name: "string", type: "string", count: "int", value: "float", instrument: "string" };
const TOPICS = ["智能", "绿色", "数字", "新型", "低空", "集成", "AI", "AI+", "氢能", "海洋", "生物"];
const WORDS = ["目标", "行动", "基金", "平台", "试点", "政策", "产业", "地区", "机构", "指标", "电路", "1", "12", "+"];

export class QueryGen {
  // dense: the graph is the dense one (graph_gen.mjs), where every extra hop
  // multiplies the rows by about 14, so chains and ranges are kept shorter.
  constructor(graph, labels, { dense = false } = {}) {
    this.dense = dense;
    this.g = graph;
    this.labels = labels;
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]));
    // node id -> [{e, other, dir}] where dir is "->" when the node is the source.
    this.adj = new Map(graph.nodes.map((n) => [n.id, []]));
    for (const e of graph.edges) {
      this.adj.get(e.from).push({ e, other: e.to, dir: "->" });
      this.adj.get(e.to).push({ e, other: e.from, dir: "<-" });
    }
    this.connected = graph.nodes.filter((n) => this.adj.get(n.id).length > 0);
    this.parents = new Map();  // concrete type -> its labels (itself and supertypes)
    for (const [label, types] of labels.labels) {
      for (const t of types) {
        if (!this.parents.has(t)) this.parents.set(t, []);
        this.parents.get(t).push(label);
      }
    }
  }

  generate(seed) {
    const r = (this.r = new Rng(seed));
    this.nodeVars = [];  // every node variable, with the graph node it was modelled on
    this.relVars = [];   // named single-hop relationships (have properties)
    this.pool = null;    // when set, WHERE atoms use only these variables
    this.nextNode = 0;
    this.nextRel = 0;
    const m = { optional: false, chains: [], where: null };
    const shape = r.next();
    // Anchored patterns start at one node; unanchored ones with several hops
    // must aggregate and keep variable length short (Kuzu enumerates walks).
    const anchored = shape < 0.15 || r.chance(0.75);
    const start = r.pick(this.connected);
    if (shape < 0.15) {
      m.chains.push({ nodes: [this.node(start)], rels: [] });
    } else {
      const first = this.chain(r.int(1, this.dense ? 2 : 3), start, null, m, anchored);
      m.chains.push(first);
      if (shape > 0.75 && (anchored || !this.dense)) {
        const shared = r.pick(first.nodes);
        shared.anon = false;
        m.chains.push(this.chain(r.int(1, 2), shared.witness, shared, m, anchored));
      }
      if (anchored) this.anchor(m);
    }
    if (r.chance(0.6)) {
      const w = this.where(r.int(1, 3));
      m.where = m.where ? { k: "and", l: m.where, r: w } : w;
    }
    const matches = [m];
    if (r.chance(0.2) && (anchored || !this.dense)) matches.push(this.secondClause(anchored));
    const rels = matches.flatMap((x) => x.chains.flatMap((c) => c.rels));
    const heavy = rels.length >= 2 || rels.some((x) => x.range);
    const ret = this.ret(heavy && !anchored);
    const ast = { matches, ret };
    const listCols = ret.items.map((it, i) => (it.e.k === "agg" && it.e.fn === "collect" ? i : -1)).filter((i) => i >= 0);
    return {
      ast, listCols, ordered: ret.order.length > 0,
      pkg: renderPolicyKg(ast), kuzu: renderKuzu(ast, this.labels.labels),
    };
  }

  // A second clause, OPTIONAL MATCH or MATCH, continuing from a variable of
  // the first. Relationship uniqueness holds within each clause only.
  secondClause(anchored) {
    const r = this.r;
    const m = { optional: r.chance(0.6), chains: [], where: null };
    const from = r.pick(this.nodeVars);
    from.anon = false;
    const [nodesBefore, relsBefore] = [this.nodeVars.length, this.relVars.length];
    m.chains.push(this.chain(r.int(1, 2), from.witness, from, m, anchored));
    if (r.chance(0.4)) {
      // Over the clause's own variables only: Kuzu 0.11.3 answers an OPTIONAL
      // MATCH whose WHERE tests `outer.p IS NULL` as if nothing matched
      // (docs/differential-testing.md).
      this.pool = { nodes: this.nodeVars.slice(nodesBefore), rels: this.relVars.slice(relsBefore) };
      m.where = this.where(r.int(1, 2));
      this.pool = null;
    }
    return m;
  }

  // A node variable modelled on graph node `w` (its witness): labels and
  // property maps are true of w most of the time, so patterns find rows.
  node(w, shared) {
    if (shared) {
      shared.anon = false;
      return { v: shared.v, labels: [], props: [], anon: false, witness: shared.witness };
    }
    const r = this.r;
    const n = { v: "abcdefghijkl"[this.nextNode++], labels: [], props: [], anon: r.chance(0.25), witness: w };
    const labelOf = () => (r.chance(0.85) ? r.pick(this.parents.get(w.type)) : r.pick(LABELS));
    if (r.chance(0.4)) n.labels.push(labelOf());
    if (r.chance(0.05)) n.labels.push(labelOf());  // two labels: both must hold
    if (r.chance(0.1)) {
      const k = r.pick(["count", "instrument", "type"]);
      const v = k in w && r.chance(0.8) ? w[k] : this.literalFor(k);
      n.props.push([k, v]);
    }
    this.nodeVars.push(n);
    return n;
  }

  // One step from graph node `at` along an edge allowed by `dir` and `types`
  // (any type when empty); null when there is none.
  step(at, dir, types) {
    const ok = this.adj.get(at.id).filter((x) => (dir === "-" || x.dir === dir) && (!types.length || types.includes(x.e.type)));
    return ok.length ? this.r.pick(ok) : null;
  }

  // A chain of `hops` relationships modelled on a walk in the graph from node
  // `w`; `shared` is the variable of an earlier chain to start from. At most
  // one variable-length relationship per MATCH, and at most 2 hops of it when
  // the pattern is not anchored.
  chain(hops, w, shared, m, anchored) {
    const r = this.r;
    const nodes = [this.node(w, shared)];
    const rels = [];
    const hasVar = () => m.chains.concat([{ rels }]).some((c) => c.rels.some((x) => x.range));
    let at = w;
    for (let i = 0; i < hops; i++) {
      const rel = { v: `r${this.nextRel++}`, types: [], dir: "-", range: null, props: [], anon: true };
      let dir = r.pick(["->", "<-", "-"]);
      let first = this.step(at, dir, []) || this.step(at, (dir = "-"), []);
      if (!first) first = { e: { type: r.pick(EDGE_TYPE_NAMES) }, other: at.id, dir };  // dead end: any type
      rel.dir = r.chance(0.25) ? "-" : dir === "-" ? first.dir : dir;
      if (!hasVar() && r.chance(0.35)) {
        let [lo, hi] = r.pick(RANGES);
        if (r.chance(0.8)) {
          rel.types = [first.e.type];
          if (r.chance(0.4)) rel.types = [...new Set([...rel.types, ...r.sample(CONTRIBUTING, r.int(1, 2))])];
        }
        // Four hops only typed and directed (Kuzu enumerates walks, then filters).
        if (anchored && rel.types.length && rel.dir !== "-" && r.chance(0.25)) [lo, hi] = r.pick([[1, 4], [2, 4], [4, 4]]);
        // Kuzu's cost is the number of walks: keep untyped undirected ones and
        // unanchored ones to two hops, so the default run stays under a minute.
        if (!anchored || (rel.dir === "-" && !rel.types.length)) hi = Math.min(hi, 2);
        if (this.dense && (rel.types.length !== 1 || rel.dir === "-")) hi = Math.min(hi, 2);
        lo = Math.min(lo, hi);
        rel.range = { min: lo, max: hi };
        // Walk as far as the range allows, so the witness path matches.
        const want = r.int(lo, hi);
        let x = at;
        for (let k = 0; k < want; k++) {
          const s = this.step(x, rel.dir, rel.types);
          if (!s) break;
          x = this.byId.get(s.other);
        }
        at = x;
      } else {
        if (r.chance(0.85)) {
          rel.types = [first.e.type];
          if (r.chance(0.3)) rel.types = [...new Set([...rel.types, ...r.sample(EDGE_TYPE_NAMES, r.int(1, 2))])];
        }
        if (r.chance(0.55)) { rel.anon = false; this.relVars.push(rel); }
        if (r.chance(0.08)) rel.props.push(["confidence", { float: "confidence" in first.e && r.chance(0.7) ? first.e.confidence : r.int(1, 8) / 8 }]);
        at = this.byId.get(first.other);
      }
      rels.push(rel);
      // Sometimes the chain closes on one of its own variables: a cycle
      // (a)-…->(a), a join on a bound variable at the end of an expansion.
      if (i === hops - 1 && i > 0 && r.chance(0.12)) nodes.push(this.node(null, r.pick(nodes)));
      else if (i === 0 && hops === 1 && rel.range && r.chance(0.2)) nodes.push(this.node(null, nodes[0]));
      else nodes.push(this.node(at));
    }
    return { nodes, rels };
  }

  // Pins one node of the first chain to its witness, by {id}, {name} or
  // WHERE (set as m.where).
  anchor(m) {
    const r = this.r;
    const n = r.chance(0.7) ? m.chains[0].nodes[0] : r.pick(m.chains[0].nodes);
    const id = n.witness.id;
    const how = r.next();
    if (how < 0.4) n.props = [["id", id]];
    else if (how < 0.8) n.props = [["name", n.witness.name]];
    else {
      n.anon = false;
      const p = r.chance(0.5) ? "id" : "name";
      m.where = { k: "cmp", op: "=", l: { k: "prop", v: n.v, p }, r: { k: "lit", v: n.witness[p] } };
    }
  }

  // A predicate over the clause's variables, `depth` levels of AND/OR/NOT.
  where(depth) {
    const r = this.r;
    if (depth <= 1) return this.atom();
    const k = r.pick(["and", "and", "or", "not"]);
    if (k === "not") return { k, e: this.where(depth - 1) };
    return { k, l: this.where(depth - 1), r: this.where(depth - 1) };
  }

  atom() {
    const r = this.r;
    const nodeVars = this.pool && this.pool.nodes.length ? this.pool.nodes : this.nodeVars;
    const relVars = this.pool ? this.pool.rels : this.relVars;
    const named = nodeVars.filter((n) => !n.anon);
    if (relVars.length && r.chance(0.2)) {
      const v = r.pick(relVars).v;
      const c = { k: "prop", v, p: "confidence" };
      return r.pick([
        () => ({ k: "cmp", op: r.pick(["<", "<=", ">", ">=", "=", "<>"]), l: c, r: { k: "lit", v: { float: r.int(1, 8) / 8 } } }),
        () => ({ k: "isnull", e: c, not: r.chance(0.5) }),
        () => ({ k: "cmp", op: "=", l: { k: "type", v }, r: { k: "lit", v: r.pick(EDGE_TYPE_NAMES) } }),
      ])();
    }
    if (!named.length) {
      const n = r.pick(nodeVars);
      n.anon = false;
      named.push(n);
    }
    const n = r.pick(named);
    if (named.length >= 2 && r.chance(0.1)) {
      const o = r.pick(named.filter((x) => x !== n));
      const p = r.pick(["id", "count", "name", "type"]);
      return { k: "cmp", op: r.pick(["=", "<>", "<", ">="]), l: { k: "prop", v: n.v, p }, r: { k: "prop", v: o.v, p } };
    }
    const p = r.pick(["name", "name", "id", "type", "count", "count", "value", "instrument"]);
    let prop = { k: "prop", v: n.v, p };
    if (r.chance(0.15)) {
      // A computed operand: arithmetic on numbers, size() of strings.
      if (p === "count") return { k: "cmp", op: r.pick(["=", "<", ">="]), l: this.arith(prop, "int"), r: { k: "lit", v: r.int(0, 12) } };
      if (p === "name") return { k: "cmp", op: r.pick(["=", "<>", ">"]), l: { k: "fn", fn: "size", args: [prop] }, r: { k: "lit", v: r.int(4, 8) } };
    }
    const kind = NODE_PROPS[p];
    const lit = () => this.literalFor(p, n.witness);
    const choices = [
      () => ({ k: "cmp", op: r.pick(["=", "<>", "<", "<=", ">", ">="]), l: prop, r: { k: "lit", v: lit() } }),
      () => ({ k: "in", l: prop, list: Array.from({ length: r.int(1, 4) }, lit) }),
      () => ({ k: "isnull", e: prop, not: r.chance(0.5) }),
    ];
    if (kind === "string") {
      // Prefixes and infixes by code point, never half a character.
      const part = (from, len) => Array.from(String(lit())).slice(from, from + len).join("");
      choices.push(() => ({ k: "str", op: "STARTS WITH", l: prop, r: { k: "lit", v: r.chance(0.3) && p === "name" ? r.pick(TOPICS) : part(0, r.int(1, 3)) } }));
      choices.push(() => ({ k: "str", op: "CONTAINS", l: prop, r: { k: "lit", v: r.chance(0.3) && p === "name" ? r.pick(WORDS) : part(r.int(0, 2), r.int(1, 2)) } }));
      choices.push(() => ({ k: "str", op: "ENDS WITH", l: prop, r: { k: "lit", v: `${r.int(0, 9)}` } }));
    }
    return r.pick(choices)();
  }

  // A literal for property p: usually the value of the witness w (so the
  // predicate holds for the row the pattern was modelled on), else random.
  literalFor(p, w) {
    const r = this.r;
    if (w && p in w && r.chance(0.6)) return p === "value" ? { float: w[p] } : w[p];
    const n = r.pick(this.g.nodes);
    switch (p) {
      case "id": return n.id;
      case "name": return n.name;
      case "type": return n.type;
      case "count": return r.int(0, 12);
      case "value": return { float: r.int(0, 40) / 4 };
      case "instrument": return r.pick(INSTRUMENTS);
      default: throw new Error(`query_gen: no literal for ${p}`);
    }
  }

  // One returned expression that is not an aggregate.
  projection() {
    const r = this.r;
    if (this.relVars.length && r.chance(0.2)) {
      const v = r.pick(this.relVars).v;
      return r.chance(0.5) ? { k: "type", v } : { k: "prop", v, p: "confidence" };
    }
    const n = r.pick(this.nodeVars);
    n.anon = false;
    const prop = { k: "prop", v: n.v, p: r.pick(["id", "name", "name", "type", "count", "instrument", "value"]) };
    if (!r.chance(0.15)) return prop;
    switch (prop.p) {
      case "count": return this.arith(prop, "int");
      case "value": return { k: "bin", op: r.pick(["+", "*", "-"]), l: prop, r: { k: "lit", v: { float: r.int(1, 8) / 4 } } };
      case "instrument": return { k: "fn", fn: "coalesce", args: [prop, { k: "lit", v: "none" }] };
      default: return r.pick([
        () => ({ k: "fn", fn: "size", args: [prop] }),
        () => ({ k: "fn", fn: r.pick(["toUpper", "toLower"]), args: [prop] }),
        () => ({ k: "bin", op: "+", l: prop, r: { k: "lit", v: "·" } }),
      ])();
    }
  }

  // Integer arithmetic on an integer expression e (never divides by zero).
  arith(e, kind) {
    const r = this.r;
    const op = r.pick(["+", "-", "*", "/", "%"]);
    const k = op === "/" || op === "%" ? r.pick([2, 3, -2]) : r.int(-3, 5);
    const out = { k: "bin", op, l: e, r: { k: "lit", v: k } };
    return kind === "int" && r.chance(0.2) ? { k: "fn", fn: "abs", args: [out] } : out;
  }

  aggregate() {
    const r = this.r;
    const fn = r.pick(["count", "count", "count", "collect", "min", "max", "sum", "avg"]);
    if (fn === "count" && r.chance(0.3)) return { k: "agg", fn, arg: null };
    if (fn === "count" && r.chance(0.2)) {
      const n = r.pick(this.nodeVars);
      n.anon = false;
      return { k: "agg", fn, distinct: true, arg: { k: "var", v: n.v } };
    }
    let arg = this.projection();
    if (fn === "sum" || fn === "avg") {
      const n = r.pick(this.nodeVars);
      n.anon = false;
      arg = { k: "prop", v: n.v, p: r.pick(["count", "value"]) };
    }
    const distinct = fn !== "min" && fn !== "max" && r.chance(0.35);
    return { k: "agg", fn, distinct, arg };
  }

  ret(mustReduce) {
    const r = this.r;
    const items = [];
    let distinct = false;
    if (mustReduce || r.chance(0.5)) {
      const keys = mustReduce ? r.int(0, 1) : r.int(0, 2);
      for (let i = 0; i < keys; i++) items.push(this.projection());
      for (let i = r.int(1, 3); i > 0; i--) items.push(this.aggregate());
    } else {
      for (let i = r.int(1, 3); i > 0; i--) items.push(this.projection());
      distinct = r.chance(0.35);
    }
    const named = items.map((e, i) => ({ e, alias: `c${i}` }));
    const ret = { distinct, items: named, order: [], skip: 0, limit: null };
    const hasList = items.some((e) => e.k === "agg" && e.fn === "collect");
    if (!hasList && r.chance(0.35)) {
      ret.order = r.sample(named, named.length).map((it) => ({ alias: it.alias, desc: r.chance(0.4) }));
      ret.limit = r.chance(0.1) ? null : r.int(0, 15);  // SKIP alone, LIMIT 0 now and then
      if (r.chance(0.3) || ret.limit === null) ret.skip = r.int(1, 5);
    }
    return ret;
  }
}
