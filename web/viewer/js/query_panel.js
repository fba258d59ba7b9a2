// The Cypher editor: example queries one click away, Run (button or
// Ctrl+Enter), and query errors shown as the server's message with the
// caret under the offending place. The caret comes from the server's
// `caret` (query line + caret line, display columns); when absent it is
// rebuilt here from position.line / position.column (1-based display
// columns), and the faulty character is selected in the editor.
//
// Interface: new QueryPanel(elements, onResult) — onResult(result, text)
// gets the /api/query answer. Does not draw results (results_table.js) or
// the graph (main.js).
import { api } from './api.js';
import { t } from './i18n.js';
import { caretLine, displayColumnToIndex, displayWidth } from './text_utf8.js';

export const EXAMPLES = [
  { key: 'query.ex.supporters', text: "CALL supporters('AI+制造') YIELD measure, path RETURN measure, path" },
  { key: 'query.ex.funds', text: 'MATCH (f:Fund)-[r:FUNDS]->(x) RETURN f, r, x' },
  { key: 'query.ex.pilots', text: 'MATCH path = (p:Pilot)-[:SUPPORTS|PART_OF*1..3]->(g:Goal) RETURN p, g, path' },
];

// The two caret lines for an error, or null without position information.
export function caretText(query, error) {
  if (typeof error.caret === 'string' && error.caret) return error.caret;
  if (Array.isArray(error.caret)) return error.caret.join('\n');
  const pos = error.position;
  if (!pos || !Number.isInteger(pos.line) || !Number.isInteger(pos.column)) return null;
  const line = query.split('\n')[pos.line - 1] ?? '';
  return `${line}\n${caretLine(line, displayColumnToIndex(line, pos.column))}`;
}

// UTF-16 index in `query` of an error position (line, display column).
export function errorIndex(query, position) {
  if (!position || !Number.isInteger(position.line)) return -1;
  const lines = query.split('\n');
  let index = 0;
  for (let i = 0; i < position.line - 1 && i < lines.length; i++) index += lines[i].length + 1;
  const line = lines[position.line - 1] ?? '';
  return index + displayColumnToIndex(line, position.column ?? 1);
}

export class QueryPanel {
  constructor({ input, run, examples, errorBox, errorMessage, errorCaret }, onResult, onStatus) {
    Object.assign(this, { input, run, examples, errorBox, errorMessage, errorCaret, onResult, onStatus });
    run.addEventListener('click', () => this.execute());
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.execute();
      }
    });
    this.renderExamples();
  }

  renderExamples() {
    this.examples.replaceChildren();
    for (const ex of EXAMPLES) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t(ex.key);
      b.title = ex.text;
      b.dataset.example = ex.key;
      b.addEventListener('click', () => {
        this.input.value = ex.text;
        this.execute();
      });
      this.examples.append(b);
    }
  }

  async execute() {
    const text = this.input.value.trim();
    if (!text) return;
    this.errorBox.hidden = true;
    this.run.disabled = true;
    try {
      const result = await api.query(text);
      this.onResult(result, text);
    } catch (e) {
      this.showError(this.input.value, e);
    } finally {
      this.run.disabled = false;
    }
  }

  showError(query, error) {
    this.errorMessage.textContent = `${t('query.error')}: ${error.message}`;
    const caret = caretText(query, error);
    this.errorCaret.textContent = caret ?? '';
    this.errorCaret.hidden = !caret;
    this.errorBox.hidden = false;
    if (caret) {
      // Long lines: scroll so the caret is in sight (the column is narrow).
      const [over = '', under = ''] = caret.split('\n');
      const share = under.indexOf('^') / Math.max(displayWidth(over), 1);
      this.errorCaret.scrollLeft = Math.max(0, share * this.errorCaret.scrollWidth - this.errorCaret.clientWidth / 2);
    }
    const at = errorIndex(query, error.position);
    if (at >= 0) {
      this.input.focus();
      const next = query.codePointAt(at) > 0xffff ? 2 : 1;
      this.input.setSelectionRange(at, Math.min(at + next, query.length));
    }
    this.onStatus?.(t('status.error', { message: error.message }), true);
  }
}
