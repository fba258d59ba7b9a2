// Mention: one recognised item in one place of a document, and the context
// the recognise and relate stages share.
//
// A Mention is what recognize.h finds (a typed name with its span, rule and
// properties); canonical_name.h gives it a key; relate.h joins mentions with
// edges; extractor.cc turns them into statements. Several mentions with the
// same key are one node.
//
// Tested through tests/ingest/recognize_test.cc and relate_test.cc.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/value.h"
#include "ingest/doc_metadata.h"
#include "ingest/lexicon.h"
#include "ingest/rules.h"
#include "ingest/structure.h"
#include "ingest/word_hits.h"

namespace pkg::ingest {

// A view of a name that outlives every mention: a literal, a rule's id or arg, a lexicon
// entry's field. Unlike a plain string_view it cannot be made from a temporary std::string
// (`m.rule = r ? r->id : "x"` yields one), so that mistake fails to compile instead of
// dangling.
class StableName : public std::string_view {
 public:
  constexpr StableName() = default;
  constexpr StableName(const char* s) : std::string_view(s) {}
  constexpr StableName(std::string_view s) : std::string_view(s) {}
  StableName(const std::string& s) : std::string_view(s) {}
  StableName(std::string&&) = delete;
};

struct Mention {
  Span span;                         // normalised offsets of the name as written
  StableName type;                   // schema node type (a literal, a rule's arg, a lexicon entry's type)
  std::string name;                  // display name (quotes removed)
  std::vector<std::string> aliases;  // other forms seen (with quotes, abbreviations)
  StableName rule;                   // id of the rule, or "lexicon.<type>" (English names: the lexicon entry's)
  int sentence = -1;
  int lex_entry = -1;                // lexicon entry, when known
  PropertyMap props;                 // size, level, count, value, unit, kind, period, target
  bool embedded = false;             // inside another item's name: not a node on its own
  bool weak = false;                 // emit only when a relation uses it
  bool heading_goal = false;         // the goal stated by an item's heading
  bool doc_measure = false;          // the measure the document itself institutes
  bool cited = false;                // a cited document (《…》 or 文号)
  bool purpose = false;              // a goal named by the document's purpose clause
  std::string key;                   // canonical node id, set by canonical_name.h
};

// What the recognise and relate stages read about one document.
struct DocContext {
  std::string_view text;       // normalised text
  const Structure* st = nullptr;
  const DocMetadata* md = nullptr;
  const Lexicon* lex = nullptr;
  const RuleSet* rules = nullptr;
  std::string region;          // the document's region (short name), "" when unknown
  // Lexicon mentions sorted by span.begin (filled first by recognize.cc). Once
  // Recognize has read the overlaps, these keep no names, aliases or properties
  // (they moved to its result): spans, types, rules, sentences, entries, flags.
  const std::vector<Mention>* lexicon = nullptr;
  // Their span.begin, in the same order: the stages' binary searches read
  // these 4 bytes a mention instead of whole Mentions. SetLexicon fills both.
  std::vector<uint32_t> lexicon_begin;
  void SetLexicon(const std::vector<Mention>* mentions);
  // Index of the first lexicon mention starting at or after p (lexicon->size() when none).
  size_t LexiconFrom(uint32_t p) const;
  // The lexicon mention starting exactly at p, or nullptr.
  const Mention* LexiconAt(uint32_t p) const;
  // Every rule word in `text` (word_hits.h), for Words and FindIn. Call
  // once the text is final; without it both fall back to scanning.
  void IndexWords();
  // A kind's words, answered from the index for views into `text`.
  KindWords Words(RuleKind k) const { return KindWords(rules->Words(k), k, &hits_, text); }
  // The first word of kind k that starts in [from, end) and ends by `end`:
  // what rules->Words(k).Find(text.substr(0, end), from, len, rule) gives.
  size_t FindIn(RuleKind k, size_t from, size_t end, size_t* len = nullptr, const Rule** rule = nullptr) const {
    return Words(k).Find(text.substr(0, std::min(end, text.size())), from, len, rule);
  }

 private:
  WordHits hits_;
};

}  // namespace pkg::ingest
