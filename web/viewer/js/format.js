// Human forms of typed property values for the details panel.
//
// Interface: formatProperty(name, value, lang) → string, formatAmount,
// formatLevels, formatPeriod, formatIndicator(props, lang). Amounts show in
// 亿元 (or 万元 when small) from their normalised CNY, with the amount as
// written kept beside it when the unit differs; platform levels and
// indicator kinds use the words below; periods such as "2025-Q1..Q3" read
// as 2025年第1–3季度. Unknown shapes fall back to plain text, never throw.
//
// Does not know the schema (labels come from i18n.js) and touches no DOM.
// Tested in tests/viewer/unit_test.mjs.

const LEVELS = {
  national: { zh: '国家级', en: 'national' },
  'national-local': { zh: '国家地方联合', en: 'national-local' },
  provincial: { zh: '省级', en: 'provincial' },
  ministerial: { zh: '省部级', en: 'ministerial' },
  municipal: { zh: '市级', en: 'municipal' },
  district: { zh: '区级', en: 'district' },
};

const INDICATOR_KINDS = {
  yoy_growth: { zh: '同比增长', en: 'year-on-year growth' },
  cagr: { zh: '年均增长', en: 'CAGR' },
  cumulative: { zh: '累计', en: 'cumulative' },
  share: { zh: '占比', en: 'share' },
  level: { zh: '水平', en: 'level' },
  growth: { zh: '增长', en: 'growth' },
};

// Formats a number without trailing zeros and with grouping: 1000 → "1,000",
// 5.20 → "5.2". Non-finite numbers print as given.
export function formatNumber(n, lang = 'zh') {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 4 });
}

// Amount {value, unit, cny}: "1,000亿元" in zh, "100 bn yuan (1,000亿元)" in en.
// Uses cny when known (> 0); otherwise value and unit as written.
export function formatAmount(amount, lang = 'zh') {
  if (amount === null || typeof amount !== 'object') return String(amount ?? '');
  const written =
    amount.value !== undefined ? `${formatNumber(Number(amount.value), lang)}${amount.unit ?? ''}` : '';
  const cny = Number(amount.cny);
  if (!Number.isFinite(cny) || cny <= 0) return written;
  let normal;
  if (lang === 'en') {
    normal = cny >= 1e9 ? `${formatNumber(cny / 1e9, lang)} bn yuan` : `${formatNumber(cny / 1e6, lang)} m yuan`;
    return written ? `${normal} (${written})` : normal;
  }
  normal = cny >= 1e8 ? `${formatNumber(cny / 1e8, lang)}亿元` : `${formatNumber(cny / 1e4, lang)}万元`;
  return written && written !== normal ? `${normal}(${written})` : normal;
}

// Platform or document levels: ["national","municipal"] → "国家级、市级".
export function formatLevels(levels, lang = 'zh') {
  const list = Array.isArray(levels) ? levels : [levels];
  const words = list.map((l) => (LEVELS[l] ? LEVELS[l][lang] : String(l)));
  return words.join(lang === 'en' ? ', ' : '、');
}

// Periods: "2027" → "2027年", "2025-Q1..Q3" → "2025年第1–3季度",
// "2021..2025" → "2021–2025年", "2025-06" → "2025年6月". Others as given.
export function formatPeriod(period, lang = 'zh') {
  const p = String(period ?? '');
  let m = /^(\d{4})$/.exec(p);
  if (m) return lang === 'en' ? m[1] : `${m[1]}年`;
  m = /^(\d{4})-Q(\d)(?:\.\.Q(\d))?$/.exec(p);
  if (m) {
    const q = m[3] ? `${m[2]}–${m[3]}` : m[2];
    return lang === 'en' ? `${m[1]} Q${q}` : `${m[1]}年第${q}季度`;
  }
  m = /^(\d{4})\.\.(\d{4})$/.exec(p);
  if (m) return lang === 'en' ? `${m[1]}–${m[2]}` : `${m[1]}–${m[2]}年`;
  m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return lang === 'en' ? p : `${m[1]}年${Number(m[2])}月`;
  return p;
}

// Indicator summary: "同比增长 5.2%(2025年第1–3季度,目标值)".
export function formatIndicator(props, lang = 'zh') {
  if (!props || props.value === undefined) return '';
  const kind = INDICATOR_KINDS[props.kind] ? INDICATOR_KINDS[props.kind][lang] : '';
  const value = `${formatNumber(Number(props.value), lang)}${props.unit ?? ''}`;
  const extras = [];
  if (props.period) extras.push(formatPeriod(props.period, lang));
  if (props.target === true) extras.push(lang === 'en' ? 'target' : '目标值');
  const head = kind ? `${kind} ${value}` : value;
  if (!extras.length) return head;
  return lang === 'en' ? `${head} (${extras.join(', ')})` : `${head}(${extras.join(',')})`;
}

// One property in human form, by property name, else by value shape.
export function formatProperty(name, value, lang = 'zh') {
  if (value === null || value === undefined) return '';
  if (name === 'size' || (typeof value === 'object' && !Array.isArray(value) && 'cny' in value)) {
    return formatAmount(value, lang);
  }
  if (name === 'level') return formatLevels(value, lang);
  if (name === 'period') return formatPeriod(value, lang);
  if (name === 'kind' && INDICATOR_KINDS[value]) return INDICATOR_KINDS[value][lang];
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (Array.isArray(value)) return value.map((v) => formatProperty('', v, lang)).join(lang === 'en' ? ', ' : '、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
