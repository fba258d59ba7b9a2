// The Kuzu side of the differential test (tests/differential/): loads the
// CSV files of graph_gen.mjs into an embedded Kuzu database (npm `kuzu`,
// installed by `npm ci` in this folder) and runs translated queries.
//
// Layout, as ../shared/bench/kuzu_peer.js: one NODE TABLE Node(id, type,
// name, …) and one REL TABLE per edge type; here the node table also has the
// optional properties count (INT64), value (DOUBLE) and instrument (STRING),
// and every rel table a confidence (DOUBLE), so that nulls, numbers and
// relationship properties are compared too.
//
// It does not translate queries (query_gen.mjs writes both texts) and does
// not compare results (compare.mjs). Exercised by differential_test.mjs.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// Loads the kuzu package, or throws an Error naming the command that installs it.
export function requireKuzu() {
  try {
    return require("kuzu");
  } catch (e) {
    throw new Error(`the npm package kuzu is missing (${e.code || e.message}); ` +
      `run: (cd tests/differential && npm ci --no-audit --no-fund)`);
  }
}

export class KuzuPeer {
  // dbDir: a fresh directory for the database; csvDir: where writeKuzuCsv wrote.
  // Memory is capped (the buffer pool defaults to most of the machine's RAM)
  // and so is each query's time: a query too heavy for the shared 2-core
  // machine ends as a Kuzu error, reported as a failure, instead of hanging.
  static async open(dbDir, csvDir, edgeTypes, { bufferBytes = 2 ** 31, timeoutMs = 60000 } = {}) {
    const kuzu = requireKuzu();
    const db = new kuzu.Database(path.join(dbDir, "db"), bufferBytes);
    const conn = new kuzu.Connection(db);
    conn.setQueryTimeout(timeoutMs);
    const peer = new KuzuPeer(db, conn);
    await peer.run("CREATE NODE TABLE Node(id STRING, type STRING, name STRING, count INT64, value DOUBLE, instrument STRING, PRIMARY KEY(id))");
    await peer.run(`COPY Node FROM '${path.join(csvDir, "nodes.csv")}' (HEADER=false)`);
    for (const t of edgeTypes) {
      await peer.run(`CREATE REL TABLE ${t}(FROM Node TO Node, confidence DOUBLE)`);
      await peer.run(`COPY ${t} FROM '${path.join(csvDir, `edges_${t}.csv`)}' (HEADER=false)`);
    }
    return peer;
  }

  constructor(db, conn) {
    this.db = db;
    this.conn = conn;
  }

  // Runs one query; resolves to { columns, rows } (rows as arrays in column
  // order) or { error: message }.
  async run(text) {
    try {
      const result = await this.conn.query(text);
      const columns = await result.getColumnNames();
      const objs = await result.getAll();
      result.close();
      return { columns, rows: objs.map((o) => columns.map((c) => o[c])) };
    } catch (e) {
      return { error: String(e.message || e).trim() };
    }
  }

  async close() {
    await this.conn.close();
    await this.db.close();
  }
}

// Loads and checks the node count; throws with the Kuzu message on failure.
export async function openChecked(dbDir, csvDir, edgeTypes, expectNodes, expectEdges) {
  fs.mkdirSync(dbDir, { recursive: true });
  const peer = await KuzuPeer.open(dbDir, csvDir, edgeTypes);
  const n = await peer.run("MATCH (n:Node) RETURN count(*)");
  const e = await peer.run("MATCH ()-[r]->() RETURN count(*)");
  if (n.error || e.error) throw new Error(`kuzu load failed: ${n.error || e.error}`);
  if (Number(n.rows[0][0]) !== expectNodes || Number(e.rows[0][0]) !== expectEdges) {
    throw new Error(`kuzu loaded ${n.rows[0][0]} nodes and ${e.rows[0][0]} edges, expected ${expectNodes} and ${expectEdges}`);
  }
  return peer;
}
