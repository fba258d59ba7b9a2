// The details panel: everything known about the selected node or edge, in
// human form. A node shows its type and labels, key, aliases, instrument,
// properties (fund size in 亿元, platform levels and counts, indicator
// value/unit/period via format.js), degree, and every provenance quote with
// its document title; clicking a quote opens the document at that span. An
// edge shows its type, ends, reason and provenance; a curated link offers
// "delete", a merged node "split". The supporters list is shown here too.
//
// Interface: new DetailsPanel(body, actions) where actions = {openQuote(p),
// focus(key), deleteLink(edgeId), split(key)}; showNode(full),
// showEdge(edgeData, ends), showSupporters(answer, onPick), clear().
import { edgeTypeName, getLang, nodeName, t, typeName } from './i18n.js';
import { formatIndicator, formatProperty } from './format.js';
import { typeBadge } from './search_box.js';

const SKIP = new Set(['name', 'name_en', 'aliases', 'instrument']);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class DetailsPanel {
  constructor(body, actions, schema) {
    this.body = body;
    this.actions = actions;
    this.schema = schema;
    this.propZh = new Map((schema.properties ?? []).map((p) => [p.name, p.zh]));
    this.instruments = new Map((schema.instruments ?? []).map((i) => [i.name, i]));
  }

  clear() {
    this.body.replaceChildren(el('p', 'hint', t('details.empty')));
  }

  propLabel(name) {
    return getLang() === 'en' ? name.replace(/_/g, ' ') : this.propZh.get(name) ?? name;
  }

  instrumentLabel(name) {
    const i = this.instruments.get(name);
    if (!i) return name;
    return getLang() === 'en' ? `${name.replace(/_/g, ' ')} (${i.side})` : i.zh;
  }

  list(pairs) {
    const dl = el('dl', 'props');
    for (const [k, v] of pairs) {
      if (v === '' || v === null || v === undefined) continue;
      dl.append(el('dt', '', k));
      const dd = el('dd');
      if (v instanceof Node) dd.append(v);
      else dd.textContent = v;
      dl.append(dd);
    }
    return dl;
  }

  provenance(items) {
    const box = el('div', 'provenance');
    box.append(el('h3', '', `${t('details.provenance')} (${items.length})`));
    if (!items.length) box.append(el('p', 'hint', t('details.noProvenance')));
    for (const p of items) {
      if (!p.document) {
        // A curated fact: no document to open, the quote is the curator's reason.
        const d = el('div', 'quote curated-quote');
        d.append(el('span', 'text', p.quote || ''), el('span', 'doc', `${t('details.curated')} · ${p.rule || 'curated'}`));
        box.append(d);
        continue;
      }
      const b = el('button', 'quote');
      b.type = 'button';
      b.dataset.document = p.document;
      b.append(el('span', 'text', p.quote || `[${p.span?.join('–')}]`));
      b.append(el('span', 'doc', `《${p.document_title || p.document}》${p.rule ? ` · ${p.rule}` : ''}`));
      b.addEventListener('click', () => this.actions.openQuote(p));
      box.append(b);
    }
    return box;
  }

  showNode(n) {
    const lang = getLang();
    const head = el('div', 'row');
    head.append(typeBadge(n.type), el('strong', 'node-name', nodeName(n)));
    const props = n.props ?? {};
    const pairs = [
      [t('details.type'), `${typeName(n.type)} (${n.type})`],
      [t('details.labels'), (n.labels ?? []).map(typeName).join(lang === 'en' ? ', ' : '、')],
      [t('details.id'), n.id],
      [lang === 'en' ? 'Chinese name' : '英文名', lang === 'en' ? n.name : n.name_en],
      [t('details.aliases'), (n.aliases ?? []).join(lang === 'en' ? ', ' : '、')],
      [t('details.instrument'), n.instrument ? this.instrumentLabel(n.instrument) : ''],
      [t('details.indicator'), n.type === 'Indicator' ? formatIndicator(props, lang) : ''],
    ];
    for (const [k, v] of Object.entries(props)) {
      if (!SKIP.has(k)) pairs.push([this.propLabel(k), formatProperty(k, v, lang)]);
    }
    if (n.degree) pairs.push([t('details.degree'), t('details.degreeValue', n.degree)]);
    this.body.replaceChildren(head, this.list(pairs));
    if (Array.isArray(props.merged_from) && props.merged_from.length) {
      const b = el('button', 'danger', t('details.split'));
      b.type = 'button';
      b.id = 'btn-split';
      b.addEventListener('click', () => this.actions.split(n.id));
      this.body.append(b);
    }
    this.body.append(this.provenance(n.provenance ?? []));
    this.supportersBox = el('div', 'supporters');
    this.body.append(this.supportersBox);
  }

  showEdge(e, ends) {
    const lang = getLang();
    const head = el('div', 'row');
    head.append(el('strong', '', `${edgeTypeName(e.type)} (${e.type})`));
    const pairs = [
      [t('details.from'), ends.from ? nodeName(ends.from) : e.source],
      [t('details.to'), ends.to ? nodeName(ends.to) : e.target],
      [t('details.id'), e.serverId],
    ];
    for (const [k, v] of Object.entries(e.props ?? {})) pairs.push([this.propLabel(k), formatProperty(k, v, lang)]);
    this.body.replaceChildren(head, this.list(pairs));
    if (String(e.serverId).startsWith('link:')) {
      const b = el('button', 'danger', t('details.deleteLink'));
      b.type = 'button';
      b.id = 'btn-delete-link';
      b.addEventListener('click', () => this.actions.deleteLink(e.serverId));
      this.body.append(b);
    }
    this.body.append(this.provenance(e.provenance ?? []));
  }

  showSupporters(answer, onPick) {
    const box = this.supportersBox ?? this.body;
    box.replaceChildren();
    const measures = answer.measures ?? [];
    box.append(el('h3', '', measures.length ? t('details.supporters', { n: measures.length }) : t('details.noSupporters')));
    const ul = el('ul', 'measure-list');
    for (const m of measures) {
      const li = el('li');
      const a = el('button', 'link', nodeName(m.node));
      a.type = 'button';
      a.addEventListener('click', () => onPick(m));
      li.append(typeBadge(m.node.type), ' ', a, el('span', 'hint', ` (${(m.path?.edges ?? []).length})`));
      ul.append(li);
    }
    box.append(ul);
  }
}
