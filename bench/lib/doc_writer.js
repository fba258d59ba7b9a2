// Writes bench/compare's results into docs/performance.md without touching
// the hand-written analysis around them.
//
// Interface: replaceBlock(text, name, body) -> text; writeSection(file,
// name, body). A block is the text between "<!-- bench:NAME:begin -->" and
// "<!-- bench:NAME:end -->"; a missing block is appended at the end of the
// file (a missing file is created with a title). Only the named block
// changes, so the comparison run and the growth run update their own
// sections. Tested by bench/tests/report.test.js.
"use strict";
const fs = require("fs");

function replaceBlock(text, name, body) {
  const begin = `<!-- bench:${name}:begin -->`, end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${body.trim()}\n${end}`;
  const i = text.indexOf(begin), j = text.indexOf(end);
  if (i >= 0 && j > i) return text.slice(0, i) + block + text.slice(j + end.length);
  return text.replace(/\s*$/, "\n\n") + block + "\n";
}

function writeSection(file, name, body) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
  const tmp = file + ".tmp";
  fs.writeFileSync(tmp, replaceBlock(text, name, body));
  fs.renameSync(tmp, file);
}

module.exports = { replaceBlock, writeSection };
