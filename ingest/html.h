// Web pages saved as files: the markup out, the text in, offsets kept.
//
// Analysts save policy pages from government sites; `extract` and `load`
// accept .html files, and scrapers often keep the markup. Between decode and
// normalise, a page's text is taken out of its markup:
//   - comments and the contents of <script>, <style>, <noscript>,
//     <template>, <svg> and <iframe> go;
//   - a block element (<p>, <div>, <br>, <li>, <h1>…<h6>, <tr>, <title>, …)
//     ends a line, a table cell (<td>, <th>) is a space, any other tag is
//     nothing;
//   - character references are decoded: the named ones policy pages use
//     (&nbsp; &amp; &lt; &gt; &quot; &ldquo; &rdquo; &mdash; &hellip; …) and
//     every &#NNNN; / &#xHHHH; (an unknown name stays as written).
// The offset map is carried through: every output byte maps to the original
// byte its character came from (a reference maps to its whole span), so
// provenance still points into the file the user gave.
//
// Does not: parse HTML into a tree, follow the declared charset (decode.h
// has already sniffed it), or judge which parts of a page are navigation
// (normalise's page-chrome rules do that on the lines this produces).
// Tested in tests/ingest/html_test.cc.
#pragma once

#include <string_view>

#include "ingest/decode.h"

namespace pkg::ingest {

// Whether decoded text is an HTML page: after spaces it starts with '<' and
// its first 4 KB hold one of <!doctype, <html, <head, <body, <p, <div, <br,
// <table (any case).
bool LooksLikeHtml(std::string_view utf8);

// The text of an HTML page, with the offset map composed through `in`'s.
DecodedText StripHtml(const DecodedText& in);

}  // namespace pkg::ingest
