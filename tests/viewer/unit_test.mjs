// Unit tests of the viewer's pure modules (node:test, no browser): UTF-8
// byte spans and display columns (text_utf8.js), human property forms
// (format.js), document highlight ranges, caret rebuilding, GraphML/JSON
// export, edge types allowed between two nodes, and the message catalogue.
// Tables of cases, one assertion per case.
//
//   node --test tests/viewer/unit_test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { byteSpanToIndices, caretLine, displayColumnToIndex, displayWidth } from '../../web/viewer/js/text_utf8.js';
import { formatAmount, formatIndicator, formatLevels, formatPeriod, formatProperty } from '../../web/viewer/js/format.js';
import { MESSAGES } from '../../web/viewer/js/i18n.js';
import { toGraphML, toJson, xmlEscape } from '../../web/viewer/js/export_view.js';
import { caretText, errorIndex } from '../../web/viewer/js/query_panel.js';
import { allowedEdgeTypes } from '../../web/viewer/js/curation.js';
import { markRanges } from '../../web/viewer/js/document_viewer.js';
import { formatMs } from '../../web/viewer/js/results_table.js';

const bytes = (s) => new TextEncoder().encode(s).length;

test('byteSpanToIndices maps UTF-8 byte spans to string indices', () => {
  const text = 'AI+制造行动,推动😀人工智能';
  const cases = [
    // [begin, end, expected slice, clamped]
    [0, 3, 'AI+', false],
    [3, 9, '制造', false],
    [bytes('AI+制造行动,'), bytes('AI+制造行动,推动'), '推动', false],
    [bytes('AI+制造行动,推动'), bytes('AI+制造行动,推动😀'), '😀', false],
    [4, 8, '制造', true], // inside 制 and inside 造: widened to whole characters
    [0, 10000, text, true], // past the end: clamped
    [bytes(text), bytes(text), '', false],
  ];
  for (const [b, e, want, clamped] of cases) {
    const r = byteSpanToIndices(text, b, e);
    assert.equal(text.slice(r.start, r.end), want, `[${b},${e})`);
    assert.equal(r.clamped, clamped, `clamped [${b},${e})`);
  }
  for (const [b, e] of [[-1, 2], [5, 2], [1.5, 3], ['0', 3]]) assert.equal(byteSpanToIndices(text, b, e), null, `[${b},${e})`);
});

test('display width and columns count Chinese as two', () => {
  const cases = [['MATCH', 5], ['先导', 4], ['a先b', 4], ['“AI”', 4], ['😀', 2], ['Ａ', 2], ['', 0]];
  for (const [s, w] of cases) assert.equal(displayWidth(s), w, s);
  const line = "MATCH (n {name:'先导'}) RETRUN n";
  const fault = line.indexOf('RETRUN');
  const caret = caretLine(line, fault);
  assert.equal(caret.length - 1, displayWidth(line.slice(0, fault)));
  assert.equal(displayColumnToIndex(line, caret.length), fault);
  const columns = [[1, 0], [2, 1], [3, 1], [4, 2], [5, 3], [99, 4]];
  for (const [col, idx] of columns) assert.equal(displayColumnToIndex('a先bc', col), idx, `column ${col}`);
});

test('caretText prefers the server caret and rebuilds it from a position', () => {
  const q = "MATCH (n:基金)\nRETRUN n";
  const cases = [
    [{ caret: 'LINE 1: X\n        ^' }, 'LINE 1: X\n        ^'],
    [{ caret: ['a', '^'] }, 'a\n^'],
    [{ position: { line: 2, column: 1 } }, 'RETRUN n\n^'],
    [{ position: { line: 1, column: 10 } }, 'MATCH (n:基金)\n         ^'],
    [{ position: { line: 1, column: 11 } }, 'MATCH (n:基金)\n         ^'],
    [{}, null],
  ];
  for (const [err, want] of cases) assert.equal(caretText(q, err), want, JSON.stringify(err));
  assert.equal(q.slice(errorIndex(q, { line: 2, column: 1 })), 'RETRUN n');
  assert.equal(q.slice(errorIndex(q, { line: 1, column: 12 })), '金)\nRETRUN n');
});

