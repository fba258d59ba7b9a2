// Node labels of data/schema.json as sets of concrete types, for the
// differential test's Kuzu translation (tests/differential/).
//
// PolicyKG gives a node its type and every ancestor as labels (a Fund is
// also a Measure); the Kuzu side has one Node table with a `type` column, so
// `(m:Measure)` is translated to `m.type IN ['Fund', 'Initiative', …]`.
// loadLabels reads the schema and returns that mapping; it does not validate
// the schema (graph/schema.cc does). Tested in unit_test.mjs.
import fs from "node:fs";

// Returns { concrete: [type names], labels: Map(label -> sorted concrete types) }.
export function loadLabels(schemaPath) {
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  const parent = new Map(schema.node_types.map((t) => [t.name, t.parent || null]));
  const concrete = schema.node_types.filter((t) => !t.abstract).map((t) => t.name);
  const labels = new Map(schema.node_types.map((t) => [t.name, []]));
  for (const t of concrete) {
    // Walk up the parent chain; the schema is a tree, bounded by its size.
    for (let a = t, steps = 0; a && steps <= parent.size; a = parent.get(a), steps++) {
      labels.get(a).push(t);
    }
  }
  for (const v of labels.values()) v.sort();
  return { concrete, labels };
}
