// Test data for the mock API server: one short policy document (Simplified
// Chinese, written for the tests after the seed article's style) and the
// nodes and edges an extractor would read from it, with provenance spans
// computed as UTF-8 byte offsets of each sentence in the document text.
//
// Interface: buildFixture({synthetic}) → {documents, nodes, edges}, plain
// objects in the shapes of docs/api.md (nodes full, edges with provenance).
// `synthetic` adds that many generated Initiative nodes around the hubs so
// the viewer can be measured with about 2,000 elements on screen.
//
// Used by mock_server.mjs only; the real server reads data/.

const DOC_ID = 'doc:seed';
const DOC_TITLE = '上海市经济和信息化委员会:强化高端产业引领功能 加快推进新型工业化';

// Sentences of the document; provenance refers to them by index.
const SENTENCES = [
  '上海市经济和信息化委员会:强化高端产业引领功能 加快推进新型工业化\n',
  '实现新型工业化是党中央作出的重大决策。',
  '上海坚持把推进新型工业化作为加快建设“五个中心”的关键支撑。',
  '设立三大先导产业母基金,规模1000亿元,投向集成电路、生物医药、人工智能。',
  '实施“AI+制造”行动,推动人工智能赋能制造业,加快推进新型工业化。',
  '开展智能工厂领航计划,支撑“AI+制造”行动。',
  '建设制造业创新中心20家,其中国家级4家、市级16家。',
  '2025年前三季度,上海工业增加值同比增长5.2%。',
  '启动产业转型升级二期基金,规模500亿元,支持高端装备发展。',
  '开展工业领域“AEO”试点,推进AEO分级行政检查制度,服务新型工业化。',
  '由上海市经济和信息化委员会牵头,实施人才高峰工程,支撑“五个中心”建设。',
  '推进M0土地混合利用新模式试点,支撑先进制造业发展。',
];

const NODES = [
  // [type, name, name_en, aliases, sentence, props]
  ['Agency', '上海市经济和信息化委员会', 'Shanghai Municipal Commission of Economy and IT', ['上海市经信委', '市经信委'], 0, {}],
  ['Region', '上海', 'Shanghai', ['上海市'], 2, {}],
  ['Goal', '新型工业化', 'New industrialisation', ['推进新型工业化'], 1, {}],
  ['Goal', '五个中心', 'Five Centres', ['“五个中心”'], 2, {}],
  ['Industry', '三大先导产业', 'Three leading industries', ['先导产业'], 3, {}],
  ['Industry', '集成电路', 'Integrated circuits', ['集成电路产业'], 3, {}],
  ['Industry', '生物医药', 'Biomedicine', [], 3, {}],
  ['Industry', '人工智能', 'Artificial intelligence', ['AI'], 4, {}],
  ['Industry', '制造业', 'Manufacturing', [], 4, {}],
  ['Industry', '高端装备', 'High-end equipment', [], 8, {}],
  ['Industry', '先进制造业', 'Advanced manufacturing', [], 11, {}],
  ['Fund', '先导产业母基金', 'Leading Industries Parent Fund', ['三大先导产业母基金'], 3,
    { size: { value: 1000, unit: '亿元', cny: 1.0e11 }, instrument: 'finance' }],
  ['Fund', '产业转型升级二期基金', 'Industrial Upgrading Fund II', [], 8,
    { size: { value: 500, unit: '亿元', cny: 5.0e10 }, instrument: 'finance' }],
  ['Initiative', 'AI+制造行动', 'AI+ Manufacturing Initiative', ['“AI+制造”行动', 'AI+制造'], 4, { instrument: 'strategic' }],
  ['Initiative', '智能工厂领航计划', 'Smart Factory Pilot Programme', [], 5, { instrument: 'demonstration' }],
  ['Initiative', '人才高峰工程', 'Talent Peak Project', [], 10, { instrument: 'talent' }],
  ['Platform', '制造业创新中心', 'Manufacturing innovation centre', [], 6,
    { level: ['national', 'municipal'], count: 20, instrument: 'infrastructure' }],
  ['Pilot', '工业领域AEO试点', 'Industrial AEO pilot', ['工业领域“AEO”试点'], 9, { instrument: 'demonstration' }],
  ['Pilot', 'M0土地混合利用新模式', 'M0 mixed land use', ['M0土地混合利用'], 11, { instrument: 'regulation' }],
  ['Policy', 'AEO分级行政检查制度', 'Tiered AEO inspection system', [], 9, { instrument: 'regulation' }],
  ['Indicator', '上海工业增加值同比增长', 'Shanghai industrial value added growth', [], 7,
    { value: 5.2, unit: '%', kind: 'yoy_growth', period: '2025-Q1..Q3', subject: '工业增加值' }],
];

