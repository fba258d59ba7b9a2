// How each node and edge type looks: colour and shape per node type, colour,
// line style and arrow per edge type, and the Cytoscape stylesheet built
// from them. The legend draws the same shapes as small SVGs (legendSwatch),
// so legend and graph cannot disagree.
//
// Types not listed here (a type added to data/schema.json later) get a
// colour from a fixed fallback palette by name, so the viewer keeps working
// without a code change. No DOM besides the SVG strings.

export const NODE_STYLE = {
  Document: { color: '#78909c', shape: 'rectangle' },
  Agency: { color: '#1565c0', shape: 'round-rectangle' },
  Enterprise: { color: '#00838f', shape: 'round-rectangle' },
  TargetGroup: { color: '#6d4c41', shape: 'hexagon' },
  Region: { color: '#558b2f', shape: 'diamond' },
  Goal: { color: '#c62828', shape: 'star' },
  Industry: { color: '#ef6c00', shape: 'ellipse' },
  Initiative: { color: '#5e35b1', shape: 'round-triangle' },
  Fund: { color: '#f9a825', shape: 'barrel' },
  Platform: { color: '#0277bd', shape: 'rhomboid' },
  Pilot: { color: '#2e7d32', shape: 'pentagon' },
  Policy: { color: '#ad1457', shape: 'tag' },
  Indicator: { color: '#00695c', shape: 'vee' },
  Achievement: { color: '#4e342e', shape: 'octagon' },
};

export const EDGE_STYLE = {
  SUPPORTS: { color: '#c62828', line: 'solid', arrow: 'triangle', width: 2.5 },
  PART_OF: { color: '#8e24aa', line: 'dashed', arrow: 'diamond', width: 1.5 },
  FUNDS: { color: '#f9a825', line: 'solid', arrow: 'triangle-backcurve', width: 2.5 },
  TARGETS: { color: '#ef6c00', line: 'dotted', arrow: 'vee', width: 2 },
  RESPONSIBLE: { color: '#1565c0', line: 'solid', arrow: 'square', width: 1.5 },
  ISSUED: { color: '#546e7a', line: 'dashed', arrow: 'triangle', width: 1.5 },
  APPLIES_IN: { color: '#558b2f', line: 'dotted', arrow: 'circle', width: 1.5 },
  MEASURES: { color: '#00695c', line: 'dashed', arrow: 'tee', width: 1.5 },
  ACHIEVED_IN: { color: '#4e342e', line: 'solid', arrow: 'chevron', width: 1.5 },
  IMPLEMENTS: { color: '#5e35b1', line: 'solid', arrow: 'triangle-tee', width: 2 },
  MENTIONS: { color: '#b0bec5', line: 'dotted', arrow: 'triangle', width: 1 },
  RELATED_TO: { color: '#37474f', line: 'dashed', arrow: 'none', width: 1.5 },
};

const FALLBACK = ['#7b1fa2', '#0097a7', '#afb42b', '#d84315', '#455a64', '#c2185b'];
function hash(s) {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return h;
}

export function nodeStyle(type) {
  return NODE_STYLE[type] ?? { color: FALLBACK[hash(type) % FALLBACK.length], shape: 'ellipse' };
}

export function edgeStyle(type) {
  return EDGE_STYLE[type] ?? { color: FALLBACK[hash(type) % FALLBACK.length], line: 'solid', arrow: 'triangle', width: 1.5 };
}

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export function stylesheet(nodeTypes, edgeTypes) {
  const sheet = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-family': FONT, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-wrap': 'ellipsis', 'text-max-width': 140, width: 26, height: 26, 'border-width': 1, 'border-color': '#fff',
      'min-zoomed-font-size': 7, color: '#1f2933', 'text-background-color': '#fff', 'text-background-opacity': 0.7,
      'text-background-padding': 1 } },
    { selector: 'edge', style: {
      width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, opacity: 0.85,
      label: '', 'font-family': FONT, 'font-size': 9, 'text-rotation': 'autorotate', color: '#4a5560' } },
  ];
  for (const type of nodeTypes) {
    const s = nodeStyle(type);
    sheet.push({ selector: `node[type = "${type}"]`, style: { 'background-color': s.color, shape: s.shape } });
  }
  for (const type of edgeTypes) {
    const s = edgeStyle(type);
    sheet.push({ selector: `edge[type = "${type}"]`, style: {
      'line-color': s.color, 'target-arrow-color': s.color, 'line-style': s.line, 'target-arrow-shape': s.arrow, width: s.width } });
  }
  sheet.push(
    { selector: 'edge.curated', style: { 'line-style': 'solid', width: 3, 'line-color': '#111', 'target-arrow-color': '#111' } },
    { selector: 'edge:selected, edge.show-label', style: { label: 'data(label)' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f6feb', 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#1f6feb', 'target-arrow-color': '#1f6feb' } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'node.evidence, node.path', style: { 'border-width': 4, 'border-color': '#ff6f00', 'z-index': 10 } },
    { selector: 'edge.evidence, edge.path', style: { width: 5, 'line-color': '#ff6f00', 'target-arrow-color': '#ff6f00', 'z-index': 10, label: 'data(label)' } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#d50000' } },
    { selector: '.type-off', style: { display: 'none' } },
  );
  return sheet;
}

// Small SVG pictures for the legend, 18×14 px.
const POLY = {
  rectangle: '1,1 17,1 17,13 1,13',
  'round-rectangle': null,
  hexagon: '4,1 14,1 17,7 14,13 4,13 1,7',
  diamond: '9,0 17,7 9,14 1,7',
  star: '9,0 11,5 17,5 12,8.5 14,14 9,10.5 4,14 6,8.5 1,5 7,5',
  'round-triangle': '9,1 17,13 1,13',
  barrel: null,
  rhomboid: '4,1 17,1 14,13 1,13',
  pentagon: '9,0 17,5.5 14,14 4,14 1,5.5',
  tag: '1,1 13,1 17,7 13,13 1,13',
  vee: '1,1 9,6 17,1 9,13',
  octagon: '5,1 13,1 17,5 17,9 13,13 5,13 1,9 1,5',
};

export function legendSwatch(type) {
  const s = nodeStyle(type);
  let body;
  if (s.shape === 'ellipse') body = `<ellipse cx="9" cy="7" rx="8" ry="6" fill="${s.color}"/>`;
  else if (s.shape === 'round-rectangle') body = `<rect x="1" y="1" width="16" height="12" rx="4" fill="${s.color}"/>`;
  else if (s.shape === 'barrel') body = `<rect x="2" y="1" width="14" height="12" rx="6" ry="2" fill="${s.color}"/>`;
  else body = `<polygon points="${POLY[s.shape] ?? POLY.rectangle}" fill="${s.color}"/>`;
  return `<svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">${body}</svg>`;
}

export function legendLine(type) {
  const s = edgeStyle(type);
  const dash = s.line === 'dashed' ? ' stroke-dasharray="5 3"' : s.line === 'dotted' ? ' stroke-dasharray="1.5 2.5"' : '';
  return `<svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true"><line x1="1" y1="5" x2="24" y2="5" stroke="${s.color}" stroke-width="2"${dash}/>` +
    (s.arrow === 'none' ? '' : `<polygon points="23,1 29,5 23,9" fill="${s.color}"/>`) + '</svg>';
}
