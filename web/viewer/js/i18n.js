// Interface text in Chinese (default) and English, and type names from the
// schema (/api/schema carries zh and en for every node and edge type).
//
// Interface: t(key, vars) → string; setLang / getLang (kept in
// localStorage "policykg.lang"); applyI18n(root) fills every element with
// data-i18n / data-i18n-placeholder / data-i18n-aria; setSchema(schema);
// typeName(type), edgeTypeName(type); onLangChange(fn).
// Missing keys show the key itself, so a gap is visible, never blank.
// Exercised by tests/viewer/unit_test.mjs (catalogue completeness) and e2e.

export const MESSAGES = {
  zh: {
    'app.subtitle': '政策知识图谱',
    'search.placeholder': '搜索节点:中文、英文、拼音或别名,如 AI+制造',
    'search.none': '没有匹配的节点',
    'export.png': '导出 PNG', 'export.graphml': '导出 GraphML', 'export.json': '导出 JSON',
    'layout.save': '保存布局', 'layout.restore': '恢复布局', 'layout.saved': '布局已保存({n} 个节点)',
    'layout.restored': '已恢复 {when} 保存的布局', 'layout.none': '浏览器中没有保存的布局',
    'query.title': '查询 (Cypher)', 'query.run': '运行', 'query.hint': 'Ctrl+Enter 运行',
    'query.ex.supporters': '哪些举措支撑 AI+制造', 'query.ex.funds': '基金及其资助对象', 'query.ex.pilots': '试点及其目标',
    'query.done': '{rows} 行,用时 {ms} 毫秒', 'query.truncated': '(结果已截断)', 'query.error': '查询错误',
    'legend.title': '图例', 'legend.hint': '点击类型以显示或隐藏',
    'tool.expand': '展开', 'tool.direction': '方向', 'tool.edgeTypes': '边类型', 'tool.collapse': '折叠', 'tool.hide': '隐藏',
    'tool.unhide': '显示隐藏', 'tool.supporters': '什么支撑它?', 'tool.path': '两点路径', 'tool.link': '添加关系',
    'tool.merge': '合并', 'tool.relayout': '重新布局', 'tool.clear': '清空',
    'dir.both': '双向', 'dir.out': '出边', 'dir.in': '入边',
    'results.title': '查询结果', 'results.close': '收起',
    'details.title': '详情', 'details.empty': '在图中或搜索中选择一个节点', 'details.type': '类型', 'details.labels': '标签',
    'details.id': '键', 'details.aliases': '别名', 'details.instrument': '政策工具', 'details.props': '属性',
    'details.degree': '连接', 'details.degreeValue': '入 {in} / 出 {out}', 'details.provenance': '出处',
    'details.noProvenance': '没有出处记录', 'details.edge': '关系', 'details.from': '起点', 'details.to': '终点',
    'details.reason': '理由', 'details.curated': '人工添加', 'details.deleteLink': '删除此关系', 'details.split': '拆分合并',
    'details.supporters': '支撑它的举措({n})', 'details.noSupporters': '没有找到支撑它的举措', 'details.indicator': '指标',
    'status.loading': '加载中…', 'status.ready': '就绪:图谱共 {nodes} 个节点、{edges} 条边', 'status.view': '视图:{nodes} 个节点,{edges} 条边',
    'status.expanded': '已展开 {name}:新增 {n} 个节点', 'status.truncated': '(邻居过多,只显示前 {limit} 个)',
    'status.selectOne': '请先选择一个节点', 'status.selectTwo': '请先选择两个节点(按住 Shift 点击可多选)',
    'status.noPath': '{a} 与 {b} 之间没有路径', 'status.path': '路径长度 {n}', 'status.supporters': '找到 {n} 个支撑举措',
    'status.linkAdded': '已添加关系 {id}', 'status.linkDeleted': '已删除关系 {id}', 'status.merged': '已合并为 {name}',
    'status.split': '已拆分 {id}', 'status.exported': '已导出 {file}', 'status.hidden': '已隐藏 {n} 个节点',
    'status.unauthorized': '令牌无效,请重新输入', 'status.error': '出错:{message}', 'status.cleared': '视图已清空',
    'token.title': '编辑令牌', 'token.hint': '修改图谱需要服务器令牌;本次浏览会话中只询问一次。',
    'link.title': '添加关系', 'link.type': '关系类型', 'link.reason': '理由', 'link.ends': '从 {from} 到 {to}',
    'merge.title': '合并节点', 'merge.hint': '选择保留的节点,其余节点并入它。',
    'reason.deleteLink': '删除关系', 'reason.split': '拆分合并的节点',
    'dialog.ok': '确定', 'dialog.cancel': '取消', 'dialog.close': '关闭',
    'doc.meta': '{publisher} · {date} · 高亮处为出处(字节 {begin}–{end})', 'doc.clamped': '(出处偏移不在字符边界上,已对齐)',
  },
  en: {
    'app.subtitle': 'policy knowledge graph',
    'search.placeholder': 'Search nodes: Chinese, English, pinyin or alias, e.g. AI+制造',
    'search.none': 'No matching node',
    'export.png': 'Export PNG', 'export.graphml': 'Export GraphML', 'export.json': 'Export JSON',
    'layout.save': 'Save layout', 'layout.restore': 'Restore layout', 'layout.saved': 'Layout saved ({n} nodes)',
    'layout.restored': 'Restored the layout saved {when}', 'layout.none': 'No layout saved in this browser',
    'query.title': 'Query (Cypher)', 'query.run': 'Run', 'query.hint': 'Ctrl+Enter runs',
    'query.ex.supporters': 'Which measures support AI+制造', 'query.ex.funds': 'Funds and what they fund', 'query.ex.pilots': 'Pilots and their goals',
    'query.done': '{rows} rows in {ms} ms', 'query.truncated': ' (truncated)', 'query.error': 'Query error',
    'legend.title': 'Legend', 'legend.hint': 'Click a type to show or hide it',
    'tool.expand': 'Expand', 'tool.direction': 'Direction', 'tool.edgeTypes': 'Edge types', 'tool.collapse': 'Collapse', 'tool.hide': 'Hide',
    'tool.unhide': 'Show hidden', 'tool.supporters': 'What supports this?', 'tool.path': 'Path between', 'tool.link': 'Add link',
    'tool.merge': 'Merge', 'tool.relayout': 'Re-layout', 'tool.clear': 'Clear',
    'dir.both': 'Both', 'dir.out': 'Outgoing', 'dir.in': 'Incoming',
    'results.title': 'Query results', 'results.close': 'Close',
    'details.title': 'Details', 'details.empty': 'Select a node in the graph or from search', 'details.type': 'Type', 'details.labels': 'Labels',
    'details.id': 'Key', 'details.aliases': 'Aliases', 'details.instrument': 'Instrument', 'details.props': 'Properties',
    'details.degree': 'Links', 'details.degreeValue': 'in {in} / out {out}', 'details.provenance': 'Provenance',
    'details.noProvenance': 'No provenance recorded', 'details.edge': 'Link', 'details.from': 'From', 'details.to': 'To',
    'details.reason': 'Reason', 'details.curated': 'Curated', 'details.deleteLink': 'Delete this link', 'details.split': 'Split merge',
    'details.supporters': 'Measures supporting it ({n})', 'details.noSupporters': 'No supporting measure found', 'details.indicator': 'Indicator',
    'status.loading': 'Loading…', 'status.ready': 'Ready: the graph has {nodes} nodes and {edges} edges', 'status.view': 'View: {nodes} nodes, {edges} edges',
    'status.expanded': 'Expanded {name}: {n} new nodes', 'status.truncated': ' (too many neighbours, first {limit} shown)',
    'status.selectOne': 'Select a node first', 'status.selectTwo': 'Select two nodes first (Shift-click adds to the selection)',
    'status.noPath': 'No path between {a} and {b}', 'status.path': 'Path of length {n}', 'status.supporters': '{n} supporting measures found',
    'status.linkAdded': 'Added link {id}', 'status.linkDeleted': 'Deleted link {id}', 'status.merged': 'Merged into {name}',
    'status.split': 'Split {id}', 'status.exported': 'Exported {file}', 'status.hidden': 'Hid {n} nodes',
    'status.unauthorized': 'The token was refused; enter it again', 'status.error': 'Error: {message}', 'status.cleared': 'View cleared',
    'token.title': 'Editing token', 'token.hint': 'Changing the graph needs the server token; asked once per browser session.',
    'link.title': 'Add link', 'link.type': 'Link type', 'link.reason': 'Reason', 'link.ends': 'from {from} to {to}',
    'merge.title': 'Merge nodes', 'merge.hint': 'Choose the node to keep; the others merge into it.',
    'reason.deleteLink': 'Delete link', 'reason.split': 'Split a merged node',
    'dialog.ok': 'OK', 'dialog.cancel': 'Cancel', 'dialog.close': 'Close',
    'doc.meta': '{publisher} · {date} · highlighted: the provenance (bytes {begin}–{end})', 'doc.clamped': ' (offset off a character boundary, aligned)',
  },
};

const storage = typeof localStorage !== 'undefined' ? localStorage : null;
let lang = storage?.getItem('policykg.lang') === 'en' ? 'en' : 'zh';
let schema = { node_types: [], edge_types: [] };
const listeners = [];

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  storage?.setItem('policykg.lang', lang);
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.push(fn);
}

export function t(key, vars = {}) {
  const text = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? `{${k}}` : String(vars[k])));
}

export function setSchema(s) {
  schema = s;
}

export function typeName(type) {
  const nt = schema.node_types.find((x) => x.name === type);
  return nt ? (lang === 'en' ? nt.en : nt.zh) : type;
}

export function edgeTypeName(type) {
  const et = schema.edge_types.find((x) => x.name === type);
  return et ? (lang === 'en' ? et.en : et.zh) : type;
}

// The display name of a node summary in the current language.
export function nodeName(node) {
  return lang === 'en' && node.name_en ? node.name_en : node.name;
}

export function applyI18n(root) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