const EDGES = [
  // [type, from name, to name, sentence]
  ['SUPPORTS', 'AI+制造行动', '新型工业化', 4],
  ['SUPPORTS', 'AI+制造行动', '人工智能', 4],
  ['SUPPORTS', '智能工厂领航计划', 'AI+制造行动', 5],
  ['FUNDS', '先导产业母基金', '集成电路', 3],
  ['FUNDS', '先导产业母基金', '生物医药', 3],
  ['FUNDS', '先导产业母基金', '人工智能', 3],
  ['FUNDS', '产业转型升级二期基金', '高端装备', 8],
  ['PART_OF', '集成电路', '三大先导产业', 3],
  ['PART_OF', '生物医药', '三大先导产业', 3],
  ['PART_OF', '人工智能', '三大先导产业', 3],
  ['SUPPORTS', '新型工业化', '五个中心', 2],
  ['SUPPORTS', '制造业创新中心', '新型工业化', 6],
  ['SUPPORTS', '工业领域AEO试点', '新型工业化', 9],
  ['PART_OF', 'AEO分级行政检查制度', '工业领域AEO试点', 9],
  ['SUPPORTS', '人才高峰工程', '五个中心', 10],
  ['RESPONSIBLE', '上海市经济和信息化委员会', '人才高峰工程', 10],
  ['SUPPORTS', 'M0土地混合利用新模式', '先进制造业', 11],
  ['MEASURES', '上海工业增加值同比增长', '上海', 7],
  ['APPLIES_IN', 'AI+制造行动', '上海', 4],
  ['TARGETS', 'AI+制造行动', '制造业', 4],
];

export const TYPE_PREFIX = (type) => type.toLowerCase();

export function buildFixture({ synthetic = 0 } = {}) {
  const encoder = new TextEncoder();
  const text = SENTENCES.join('');
  const spans = [];
  let offset = 0;
  for (const s of SENTENCES) {
    const n = encoder.encode(s).length;
    spans.push([offset, offset + n]);
    offset += n;
  }
  const prov = (i, rule) => ({
    document: DOC_ID,
    document_title: DOC_TITLE,
    span: spans[i],
    sentence: i,
    rule,
    quote: SENTENCES[i].trim(),
  });
  const nodes = new Map();
  const byName = new Map();
  const addNode = (type, name, nameEn, aliases, sentence, props) => {
    const id = `${TYPE_PREFIX(type)}:${name}`;
    const node = { id, type, name, name_en: nameEn, aliases, props: { ...props },
      instrument: props.instrument ?? null, provenance: sentence === null ? [] : [prov(sentence, `${TYPE_PREFIX(type)}.mention`)] };
    nodes.set(id, node);
    byName.set(name, node);
    return node;
  };
  nodes.set(DOC_ID, { id: DOC_ID, type: 'Document', name: DOC_TITLE, name_en: '', aliases: ['强化高端产业引领功能 加快推进新型工业化'],
    props: { title: DOC_TITLE, publisher: '高新院', date: '2025-12-29', reprinted_from: '上海市经信委微信公众号' }, instrument: null, provenance: [] });
  for (const [type, name, en, aliases, s, props] of NODES) addNode(type, name, en, aliases, s, props);
  const edges = [];
  for (const [type, from, to, s] of EDGES) {
    edges.push({ id: `e${edges.length}`, type, from: byName.get(from).id, to: byName.get(to).id, props: {},
      provenance: [prov(s, `${type.toLowerCase()}.pattern`)] });
  }
  for (const node of nodes.values()) {
    if (node.type !== 'Document') {
      edges.push({ id: `e${edges.length}`, type: 'MENTIONS', from: DOC_ID, to: node.id, props: {}, provenance: [] });
    }
  }
  // Synthetic load: initiatives supporting the hubs, in rings of ten.
  const hubs = ['新型工业化', '人工智能', 'AI+制造行动', '制造业'];
  for (let i = 0; i < synthetic; i++) {
    const n = addNode('Initiative', `合成举措${i}`, `Synthetic measure ${i}`, [], null, { instrument: 'strategic' });
    const target = i % 10 === 0 ? byName.get(hubs[(i / 10) % hubs.length]).id : `initiative:合成举措${i - (i % 10)}`;
    edges.push({ id: `e${edges.length}`, type: 'SUPPORTS', from: n.id, to: target, props: {}, provenance: [] });
  }
  const documents = [{ id: DOC_ID, title: DOC_TITLE, date: '2025-12-29', publisher: '高新院', text }];
  return { documents, nodes, edges };
}
