// Emit's working parts: reused statement strings and per-document look-ups
// (the sentence quotes, schema type ids by name, a hash for node keys), so
// that writing a document's statements allocates little after the first.
// Internal to emit.cc; tested through tests/ingest/emit_test.cc and the
// output of every extraction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "graph/statement.h"
#include "ingest/key_hash.h"
#include "ingest/mention.h"

namespace pkg::ingest::emit {

// A sentence's quote (its first 300 bytes), each computed once.
class Quotes {
 public:
  explicit Quotes(const DocContext& ctx) : ctx_(ctx), q_(ctx.st->sentences.size()), done_(ctx.st->sentences.size()) {}
  std::string_view operator()(int sentence) {
    if (sentence < 0 || sentence >= static_cast<int>(q_.size())) return "";
    if (!done_[sentence]) {
      const Span& sp = ctx_.st->sentences[sentence].span;
      q_[sentence] = Utf8Prefix(ctx_.text.substr(sp.begin, sp.end - sp.begin), 300);
      done_[sentence] = true;
    }
    return q_[sentence];
  }

 private:
  const DocContext& ctx_;
  std::vector<std::string_view> q_;
  std::vector<bool> done_;
};

// Schema type ids by name, each name looked up once (the names are few).
template <class Id>
class TypeIds {
 public:
  template <class Find>
  std::optional<Id> Get(std::string_view name, Find&& find) {
    for (const auto& [n, id] : seen_) {
      if (n.size() == name.size() && (n.data() == name.data() || std::memcmp(n.data(), name.data(), n.size()) == 0)) {
        return id;
      }
    }
    seen_.emplace_back(name, find(name));
    return seen_.back().second;
  }

 private:
  std::vector<std::pair<std::string_view, std::optional<Id>>> seen_;
};

// s = v in the string's own buffer: an append to the cleared string (no
// check for v inside s, which never holds here).
inline void Set(std::string& s, std::string_view v) {
  s.clear();
  s.append(v.data(), v.size());
}

// A string refilled from views that outlive it: a view equal (same address
// and size) to the one it holds already is not copied again.
class ViewSlot {
 public:
  explicit ViewSlot(std::string& s) : s_(s) {}
  void Set(std::string_view v) {
    if (v.data() == last_.data() && v.size() == last_.size() && v.data()) return;
    emit::Set(s_, v);
    last_ = v;
  }

 private:
  std::string& s_;
  std::string_view last_;
};

// v resized to n, its dropped elements kept in `spare` (their strings keep
// their capacity) and taken back first.
inline void ResizeSources(std::vector<Provenance>& v, size_t n, std::vector<Provenance>& spare) {
  while (v.size() > n) {
    spare.push_back(std::move(v.back()));
    v.pop_back();
  }
  while (v.size() < n) {
    if (spare.empty()) {
      v.emplace_back();
    } else {
      v.push_back(std::move(spare.back()));
      spare.pop_back();
    }
  }
}

}  // namespace pkg::ingest::emit
