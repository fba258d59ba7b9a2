// Export of the current view: PNG (Cytoscape's renderer, whole graph, 2×),
// GraphML (nodes and edges with type, name and key attributes, XML-escaped)
// and JSON (the API's graph-fragment shape, so it can be loaded back or fed
// to other tools). Downloads go through a temporary object URL.
//
// Interface: toGraphML(snapshot), toJson(snapshot), download(name, blob),
// exportPng(cy). Pure string builders are tested in tests/viewer/unit_test.mjs.

export function xmlEscape(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

export function toGraphML(snapshot) {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="type" for="all" attr.name="type" attr.type="string"/>',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="name_en" for="node" attr.name="name_en" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="server_id" for="edge" attr.name="server_id" attr.type="string"/>',
    '  <graph id="policykg" edgedefault="directed">',
  ];
  for (const n of snapshot.nodes) {
    const d = n.data;
    out.push(`    <node id="${xmlEscape(d.id)}"><data key="type">${xmlEscape(d.type)}</data>` +
      `<data key="name">${xmlEscape(d.name)}</data><data key="name_en">${xmlEscape(d.name_en ?? '')}</data>` +
      `<data key="x">${n.position.x.toFixed(1)}</data><data key="y">${n.position.y.toFixed(1)}</data></node>`);
  }
  for (const e of snapshot.edges) {
    const d = e.data;
    out.push(`    <edge id="${xmlEscape(d.id)}" source="${xmlEscape(d.source)}" target="${xmlEscape(d.target)}">` +
      `<data key="type">${xmlEscape(d.type)}</data><data key="server_id">${xmlEscape(d.serverId ?? '')}</data></edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function toJson(snapshot) {
  const nodes = snapshot.nodes.map(({ data: d, position }) => ({
    id: d.id, type: d.type, labels: d.labels, name: d.name, name_en: d.name_en, type_zh: d.type_zh, position }));
  const edges = snapshot.edges.map(({ data: d }) => ({
    id: d.serverId, type: d.type, from: d.source, to: d.target, props: d.props ?? {} }));
  return JSON.stringify({ nodes, edges }, null, 2);
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export function exportPng(cy) {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

export function stamp(date = new Date()) {
  return date.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}
