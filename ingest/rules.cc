// Rule files; see rules.h.
#include "ingest/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "base/tsv.h"
#include "ingest/utf8.h"
#include "ingest/word_hits.h"

namespace pkg::ingest {

void StartFilter::Add(std::string_view word) {
  if (word.empty()) return;
  // The key, as MayStart builds it from the text.
  uint64_t w = 0;
  std::memcpy(&w, word.data(), word.size() < 8 ? word.size() : 8);
  const size_t n1 = LeadLen(static_cast<uint8_t>(w));
  const size_t n2 = n1 < word.size() ? n1 + LeadLen(static_cast<uint8_t>(w >> (8 * n1))) : n1;
  if (n1 > word.size() || n2 > word.size() || !IsValidUtf8(word.substr(0, n2))) {
    // Not whole characters (never in valid rule files): every bit, so the
    // filter cannot hide the word.
    std::fill(single_, single_ + (1u << kSlotBits) / 64, ~uint64_t{0});
    std::fill(pair_, pair_ + (1u << kSlotBits) / 64, ~uint64_t{0});
  } else if (n1 == word.size()) {
    SetSlot(single_, Slot(w & ByteMask(n1)));
  } else {
    SetSlot(pair_, Slot(w & ByteMask(n2)));
  }
}

namespace {

// The code point starting at s[i] (s[i] a lead byte), or ~0u for a
// continuation byte or a character cut off by the end of s.
inline uint32_t CpAt(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return b;
  size_t n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (n == 0 || i + n >= s.size()) return ~0u;
  uint32_t c = b & (0x3F >> n);
  for (size_t k = 1; k <= n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// The code point ending at s[end) (end > 0), or ~0u when s[end-1] ends none.
inline uint32_t CpBefore(std::string_view s, size_t end) {
  size_t j = end - 1;
  while (j > 0 && end - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  auto b = static_cast<unsigned char>(s[j]);
  size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (n != end - j) return ~0u;
  return CpAt(s.substr(0, end), j);
}

}  // namespace

void WordSet::Add(const std::string& word, const Rule* rule) {
  if (word.empty()) return;
  if (!Contains(word)) ++size_;
  start_.Add(word);
  // A word that does not end on a whole character sets every bit.
  if (const uint32_t l = CpBefore(word, word.size()); l == ~0u) {
    std::fill(last_, last_ + (1u << kFilterBits) / 64, ~uint64_t{0});
  } else {
    Set(last_, l);
  }
  // The first rule with a word wins.
  const uint32_t f = fwd_.Insert(word, false);
  fwd_rule_.resize(fwd_.nodes, nullptr);
  if (!fwd_rule_[f]) fwd_rule_[f] = rule;
  const uint32_t r = rev_.Insert(word, true);
  rev_rule_.resize(rev_.nodes, nullptr);
  if (!rev_rule_[r]) rev_rule_[r] = rule;
}

bool WordSet::Contains(std::string_view w) const {
  uint32_t n = 0;
  for (size_t i = 0; i < w.size();) {
    if (!(n = fwd_.Child(n, UnitTrie::UnitAt(w, &i)))) return false;
  }
  return !w.empty() && fwd_rule_[n] != nullptr;
}

const Rule* WordSet::PrefixAt(std::string_view text, size_t pos, size_t* len) const {
  if (pos >= text.size() || size_ == 0 || !start_.MayStart(text, pos)) return nullptr;
  return Walk(text, pos, len);
}

const Rule* WordSet::Walk(std::string_view text, size_t pos, size_t* len) const {
  const Rule* best = nullptr;
  uint32_t n = 0;
  for (size_t i = pos; i < text.size();) {
    if (!(n = fwd_.Child(n, UnitTrie::UnitAt(text, &i)))) break;
    if (const Rule* r = fwd_rule_[n]) {
      best = r;
      if (len) *len = i - pos;
    }
  }
  return best;
}

const Rule* WordSet::SuffixAt(std::string_view text, size_t end, size_t* len) const {
  if (end == 0 || end > text.size() || size_ == 0) return nullptr;
  if (uint32_t cp = CpBefore(text, end); cp != ~0u && !Test(last_, cp)) return nullptr;
  const Rule* best = nullptr;
  uint32_t n = 0;
  for (size_t i = end; i > 0;) {
    if (!(n = rev_.Child(n, UnitTrie::UnitBefore(text, &i)))) break;
    if (const Rule* r = rev_rule_[n]) {
      best = r;
      if (len) *len = end - i;
    }
  }
  return best;
}

size_t WordSet::Find(std::string_view text, size_t from, size_t* len, const Rule** rule) const {
  if (size_ == 0) return std::string_view::npos;
  for (size_t i = from; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 || !start_.MayStart(text, i)) continue;
    size_t n = 0;
    const Rule* r = Walk(text, i, &n);  // MayStart already passed
    if (r) {
      if (len) *len = n;
      if (rule) *rule = r;
      return i;
    }
  }
  return std::string_view::npos;
}

RuleSet::RuleSet() : all_(std::make_shared<AllWords>(by_kind_)) {}

Status RuleSet::AddText(std::string_view text, const std::string& origin) {
  Status read = ForEachTsvRow(text, [&](size_t line_no, std::string_view line, std::vector<std::string>& f) -> Status {
    std::string where = origin + ":" + std::to_string(line_no);
    if (f.size() != 4) {
      return Status::Invalid(where + ": expected 4 tab-separated fields (id, kind, arg, words), got " +
                             std::to_string(f.size()));
    }
    if (f[0].empty() || f[1].empty()) return Status::Invalid(where + ": empty rule id or kind");
    if (!IsValidUtf8(line)) return Status::Invalid(where + ": not valid UTF-8");
    auto r = std::make_unique<Rule>();
    r->id = f[0];
    r->kind = f[1];
    r->arg = f[2];
    r->origin = where;
    std::stringstream ws(f[3]);
    for (std::string w; std::getline(ws, w, '|');) {
      if (!w.empty()) r->words.push_back(w);
    }
    auto& same_kind = by_kind_[r->kind];
    r->order = same_kind.size();
    same_kind.push_back(r.get());
    rules_.push_back(std::move(r));
    return Status::OK();
  });
  if (!read.ok()) return read;
  Finish();
  return Status::OK();
}

void RuleSet::Finish() {
  words_.clear();
  words_by_arg_.clear();
  for (const auto& [kind, rules] : by_kind_) {
    WordSet& all = words_[kind];
    for (const Rule* r : rules) {
      WordSet& by_arg = words_by_arg_[{kind, r->arg}];
      for (const auto& w : r->words) {
        all.Add(w, r);
        by_arg.Add(w, r);
      }
    }
  }
  static const WordSet kNone;
  for (size_t k = 0; k < static_cast<size_t>(RuleKind::kCount); ++k) {
    auto it = words_.find(RuleKindName(static_cast<RuleKind>(k)));
    by_kind_id_[k] = it == words_.end() ? &kNone : &it->second;
    by_kind_arg_[k].clear();
  }
  for (const auto& [key, words] : words_by_arg_) {
    for (size_t k = 0; k < static_cast<size_t>(RuleKind::kCount); ++k) {
      if (key.first == RuleKindName(static_cast<RuleKind>(k))) by_kind_arg_[k].emplace_back(key.second, &words);
    }
  }
  all_ = std::make_shared<AllWords>(by_kind_);
}

Result<std::shared_ptr<const RuleSet>> RuleSet::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("rules folder " + dir + " does not exist");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  auto set = std::make_shared<RuleSet>();
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    PKG_RETURN_IF_ERROR(set->AddText(ss.str(), p.string()));
  }
  return std::shared_ptr<const RuleSet>(std::move(set));
}

const std::vector<const Rule*>& RuleSet::OfKind(std::string_view kind) const {
  static const std::vector<const Rule*> kNone;
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? kNone : it->second;
}

const WordSet& RuleSet::Words(std::string_view kind) const {
  static const WordSet kNone;
  auto it = words_.find(kind);
  return it == words_.end() ? kNone : it->second;
}

const WordSet& RuleSet::Words(RuleKind kind, std::string_view arg) const {
  static const WordSet kNone;
  for (const auto& [a, words] : by_kind_arg_[static_cast<size_t>(kind)]) {
    if (a == arg) return *words;
  }
  return kNone;
}

const WordSet& RuleSet::Words(std::string_view kind, std::string_view arg) const {
  static const WordSet kNone;
  auto it = words_by_arg_.find(std::pair<std::string_view, std::string_view>(kind, arg));
  return it == words_by_arg_.end() ? kNone : it->second;
}

}  // namespace pkg::ingest
