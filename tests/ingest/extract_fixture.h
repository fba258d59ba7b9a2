// A shared extractor for the ingest tests that read short texts end to end
// (the shipped schema and data/), and look-ups into what it yields. The
// tables of relation cases in tests/ingest/relate_*_test.cc use it.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/schema.h"
#include "ingest/extractor.h"

namespace pkg::testing {

inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto schema = Schema::Load(std::string(PKG_TEST_DIR) + "/../data/schema.json");
    REQUIRE(schema.ok());
    auto e = Extractor::Create(*schema, std::string(PKG_TEST_DIR) + "/../data");
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

inline std::vector<Statement> Extract(const std::string& text) {
  std::vector<Statement> out;
  Status s = SharedExtractor().Extract(DocumentInput{"test.txt", text, ""}, [&](Statement&& st) { out.push_back(std::move(st)); });
  REQUIRE(s.ok());
  return out;
}

inline bool HasNode(const std::vector<Statement>& st, const std::string& type, const std::string& name) {
  return std::any_of(st.begin(), st.end(), [&](const Statement& s) {
    auto* n = std::get_if<NodeStatement>(&s);
    return n && n->type == type && n->name == name;
  });
}

// An edge of `type` between the nodes named `from` and `to` (canonical names).
inline bool HasEdge(const std::vector<Statement>& st, const std::string& type, const std::string& from,
                    const std::string& to) {
  std::map<std::string, std::string> name_of;
  for (const auto& s : st) {
    if (auto* n = std::get_if<NodeStatement>(&s)) name_of[n->id] = n->name;
  }
  return std::any_of(st.begin(), st.end(), [&](const Statement& s) {
    auto* e = std::get_if<EdgeStatement>(&s);
    return e && e->type == type && name_of[e->from] == from && name_of[e->to] == to;
  });
}

// One row of a relation table: the text, the edge, and whether it is wanted.
struct EdgeCase {
  const char* text;
  const char* type;
  const char* from;
  const char* to;
  bool want = true;
};

inline void CheckEdges(const std::vector<EdgeCase>& cases) {
  for (const EdgeCase& c : cases) {
    INFO(c.text << "\n" << c.from << " -" << c.type << "-> " << c.to << (c.want ? "" : " (not wanted)"));
    CHECK(HasEdge(Extract(c.text), c.type, c.from, c.to) == c.want);
  }
}

}  // namespace pkg::testing
