// The document dialog: a source text with the provenance span the analyst
// clicked highlighted (and the document's other extracted spans lightly
// marked), scrolled into view.
//
// Spans are UTF-8 byte offsets (docs/api.md); they are converted with
// text_utf8.js, so a span never cuts a Chinese character, and overlapping
// spans are merged before marking. The text goes in as text nodes, never
// as HTML. Interface: new DocumentViewer(dialogElements).open(docId, span).
import { api } from './api.js';
import { t } from './i18n.js';
import { byteSpanToIndices } from './text_utf8.js';

// Non-overlapping UTF-16 ranges to mark: the current one plus the others
// that do not overlap it, sorted by start.
export function markRanges(text, current, others) {
  const cur = current ? byteSpanToIndices(text, current[0], current[1]) : null;
  const ranges = [];
  if (cur) ranges.push({ ...cur, current: true });
  const sorted = others
    .map((s) => byteSpanToIndices(text, s.begin, s.end))
    .filter((r) => r && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  let lastEnd = -1;
  for (const r of sorted) {
    if (cur && r.start < cur.end && r.end > cur.start) continue;
    if (r.start < lastEnd) continue;
    ranges.push({ ...r, current: false });
    lastEnd = r.end;
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export class DocumentViewer {
  constructor({ dialog, title, meta, body }) {
    Object.assign(this, { dialog, title, meta, body });
    dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
  }

  async open(docId, span) {
    const doc = await api.document(docId);
    const text = doc.text ?? '';
    this.title.textContent = doc.title || docId;
    const ranges = markRanges(text, span, doc.spans ?? []);
    const cur = ranges.find((r) => r.current);
    const props = doc.props ?? {};
    this.meta.textContent = t('doc.meta', { publisher: props.publisher ?? '', date: props.date ?? '',
      begin: span ? span[0] : '', end: span ? span[1] : '' }) + (cur && cur.clamped ? t('doc.clamped') : '');
    this.body.replaceChildren();
    let at = 0;
    let currentMark = null;
    for (const r of ranges) {
      if (r.start > at) this.body.append(text.slice(at, r.start));
      const mark = document.createElement('mark');
      mark.className = r.current ? 'span current' : 'span';
      mark.textContent = text.slice(r.start, r.end);
      if (r.current) currentMark = mark;
      this.body.append(mark);
      at = r.end;
    }
    if (at < text.length) this.body.append(text.slice(at));
    if (!this.dialog.open) this.dialog.showModal();
    currentMark?.scrollIntoView({ block: 'center' });
    return currentMark ? currentMark.textContent : null;
  }
}
