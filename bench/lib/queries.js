// The six benchmark questions of kuzu_peer.js, as PolicyKG runs them.
//
// Interface: benchQueries(ids, q) -> [{name, texts: [primary, fallback…]}].
// The primary text is kuzu_peer.js's own Cypher with its single `:Node`
// label dropped (Kuzu keeps the type in a property; PolicyKG nodes carry
// their schema type as labels, and `n.type` reads the same property), so the
// two engines parse the same question. A fallback says the same thing in
// plain openCypher (labels, shortestPath) and is used only when the engine
// rejects the primary; compare reports which text ran. Does not: run them
// (policykg.js). Tested by bench/tests/parse.test.js.
"use strict";

const MEASURES = "['Initiative','Fund','Platform','Pilot','Policy']";
const SUPPORT_EDGES = "SUPPORTS|PART_OF|FUNDS|IMPLEMENTS";

// Cypher string literal with quotes and backslashes escaped.
function lit(s) {
  return "'" + String(s).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

function benchQueries(ids, q) {
  const id = (name) => lit(ids[q[name]] === undefined ? `missing:${q[name]}` : ids[q[name]]);
  const support = (target) => [
    `MATCH (m)-[:${SUPPORT_EDGES}*1..5]->(t {id:${id(target)}}) WHERE m.type IN ${MEASURES} RETURN count(DISTINCT m.id)`,
    `MATCH (m:Measure)-[:${SUPPORT_EDGES}*1..5]->(t {id:${id(target)}}) RETURN count(DISTINCT m.id)`,
  ];
  return [
    { name: "support_mid", kind: "traversal", texts: support("mid_initiative") },
    { name: "support_hub", kind: "traversal", texts: support("hub_goal") },
    { name: "neighbors", kind: "lookup", texts: [`MATCH (n {id:${id("node_name")}})-[e]-(x) RETURN x.id, x.type, x.name`] },
    { name: "lookup_name", kind: "lookup", texts: [`MATCH (n) WHERE n.name = ${lit(q.node_name)} RETURN n.id, n.type`] },
    {
      name: "shortest_path", kind: "traversal",
      texts: [
        `MATCH p = (a {id:${id("path_from")}})-[* SHORTEST 1..10]-(b {id:${id("path_to")}}) RETURN length(p)`,
        `MATCH p = shortestPath((a {id:${id("path_from")}})-[*..10]-(b {id:${id("path_to")}})) RETURN length(p)`,
      ],
    },
    {
      name: "funds_by_industry", kind: "aggregation",
      texts: [`MATCH (f)-[:FUNDS]->(i) RETURN i.name, count(*) AS c ORDER BY c DESC LIMIT 10`],
    },
  ];
}

module.exports = { benchQueries, lit };
