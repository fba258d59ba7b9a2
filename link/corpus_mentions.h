// Corpus mentions: after every document of a load is extracted, each text is
// read again for the names of the items found anywhere in the corpus, and
// every place that names one becomes provenance on the item's node and a
// MENTIONS edge from the document (rule "link.corpus_mention").
//
// Why: the extractor creates an item where a sentence sets it up or
// describes it (设立…基金, 实施…行动); a news page, a reprint in Traditional
// characters, an English brief or a notice that only names the fund in
// passing would otherwise not mention it at all, and "which documents mention
// 先导产业母基金" would miss them. The linker (linker.h) runs after this pass
// and merges the nodes the names point at as usual.
//
// Which items: Measures (Initiative, Fund, Platform, Pilot, Policy),
// Enterprises and Agencies, by their names, aliases and English names (mention_scan.h
// says which names are specific enough and how a region prefix is read).
// A match inside a span the extractor already gave an item of the same
// document is skipped (it is that item, or part of a longer name), and so is
// one overlapping such a span when the document already mentions the item. At most
// `max_per_item` places per document and item are recorded.
//
// What it does not do: create items (only names already in the graph are
// looked for), or read documents the load did not extract (statements files
// carry no text).
//
// Tested in tests/link/corpus_mentions_test.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "graph/graph_builder.h"
#include "graph/statement_reader.h"
#include "link/mention_scan.h"

namespace pkg {

// A document of the load, as the first pass saw it.
struct CorpusDocument {
  std::string path;  // where to read it again
  std::string key;   // its Document node
  // Original-byte spans the extractor gave items of this document.
  std::vector<std::pair<uint64_t, uint64_t>> item_spans;
  std::vector<std::string> mentioned;  // keys of the items it MENTIONS already
};

// A document's text as extraction normalises it, with the map back to the
// original bytes (ingest/normalize.h: orig has text.size() + 1 entries).
struct NormalizedDocument {
  std::string text;
  std::vector<uint32_t> orig;
};
using DocumentNormalizer = std::function<Result<NormalizedDocument>(const CorpusDocument&)>;

struct CorpusMentionOptions {
  std::string data_dir;  // for data/linking/rules.tsv and data/lexicon/regions.tsv
  size_t max_per_item = 4;
  // Called after each document with (documents done, documents in all).
  std::function<void(size_t, size_t)> progress;
};

struct CorpusMentionReport {
  size_t items = 0;       // items whose names were looked for
  size_t names = 0;       // distinct keys of those names
  size_t places = 0;      // places recorded (provenance entries added)
  size_t new_pairs = 0;   // (document, item) pairs the first pass had not linked
  std::vector<std::string> skipped;  // documents that could not be read again, and why
};

// REQUIRES: every document of `docs` has been added to `builder`.
Result<CorpusMentionReport> AddCorpusMentions(GraphBuilder& builder, const std::vector<CorpusDocument>& docs,
                                              const DocumentNormalizer& normalize,
                                              const CorpusMentionOptions& opts);

// ---- Shared with base_mentions.h.

// The first pass's reading wins: a place inside a span it gave an item, or
// over one when the document already mentions the item, is skipped.
bool SkipPlace(const CorpusDocument& doc, uint64_t begin, uint64_t end, bool already_mentioned);
// The statements for `places` of one item in one document: the item's node
// with one provenance entry per place (rule "link.corpus_mention", the
// sentence as quote; a written form `known_name` does not know becomes an
// alias), then the document's MENTIONS edge.
void MentionStatements(const CorpusDocument& doc, const NormalizedDocument& text, const std::string& item_key,
                       const std::string& item_type, const std::vector<const NameHit*>& places,
                       const std::function<bool(const std::string& normalized)>& known_name,
                       std::vector<Statement>& out);
// The sentence around [begin, end) of `text`: from the previous sentence end
// (。！？ or a line end) to the next, at most ~300 bytes either side.
std::string SentenceAround(std::string_view text, size_t begin, size_t end);
// The name as written, without surrounding quotes and 《》.
std::string WrittenName(std::string_view s);

}  // namespace pkg