test('property values read in human form', () => {
  const cases = [
    [formatAmount({ value: 1000, unit: '亿元', cny: 1e11 }, 'zh'), '1,000亿元'],
    [formatAmount({ value: 50, unit: '万元', cny: 5e5 }, 'zh'), '50万元'],
    [formatAmount({ value: 10, unit: '亿美元', cny: 7.1e9 }, 'zh'), '71亿元(10亿美元)'],
    [formatAmount({ value: 1000, unit: '亿元', cny: 1e11 }, 'en'), '100 bn yuan (1,000亿元)'],
    [formatAmount({ value: 3, unit: '亿元', cny: 0 }, 'zh'), '3亿元'],
    [formatLevels(['national', 'municipal'], 'zh'), '国家级、市级'],
    [formatLevels('district', 'en'), 'district'],
    [formatPeriod('2025-Q1..Q3', 'zh'), '2025年第1–3季度'],
    [formatPeriod('2027', 'zh'), '2027年'],
    [formatPeriod('2021..2025', 'zh'), '2021–2025年'],
    [formatPeriod('2025-06', 'zh'), '2025年6月'],
    [formatPeriod('十四五', 'zh'), '十四五'],
    [formatIndicator({ value: 5.2, unit: '%', kind: 'yoy_growth', period: '2025-Q1..Q3' }, 'zh'), '同比增长 5.2%(2025年第1–3季度)'],
    [formatIndicator({ value: 20, unit: '家', period: '2027', target: true }, 'zh'), '20家(2027年,目标值)'],
    [formatIndicator({ value: 5.2, unit: '%', kind: 'cagr' }, 'en'), 'CAGR 5.2%'],
    [formatProperty('count', 20, 'zh'), '20'],
    [formatProperty('target', true, 'zh'), '是'],
    [formatProperty('aliases', ['甲', '乙'], 'zh'), '甲、乙'],
    [formatProperty('date', '2025-12-29', 'zh'), '2025-12-29'],
    [formatMs(0.055082), '0.06'],
    [formatMs(12.345), '12.3'],
    [formatMs(1234.5), '1235'],
    [formatMs(undefined), '?'],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});

test('document highlight ranges never overlap and keep the clicked span', () => {
  const text = '设立先导产业母基金。投向集成电路。';
  const s1 = [0, bytes('设立先导产业母基金。')];
  const others = [
    { begin: bytes('设立'), end: bytes('设立先导产业母基金') }, // inside the current span: dropped
    { begin: bytes('设立先导产业母基金。投向'), end: bytes('设立先导产业母基金。投向集成电路') },
    { begin: bytes('设立先导产业母基金。投向集'), end: bytes(text) }, // overlaps the previous: dropped
  ];
  const ranges = markRanges(text, s1, others);
  assert.deepEqual(ranges.map((r) => [text.slice(r.start, r.end), r.current]), [['设立先导产业母基金。', true], ['集成电路', false]]);
});

test('edge types offered between two nodes follow the schema', () => {
  const raw = JSON.parse(readFileSync(new URL('../../data/schema.json', import.meta.url)));
  const cases = [
    [['Fund', 'Measure'], ['Industry'], ['SUPPORTS', 'FUNDS', 'TARGETS', 'RELATED_TO']],
    [['Region'], ['Goal'], ['RELATED_TO']],
    [['Document'], ['Region'], ['MENTIONS', 'RELATED_TO']],
    [['Pilot', 'Measure'], ['Goal'], ['SUPPORTS', 'PART_OF', 'IMPLEMENTS', 'RELATED_TO']], // PART_OF pairs admit Measure → Goal
    [['Industry'], ['Industry'], ['PART_OF', 'RELATED_TO']],
  ];
  for (const [from, to, want] of cases) assert.deepEqual(allowedEdgeTypes(raw, from, to), want, `${from} → ${to}`);
  // /api/schema sends "any" as an empty list.
  const api = { edge_types: [{ name: 'MENTIONS', from: ['Document'], to: [] }, { name: 'RELATED_TO', from: [], to: [] }] };
  assert.deepEqual(allowedEdgeTypes(api, ['Document'], ['Region']), ['MENTIONS', 'RELATED_TO']);
  assert.deepEqual(allowedEdgeTypes(api, ['Region'], ['Document']), ['RELATED_TO']);
});

test('exports escape XML and keep keys, types and positions', () => {
  assert.equal(xmlEscape(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  const snap = {
    nodes: [{ data: { id: 'fund:先导<母>基金', type: 'Fund', name: '先导&母基金', name_en: '' }, position: { x: 1, y: 2 } },
      { data: { id: 'industry:集成电路', type: 'Industry', name: '集成电路' }, position: { x: 3, y: 4 } }],
    edges: [{ data: { id: 'a|FUNDS|b', serverId: 'e3', source: 'fund:先导<母>基金', target: 'industry:集成电路', type: 'FUNDS' } }],
  };
  const gml = toGraphML(snap);
  assert.match(gml, /<node id="fund:先导&lt;母&gt;基金"><data key="type">Fund<\/data><data key="name">先导&amp;母基金/);
  assert.match(gml, /<edge id="a\|FUNDS\|b" source="fund:先导&lt;母&gt;基金" target="industry:集成电路">/);
  const json = JSON.parse(toJson(snap));
  assert.deepEqual(json.edges, [{ id: 'e3', type: 'FUNDS', from: 'fund:先导<母>基金', to: 'industry:集成电路', props: {} }]);
  assert.deepEqual(json.nodes[1].position, { x: 3, y: 4 });
});

test('every message exists in Chinese and English with the same placeholders', () => {
  const zh = Object.keys(MESSAGES.zh).sort();
  assert.deepEqual(Object.keys(MESSAGES.en).sort(), zh);
  const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort().join();
  for (const k of zh) assert.equal(holes(MESSAGES.en[k]), holes(MESSAGES.zh[k]), k);
  const html = readFileSync(new URL('../../web/viewer/index.html', import.meta.url), 'utf8');
  for (const [, key] of html.matchAll(/data-i18n(?:-placeholder|-aria)?="([^"]+)"/g)) assert.ok(MESSAGES.zh[key], `index.html uses ${key}`);
});
