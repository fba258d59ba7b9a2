// The mock server's graph: the fixture plus curated links and merges, and
// the read operations of docs/api.md over it (summaries, neighbours,
// supporters, shortest paths, search).
//
// Interface: new MockGraph(schema, fixture, store) with summary, full,
// neighbors, supporters, paths, search, addLink, deleteLink, merge, split,
// curation. Curated decisions persist in the JSON file `store` (written
// before the call returns), so they survive a reload and a restart.
//
// A test double, not an engine: linear scans, no snapshots, no pinyin.
// Exercised by the viewer tests (tests/viewer/*_test.mjs).
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';

const CONTRIBUTING = new Set(['SUPPORTS', 'PART_OF', 'FUNDS', 'IMPLEMENTS']);

export class MockGraph {
  constructor(schema, fixture, storePath) {
    this.schema = schema;
    this.fixture = fixture;
    this.storePath = storePath;
    this.parents = new Map(schema.node_types.map((t) => [t.name, t.parent]));
    this.typeZh = new Map(schema.node_types.map((t) => [t.name, t.zh]));
    this.curated = { links: [], merges: [], splits: [], next: 1 };
    if (storePath && existsSync(storePath)) this.curated = JSON.parse(readFileSync(storePath, 'utf8'));
    this.rebuild();
  }

  save() {
    if (!this.storePath) return;
    writeFileSync(`${this.storePath}.tmp`, JSON.stringify(this.curated));
    renameSync(`${this.storePath}.tmp`, this.storePath);
  }

  // Applies curated decisions to the fixture: merged nodes fold into the
  // kept one (aliases, provenance, edges), curated links become edges.
  rebuild() {
    this.nodes = new Map([...this.fixture.nodes].map(([k, n]) => [k, structuredClone(n)]));
    const redirect = new Map();
    const undone = new Set(this.curated.splits.map((s) => s.decision));
    for (const m of this.curated.merges) {
      if (undone.has(m.id)) continue;
      const keep = this.nodes.get(m.keep);
      if (!keep) continue;
      for (const key of m.merge) {
        const gone = this.nodes.get(key);
        if (!gone || key === m.keep) continue;
        keep.aliases = [...new Set([...keep.aliases, gone.name, ...gone.aliases])];
        keep.provenance.push(...gone.provenance);
        keep.props.merged_from = [...(keep.props.merged_from ?? []), key];
        keep.props.merge_reason = [...(keep.props.merge_reason ?? []), m.reason];
        this.nodes.delete(key);
        redirect.set(key, m.keep);
      }
    }
    const fix = (k) => redirect.get(k) ?? k;
    this.edges = [];
    for (const e of this.fixture.edges) {
      const edge = { ...e, from: fix(e.from), to: fix(e.to) };
      if (edge.from !== edge.to) this.edges.push(edge);
    }
    for (const l of this.curated.links) {
      if (l.deleted) continue;
      this.edges.push({ id: l.id, type: l.type, from: fix(l.from), to: fix(l.to),
        props: { reason: l.reason, curated: true }, provenance: [] });
    }
    this.out = new Map();
    this.in = new Map();
    for (const e of this.edges) {
      if (!this.out.has(e.from)) this.out.set(e.from, []);
      if (!this.in.has(e.to)) this.in.set(e.to, []);
      this.out.get(e.from).push(e);
      this.in.get(e.to).push(e);
    }
  }

  labels(type) {
    const out = [];
    for (let t = type; t; t = this.parents.get(t)) out.push(t);
    return out;
  }

  summary(node) {
    return { id: node.id, type: node.type, labels: this.labels(node.type), name: node.name,
      name_en: node.name_en ?? '', type_zh: this.typeZh.get(node.type) ?? node.type };
  }

  full(key) {
    const n = this.nodes.get(key);
    if (!n) return null;
    return { ...this.summary(n), aliases: n.aliases, props: n.props, instrument: n.instrument,
      provenance: n.provenance, degree: { in: (this.in.get(key) ?? []).length, out: (this.out.get(key) ?? []).length } };
  }

  fragment(keys, edges) {
    return { nodes: [...keys].map((k) => this.summary(this.nodes.get(k))), edges };
  }

  neighbors(key, { types = null, direction = 'both', limit = 50 } = {}) {
    if (!this.nodes.has(key)) return null;
    const pick = (list) => (list ?? []).filter((e) => !types || types.has(e.type));
    let cand = [];
    if (direction !== 'in') cand = cand.concat(pick(this.out.get(key)));
    if (direction !== 'out') cand = cand.concat(pick(this.in.get(key)));
    const truncated = cand.length > limit;
    cand = cand.slice(0, limit);
    const keys = new Set([key]);
    for (const e of cand) { keys.add(e.from); keys.add(e.to); }
    return { ...this.fragment(keys, cand), truncated };
  }

