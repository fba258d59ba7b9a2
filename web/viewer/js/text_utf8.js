// UTF-8 byte offsets and display columns for Chinese text.
//
// The API gives provenance spans as [begin, end) byte offsets into a
// document's UTF-8 text, and query errors as display columns (a Chinese
// character is two columns wide). JavaScript strings index UTF-16 code
// units. This module converts between the three without ever cutting a
// character in half: an offset that falls inside a character is moved to
// that character's start (begin) or end (end).
//
// Pure functions, no DOM: used by the browser and by the mock server.
// Tested in tests/viewer/unit_test.mjs.

const encoder = new TextEncoder();

// Bytes in the UTF-8 encoding of one code point.
export function utf8Length(codePoint) {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

// Number of bytes in the UTF-8 encoding of `text`.
export function byteLength(text) {
  return encoder.encode(text).length;
}

// Converts a byte span [begin, end) of `text` (as UTF-8) into a UTF-16 span
// {start, end, clamped}. Offsets past the end are clamped to the end; an
// offset inside a multi-byte character is moved outwards to a character
// boundary and `clamped` is set. Returns null for a span that is not a pair
// of non-negative integers with begin <= end.
export function byteSpanToIndices(text, begin, end) {
  if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin) {
    return null;
  }
  let bytes = 0;
  let start = -1;
  let stop = -1;
  let clamped = false;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const next = bytes + utf8Length(cp);
    if (start < 0 && begin < next) {
      if (begin !== bytes) clamped = true;
      start = i;
    }
    if (stop < 0 && end <= bytes) {
      stop = i;
      break;
    }
    if (stop < 0 && end < next) {
      clamped = true;
      stop = i + units;
      break;
    }
    bytes = next;
    i += units;
  }
  if (start < 0) {
    start = text.length;
    if (begin > bytes) clamped = true;
  }
  if (stop < 0) {
    stop = text.length;
    if (end > bytes) clamped = true;
  }
  return { start, end: Math.max(start, stop), clamped };
}

// UTF-16 index of the character that starts at byte `offset` (or the next
// boundary after it); text.length past the end.
export function byteOffsetToIndex(text, offset) {
  const span = byteSpanToIndices(text, offset, offset);
  return span ? span.start : 0;
}

// Display width of one code point: 2 for East Asian wide and full-width
// characters (CJK ideographs, kana, Hangul, full-width forms, CJK
// punctuation), 0 for combining marks, 1 otherwise.
export function codePointWidth(cp) {
  if (cp === 0) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

// Display width of a string (sum over its code points).
export function displayWidth(text) {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0));
  return width;
}

// UTF-16 index within `line` of the character at 1-based display column
// `column`; a column inside a wide character gives that character; a
// column past the end gives line.length.
export function displayColumnToIndex(line, column) {
  let width = 0;
  let i = 0;
  for (const ch of line) {
    const w = codePointWidth(ch.codePointAt(0));
    if (column <= width + Math.max(w, 1)) return i;
    width += w;
    i += ch.length;
  }
  return line.length;
}

// A caret line for `line` pointing at UTF-16 index `index`: spaces as wide
// as the text before it (tabs kept, so terminals and <pre> align), then "^".
export function caretLine(line, index) {
  let out = '';
  for (const ch of line.slice(0, index)) {
    if (ch === '\t') out += '\t';
    else out += ' '.repeat(codePointWidth(ch.codePointAt(0)));
  }
  return out + '^';
}
