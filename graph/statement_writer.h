// Statement writer: NodeStatement / EdgeStatement → one JSON line (no newline),
// in the form docs/statements.md describes and statement_reader.h reads back.
//
// Tested (round trip) in tests/graph/statement_reader_test.cc.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "graph/statement.h"
#include "graph/statement_reader.h"

namespace pkg {

std::string NodeStatementToJson(const NodeStatement& n);
std::string EdgeStatementToJson(const EdgeStatement& e);
std::string StatementToJson(const Statement& s);

// Statements as views of strings their writer holds elsewhere (the
// extractor's mentions, lexicon and text): written as the statement with
// the same values would be, without copying them into one first.
struct ProvenanceView {
  std::string_view document;
  uint64_t begin = 0, end = 0;
  int64_t sentence = -1;
  std::string_view rule, quote;
};
struct NodeView {
  std::string_view id, type, name, name_en;
  std::span<const std::string_view> aliases;
  const PropertyMap* props = nullptr;  // null: none
  std::span<const ProvenanceView> sources;
};
struct EdgeView {  // (no properties)
  std::string_view type, from, to;
  std::span<const ProvenanceView> sources;
};

// Statements as JSON Lines in one growing buffer: the same text as
// StatementToJson plus '\n' per statement, without a string per statement
// (the buffer is reused after clear(), so steady use allocates nothing).
// Not thread-safe: one writer per thread.
class JsonLinesWriter {
 public:
  JsonLinesWriter();
  ~JsonLinesWriter();
  JsonLinesWriter(const JsonLinesWriter&) = delete;
  JsonLinesWriter& operator=(const JsonLinesWriter&) = delete;
  void Append(const Statement& s);
  void Append(const NodeStatement& n);
  void Append(const EdgeStatement& e);
  void Append(const NodeView& n);
  void Append(const EdgeView& e);
  std::string_view view() const;  // valid until the next Append or clear
  void clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pkg
