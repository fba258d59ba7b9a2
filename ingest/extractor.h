// Extractor: one Chinese policy document (file bytes) → typed statements.
//
// The public interface of ingest/. The pipeline behind it, one stage a file:
//   decode.h (bytes → UTF-8, charset detection) → normalize.h (NFKC,
//   Traditional→Simplified, scraper artifacts, page chrome; offset map back to
//   the original bytes) → doc_metadata.h (title, publisher, date, 文号, 转载) →
//   structure.h (headings, sentences, clauses) → recognize.h (lexicons with an
//   Aho–Corasick matcher, pattern rules of data/rules/) → relate.h (edges) →
//   instrument.h (Rothwell–Zegveld category of each measure).
// Ids: the Document is "doc:" + 16 hex digits of a content hash of the bytes;
// named items are "<Type>:<canonical key>" (canonical_name.h), so the same item
// in two documents gets the same id and merges in the graph.
//
// What it does not do: resolve items across documents beyond equal canonical
// keys (the linker does), or decide what is stored (graph/ does).
//
// Thread safety: an Extractor is immutable after Create; Extract is const and
// may run on many threads at once.
// Tested in tests/ingest/extractor_test.cc (and one test per stage).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/schema.h"
#include "graph/statement_reader.h"
#include "ingest/normalize.h"

namespace pkg {

struct DocumentInput {
  std::string path;     // shown in messages; the basename may become a title hint
  std::string bytes;    // the original file bytes (any supported encoding)
  std::string id_hint;  // optional: a document id to use instead of the content hash
};

struct ExtractorData;    // lexicons, rules and matchers (ingest/extractor_data.h)
class JsonLinesWriter;  // graph/statement_writer.h

// Receives one document's statements by reference, in the order Extract
// gives them; each reference is valid only during the call (the extractor
// reuses the objects), so a visitor that keeps them copies.
class StatementVisitor {
 public:
  virtual ~StatementVisitor() = default;
  virtual void Node(const NodeStatement& n) = 0;
  virtual void Edge(const EdgeStatement& e) = 0;
  // A visitor that only writes the statements as JSON Lines may give its
  // writer: they then go to it as views (statement_writer.h: the same
  // bytes), and Node and Edge are not called.
  virtual JsonLinesWriter* json_lines() { return nullptr; }
};

class Extractor {
 public:
  ~Extractor();

  // Loads lexicons (data_dir/lexicon/*.tsv) and rules (data_dir/rules/*.tsv).
  // An empty data_dir means the folder of Schema::DefaultPath(). Errors name
  // the file and line ("data/rules/items.tsv:12: expected 4 fields, got 3").
  static Result<std::unique_ptr<Extractor>> Create(std::shared_ptr<const Schema> schema,
                                                   const std::string& data_dir);

  // Extracts one document: a Document node, the items it names, the edges
  // between them, MENTIONS from the document to each item, and provenance
  // (byte spans into doc.bytes, sentence index, rule id, quote).
  // Statements go to `sink` in order: every node before any edge naming it.
  // Undecodable input is an error naming the byte offset; an empty or
  // punctuation-only document yields just its Document node.
  Status Extract(const DocumentInput& doc, const std::function<void(Statement&&)>& sink) const;
  // The same statements by reference, without a Statement built per line
  // (the form for writing them out, e.g. policykg extract).
  Status Extract(const DocumentInput& doc, StatementVisitor& out) const;

  // The document's text as Extract reads it (decoded and normalised, page
  // chrome dropped), with the map back to the original bytes: what a later
  // pass over the same document (link/corpus_mentions.h) scans.
  Result<ingest::NormalizedText> Normalized(const DocumentInput& doc) const;

  const Schema& schema() const { return *schema_; }

 private:
  Extractor() = default;
  std::shared_ptr<const Schema> schema_;
  std::unique_ptr<const ExtractorData> data_;
};

// True when a file looks like a text document rather than statements JSONL:
// a .txt/.html/.htm/.md extension, or (otherwise) a head that does not start
// with '{' or "//" after white space. `head` is the first few KB of the file.
bool LooksLikeDocument(std::string_view path, std::string_view head);

}  // namespace pkg
