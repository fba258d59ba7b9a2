// The legend: one entry per concrete node type (colour and shape, name in
// the current language, count in the view) and per edge type (line style);
// clicking an entry hides or shows that type in the view.
//
// Interface: new Legend(nodeList, edgeList, schema, view).render() — call
// render() again after the view or the language changes.
import { edgeTypeName, typeName } from './i18n.js';
import { legendLine, legendSwatch } from './graph_style.js';

export class Legend {
  constructor(nodeList, edgeList, schema, view) {
    Object.assign(this, { nodeList, edgeList, schema, view });
  }

  entry(type, label, picture, count) {
    const li = document.createElement('li');
    li.dataset.type = type;
    li.title = type;
    li.classList.toggle('off', this.view.hiddenTypes.has(type));
    li.setAttribute('role', 'switch');
    li.setAttribute('aria-checked', String(!this.view.hiddenTypes.has(type)));
    li.tabIndex = 0;
    const pic = document.createElement('span');
    pic.innerHTML = picture; // generated SVG from graph_style.js, no user text
    const name = document.createElement('span');
    name.textContent = label;
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = count ? String(count) : '';
    li.append(pic, name, c);
    const toggle = () => {
      this.view.toggleType(type);
      this.render();
    };
    li.addEventListener('click', toggle);
    li.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle()));
    return li;
  }

  render() {
    const counts = new Map();
    this.view.cy.elements().forEach((el) => counts.set(el.data('type'), (counts.get(el.data('type')) ?? 0) + 1));
    this.nodeList.replaceChildren(...this.schema.node_types.filter((t) => !t.abstract)
      .map((t) => this.entry(t.name, typeName(t.name), legendSwatch(t.name), counts.get(t.name))));
    this.edgeList.replaceChildren(...this.schema.edge_types
      .map((t) => this.entry(t.name, edgeTypeName(t.name), legendLine(t.name), counts.get(t.name))));
  }
}
