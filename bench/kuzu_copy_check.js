// Loads a `policykg export GRAPH --format csv -o DIR` folder into Kuzu with
// COPY, the way kuzu_peer.js loads the generator's CSV, and counts what
// arrived: the check behind docs/scaling.md's claim that the export feeds
// existing bulk importers.
//
// usage: node kuzu_copy_check.js DIR [--header]
// Prints "copy_s=<s>", "nodes=<n>", one "edges_<TYPE>=<n>" per edge file,
// "edges=<total>", then "reopen_s=<s>": closing the database and opening it
// again until it answers a count; exit 1 with Kuzu's message when a COPY fails. DIR holds
// nodes.csv (id,type,name,name_en) and edges_<TYPE>.csv (from,to). The npm
// package comes from bench/node_modules (scripts/deps --bench). Does not:
// compare counts (bench/lib/export_check.js does); run by bench/compare.
"use strict";
const kuzu = require("kuzu");
const fs = require("fs");
const os = require("os");
const path = require("path");

const dir = process.argv[2];
const header = process.argv.includes("--header");
if (!dir || !fs.existsSync(path.join(dir, "nodes.csv"))) {
  console.error("usage: node kuzu_copy_check.js DIR [--header]  (DIR from policykg export --format csv)");
  process.exit(2);
}
// Cypher string literal for a file path.
const lit = (s) => "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";

async function count(c, text) {
  const rows = await (await c.query(text)).getAll();
  return Number(Object.values(rows[0])[0]);
}

(async () => {
  const dbdir = fs.mkdtempSync(path.join(os.tmpdir(), "kuzu-copy-check-"));
  try {
    const db = new kuzu.Database(path.join(dbdir, "db"));
    const c = new kuzu.Connection(db);
    const opt = `(HEADER=${header ? "true" : "false"})`;
    const t0 = Date.now();
    await c.query("CREATE NODE TABLE Node(id STRING, type STRING, name STRING, name_en STRING, PRIMARY KEY(id))");
    await c.query(`COPY Node FROM ${lit(path.join(dir, "nodes.csv"))} ${opt}`);
    const rels = fs.readdirSync(dir).filter((f) => /^edges_[A-Z_]+\.csv$/.test(f)).sort();
    for (const f of rels) {
      const t = f.slice(6, -4);
      await c.query(`CREATE REL TABLE ${t}(FROM Node TO Node)`);
      await c.query(`COPY ${t} FROM ${lit(path.join(dir, f))} ${opt}`);
    }
    console.log(`copy_s=${((Date.now() - t0) / 1000).toFixed(2)}`);
    console.log(`nodes=${await count(c, "MATCH (n:Node) RETURN count(*)")}`);
    let total = 0;
    for (const f of rels) {
      const t = f.slice(6, -4);
      const n = await count(c, `MATCH ()-[r:${t}]->() RETURN count(*)`);
      total += n;
      console.log(`edges_${t}=${n}`);
    }
    console.log(`edges=${total}`);
    // Reopening the database on disk until its first answer: the peer figure
    // for PolicyKG's snapshot reopen.
    await c.close();
    await db.close();
    const t1 = process.hrtime.bigint();
    const db2 = new kuzu.Database(path.join(dbdir, "db"));
    const c2 = new kuzu.Connection(db2);
    const again = await count(c2, "MATCH (n:Node) RETURN count(*)");
    console.log(`reopen_s=${(Number(process.hrtime.bigint() - t1) / 1e9).toFixed(3)} reopened_nodes=${again}`);
    await c2.close();
    await db2.close();
  } finally {
    fs.rmSync(dbdir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(`kuzu COPY failed: ${e.message || e}`);
  process.exit(1);
});
