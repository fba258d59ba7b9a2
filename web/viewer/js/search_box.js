// The search box: autocomplete over /api/search (Chinese, English, pinyin,
// aliases), each hit with a coloured type badge, the alias that matched and
// the English name. Arrow keys move, Enter or a click chooses, Escape
// closes. Typing is debounced and a newer request aborts the older one, so
// a slow answer never overwrites a fresh one.
//
// Interface: new SearchBox(input, list, onChoose) where onChoose(hit) gets
// a search result ({id, type, name, …}). Does not touch the graph.
import { api } from './api.js';
import { nodeName, t, typeName } from './i18n.js';
import { nodeStyle } from './graph_style.js';

export function typeBadge(type) {
  const b = document.createElement('span');
  b.className = 'badge';
  b.style.background = nodeStyle(type).color;
  b.textContent = typeName(type);
  return b;
}

export class SearchBox {
  constructor(input, list, onChoose) {
    this.input = input;
    this.list = list;
    this.onChoose = onChoose;
    this.hits = [];
    this.active = -1;
    this.timer = null;
    this.controller = null;
    input.addEventListener('input', () => {
      this.active = -1; // the list on screen is for older text
      this.schedule();
    });
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => this.hits.length && this.open());
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fetch(), 120);
  }

  async fetch() {
    const q = this.input.value.trim();
    if (this.controller) this.controller.abort();
    if (!q) {
      this.hits = [];
      this.close();
      return;
    }
    this.controller = new AbortController();
    try {
      const res = await api.search(q, 12, this.controller.signal);
      if (q !== this.input.value.trim()) return;
      this.hits = res.results ?? [];
      this.active = this.hits.length ? 0 : -1;
      this.render();
      if (this.pendingEnter && this.hits.length) this.choose(0); // Enter typed before the answer came
      this.pendingEnter = false;
    } catch (e) {
      if (e.name !== 'AbortError') {
        this.hits = [];
        this.renderMessage(t('status.error', { message: e.message }));
      }
    }
  }

  renderMessage(text) {
    this.list.replaceChildren();
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = text;
    this.list.append(li);
    this.open();
  }

  render() {
    if (!this.hits.length) {
      this.renderMessage(t('search.none'));
      return;
    }
    this.list.replaceChildren();
    this.hits.forEach((hit, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === this.active));
      li.dataset.id = hit.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = nodeName(hit);
      li.append(typeBadge(hit.type), name);
      if (hit.matched && hit.matched !== hit.name && hit.matched !== nodeName(hit)) {
        const m = document.createElement('span');
        m.className = 'matched';
        m.textContent = `(${hit.matched})`;
        li.append(m);
      }
      if (hit.name_en && nodeName(hit) !== hit.name_en) {
        const en = document.createElement('span');
        en.className = 'en';
        en.textContent = hit.name_en;
        li.append(en);
      }
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.choose(i);
      });
      this.list.append(li);
    });
    this.open();
  }

  onKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0 && this.hits.length) this.choose(this.active);
      else {
        this.pendingEnter = true;
        clearTimeout(this.timer);
        this.fetch();
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  choose(i) {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.input.value = hit.name;
    this.onChoose(hit);
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
