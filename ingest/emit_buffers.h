// Emit's working parts: where statements go (views to a JSON writer, or
// reused statements) and per-document look-ups (the sentence quotes, schema
// type ids by name), so that writing a document's statements allocates
// little after the first.
// Internal to emit.cc; tested through tests/ingest/emit_test.cc and the
// output of every extraction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "graph/statement.h"
#include "graph/statement_writer.h"
#include "ingest/extractor.h"
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
// Names come at many addresses (each lexicon entry holds its type), so
// they are compared by content: those of 4 to 16 bytes as two overlapping
// words, without a call to memcmp.
template <class Id>
class TypeIds {
 public:
  template <class Find>
  std::optional<Id> Get(std::string_view name, Find&& find) {
    for (const auto& [n, id] : seen_) {
      if (n.size() == name.size() && Equal(n, name)) return id;
    }
    seen_.emplace_back(name, find(name));
    return seen_.back().second;
  }

 private:
  // a == b, for a and b of one size.
  static bool Equal(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n >= 8 && n <= 16) return Word<uint64_t>(a, 0) == Word<uint64_t>(b, 0) && Word<uint64_t>(a, n - 8) == Word<uint64_t>(b, n - 8);
    if (n >= 4 && n < 8) return Word<uint32_t>(a, 0) == Word<uint32_t>(b, 0) && Word<uint32_t>(a, n - 4) == Word<uint32_t>(b, n - 4);
    return n == 0 || std::memcmp(a.data(), b.data(), n) == 0;
  }
  template <class W>
  static W Word(std::string_view s, size_t at) {
    W w;
    std::memcpy(&w, s.data() + at, sizeof w);
    return w;
  }
  std::vector<std::pair<std::string_view, std::optional<Id>>> seen_;
};

// s = v in the string's own buffer: an append to the cleared string (no
// check for v inside s, which never holds here).
inline void Set(std::string& s, std::string_view v) {
  s.clear();
  s.append(v.data(), v.size());
}

// Nodes by key: an open-addressed table (linear probing, at most half full)
// of each key's hash and node index, so that a document's keys are looked up
// without a node allocated per key. The keys themselves are read through
// `key_of(node)` when hashes agree.
class NodeIndex {
 public:
  explicit NodeIndex(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    slots_.assign(cap, Slot{});
  }
  // The node of key `k`, else -1.
  template <class KeyOf>
  int Find(std::string_view k, KeyOf&& key_of) const {
    const uint64_t h = KeyHash{}(k);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask; slots_[i].node >= 0; i = (i + 1) & mask) {
      if (slots_[i].hash == h && key_of(slots_[i].node) == k) return slots_[i].node;
    }
    return -1;
  }
  // The node of key `k`; when there is none, `fresh` becomes it. Returns the
  // node and whether it was added.
  template <class KeyOf>
  std::pair<int, bool> FindOrAdd(std::string_view k, int fresh, KeyOf&& key_of) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t h = KeyHash{}(k);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (; slots_[i].node >= 0; i = (i + 1) & mask) {
      if (slots_[i].hash == h && key_of(slots_[i].node) == k) return {slots_[i].node, false};
    }
    slots_[i] = Slot{h, fresh};
    ++size_;
    return {fresh, true};
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    int node = -1;  // -1: empty
  };
  void Grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& s : slots_) {
      if (s.node < 0) continue;
      size_t i = s.hash & mask;
      while (bigger[i].node >= 0) i = (i + 1) & mask;
      bigger[i] = s;
    }
    slots_.swap(bigger);
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// Where a document's statements go: straight to the visitor's JSON Lines
// writer as views when it offers one (extractor.h), else into one reused
// statement of each kind (their strings keep their capacity) handed to it.
class StatementOut {
 public:
  explicit StatementOut(StatementVisitor& v) : v_(v), json_(v.json_lines()) {}
  void Node(const NodeView& n) {
    if (json_) return json_->Append(n);
    Set(node_.id, n.id);
    Set(node_.type, n.type);
    Set(node_.name, n.name);
    Set(node_.name_en, n.name_en);
    node_.aliases.resize(n.aliases.size());
    for (size_t a = 0; a < n.aliases.size(); ++a) Set(node_.aliases[a], n.aliases[a]);
    if (n.props) {
      node_.props = *n.props;
    } else {
      node_.props.clear();
    }
    Fill(node_.sources, n.sources);
    v_.Node(node_);
  }
  void Edge(const EdgeView& e) {
    if (json_) return json_->Append(e);
    Set(edge_.type, e.type);
    Set(edge_.from, e.from);
    Set(edge_.to, e.to);
    Fill(edge_.sources, e.sources);
    v_.Edge(edge_);
  }

 private:
  static void Fill(std::vector<Provenance>& to, std::span<const ProvenanceView> from) {
    to.resize(from.size());
    for (size_t i = 0; i < from.size(); ++i) {
      Provenance& p = to[i];
      Set(p.document, from[i].document);
      p.begin = from[i].begin;
      p.end = from[i].end;
      p.sentence = from[i].sentence;
      Set(p.rule, from[i].rule);
      Set(p.quote, from[i].quote);
    }
  }
  StatementVisitor& v_;
  JsonLinesWriter* json_;
  NodeStatement node_;
  EdgeStatement edge_;
};

}  // namespace pkg::ingest::emit
