// Curation: the token (asked once per browser session, kept in
// sessionStorage "policykg.token"), and the dialogs that add or remove a
// link, merge nodes or split a merge. Each change goes to the server first;
// only its answer changes the view, so what is shown is what was stored.
// A 401 forgets the token and asks again once.
//
// Interface: new Curation(dom, schema); addLink(from, to) → Edge | null,
// deleteLink(id) → bool, merge(nodes) → {id, node} | null,
// split(key) → id | null (null when the analyst cancels).
// Does not touch the graph: main.js applies the answers.
import { api, ApiError, setToken } from './api.js';
import { edgeTypeName, nodeName, t } from './i18n.js';

const KEY = 'policykg.token';

// Resolves with the dialog's returnValue when it closes.
export function ask(dialog) {
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

// Edge types the schema allows from a node of `fromLabels` to `toLabels`
// (its type and ancestors): both ends listed in from/to ('*', or an empty
// list as /api/schema sends it, admits any), and, when the type lists
// `pairs`, one pair matching both ends.
export function allowedEdgeTypes(schema, fromLabels, toLabels) {
  const admits = (list, labels) => list.length === 0 || list.includes('*') || labels.some((l) => list.includes(l));
  const paired = (et) => !Array.isArray(et.pairs) ||
    et.pairs.some(([a, b]) => admits([a], fromLabels) && admits([b], toLabels));
  return schema.edge_types
    .filter((et) => admits(et.from ?? ['*'], fromLabels) && admits(et.to ?? ['*'], toLabels) && paired(et))
    .map((et) => et.name);
}

export class Curation {
  constructor(dom, schema) {
    this.dom = dom;
    this.schema = schema;
    setToken(sessionStorage.getItem(KEY));
  }

  // Asks for the token unless one is kept; `problem` is shown in the
  // dialog (why it asks again).
  async ensureToken(force = false, problem = '') {
    if (!force && sessionStorage.getItem(KEY)) return true;
    this.dom.tokenInput.value = '';
    this.dom.tokenError.textContent = problem;
    this.dom.tokenError.hidden = !problem;
    if ((await ask(this.dom.tokenDialog)) !== 'ok' || !this.dom.tokenInput.value) return false;
    sessionStorage.setItem(KEY, this.dom.tokenInput.value);
    setToken(this.dom.tokenInput.value);
    return true;
  }

  // Runs a write; on 401 forgets the token, asks once more and retries.
  async write(fn) {
    if (!(await this.ensureToken())) return null;
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      sessionStorage.removeItem(KEY);
      setToken(null);
      this.dom.onStatus(t('status.unauthorized'), true);
      if (!(await this.ensureToken(true, t('status.unauthorized')))) return null;
      return fn();
    }
  }

  async reason(title, what) {
    this.dom.reasonTitle.textContent = title;
    this.dom.reasonWhat.textContent = what;
    this.dom.reasonInput.value = '';
    if ((await ask(this.dom.reasonDialog)) !== 'ok') return null;
    return this.dom.reasonInput.value.trim() || null;
  }

  async addLink(from, to) {
    if (!(await this.ensureToken())) return null;
    const types = allowedEdgeTypes(this.schema, from.labels ?? [from.type], to.labels ?? [to.type]);
    const select = this.dom.linkType;
    select.replaceChildren();
    for (const name of types) {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = `${edgeTypeName(name)} (${name})`;
      select.append(o);
    }
    this.dom.linkEnds.textContent = t('link.ends', { from: nodeName(from), to: nodeName(to) });
    this.dom.linkReason.value = '';
    if ((await ask(this.dom.linkDialog)) !== 'ok') return null;
    const body = { from: from.id, to: to.id, type: select.value, reason: this.dom.linkReason.value.trim() };
    const res = await this.write(() => api.addLink(body));
    return res ? res.edge ?? { id: res.id, ...body, props: { reason: body.reason, curated: true }, provenance: [] } : null;
  }

  async deleteLink(id) {
    if (!(await this.ensureToken())) return false;
    const why = await this.reason(t('reason.deleteLink'), id);
    if (why === null) return false;
    const res = await this.write(() => api.deleteLink(id));
    return !!res;
  }

  async merge(nodes) {
    if (!(await this.ensureToken())) return null;
    const box = this.dom.mergeKeep;
    box.replaceChildren();
    nodes.forEach((n, i) => {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'keep';
      radio.value = n.id;
      radio.checked = i === 0;
      label.append(radio, ` ${nodeName(n)} `);
      const key = document.createElement('span');
      key.className = 'hint';
      key.textContent = n.id;
      label.append(key);
      box.append(label);
    });
    this.dom.mergeReason.value = '';
    if ((await ask(this.dom.mergeDialog)) !== 'ok') return null;
    const keep = box.querySelector('input:checked').value;
    const body = { keep, merge: nodes.map((n) => n.id).filter((k) => k !== keep), reason: this.dom.mergeReason.value.trim() };
    return this.write(() => api.merge(body));
  }

  async split(key) {
    if (!(await this.ensureToken())) return null;
    const why = await this.reason(t('reason.split'), key);
    if (why === null) return null;
    const res = await this.write(() => api.split({ node: key, reason: why }));
    return res ? res.id : null;
  }
}