  // Every Measure from which `key` is reached over contributing edges,
  // each with one shortest path (breadth-first, explicit queue).
  supporters(key) {
    if (!this.nodes.has(key)) return null;
    const via = new Map([[key, null]]);
    const queue = [key];
    while (queue.length) {
      const cur = queue.shift();
      for (const e of this.in.get(cur) ?? []) {
        if (!CONTRIBUTING.has(e.type) || via.has(e.from)) continue;
        via.set(e.from, e);
        queue.push(e.from);
      }
    }
    const measures = [];
    const keys = new Set([key]);
    const edges = new Map();
    for (const [k] of via) {
      if (k === key || !this.labels(this.nodes.get(k).type).includes('Measure')) continue;
      const path = { nodes: [], edges: [] };
      for (let cur = k; cur !== null; ) {
        path.nodes.push(this.summary(this.nodes.get(cur)));
        keys.add(cur);
        const e = via.get(cur);
        if (!e) break;
        path.edges.push(e);
        edges.set(e.id, e);
        cur = e.to;
      }
      measures.push({ node: this.summary(this.nodes.get(k)), path });
    }
    return { target: this.summary(this.nodes.get(key)), measures, graph: this.fragment(keys, [...edges.values()]) };
  }

  // One shortest undirected path of at most `max` edges, as {paths:[…]}.
  paths(from, to, max = 6) {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return null;
    const via = new Map([[from, null]]);
    let frontier = [from];
    for (let depth = 0; depth < max && !via.has(to) && frontier.length; depth++) {
      const next = [];
      for (const cur of frontier) {
        for (const e of [...(this.out.get(cur) ?? []), ...(this.in.get(cur) ?? [])]) {
          const other = e.from === cur ? e.to : e.from;
          if (via.has(other)) continue;
          via.set(other, e);
          next.push(other);
        }
      }
      frontier = next;
    }
    if (!via.has(to)) return { paths: [] };
    const nodes = [];
    const edges = [];
    for (let cur = to; cur !== from; ) {
      const e = via.get(cur);
      nodes.unshift(this.summary(this.nodes.get(cur)));
      edges.unshift(e);
      cur = e.from === cur ? e.to : e.from;
    }
    nodes.unshift(this.summary(this.nodes.get(from)));
    return { paths: [{ nodes, edges }] };
  }

  search(q, limit = 20) {
    const needle = q.trim().toLowerCase();
    if (!needle) return [];
    const hits = [];
    for (const n of this.nodes.values()) {
      let best = 0;
      let matched = '';
      for (const text of [n.name, n.name_en ?? '', ...n.aliases]) {
        const t = text.toLowerCase();
        const score = t === needle ? 1 : t.startsWith(needle) ? 0.8 : t.includes(needle) ? 0.5 : 0;
        if (score > best) { best = score; matched = text; }
      }
      if (best > 0) hits.push({ ...this.summary(n), matched, score: best });
    }
    hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length);
    return hits.slice(0, limit).map(({ labels, ...rest }) => rest);
  }

  findByName(name) {
    for (const n of this.nodes.values()) if (n.name === name || n.aliases.includes(name)) return n.id;
    return null;
  }

  addLink({ from, to, type, reason }) {
    const id = `link:${this.curated.next++}`;
    this.curated.links.push({ id, from, to, type, reason, at: new Date().toISOString() });
    this.save();
    this.rebuild();
    return this.edges.find((e) => e.id === id);
  }

  deleteLink(id) {
    const link = this.curated.links.find((l) => l.id === id && !l.deleted);
    if (!link) return false;
    link.deleted = true;
    this.save();
    this.rebuild();
    return true;
  }

  merge({ keep, merge, reason }) {
    const id = `merge:${this.curated.next++}`;
    this.curated.merges.push({ id, keep, merge, reason });
    this.save();
    this.rebuild();
    return id;
  }

  split({ decision, node, reason }) {
    const target = decision ?? [...this.curated.merges].reverse().find((m) => m.keep === node)?.id;
    if (!target || !this.curated.merges.some((m) => m.id === target)) return null;
    const id = `split:${this.curated.next++}`;
    this.curated.splits.push({ id, decision: target, reason });
    this.save();
    this.rebuild();
    return id;
  }

  curation() {
    return { links: this.curated.links.filter((l) => !l.deleted), merges: this.curated.merges, splits: this.curated.splits };
  }
}
