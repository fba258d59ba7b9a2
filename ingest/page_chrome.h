// Page chrome: which lines of a scraped web page are navigation rather than
// document text.
//
// A line is chrome when it is short (60 characters or fewer) and contains one of
// the markers of data/rules/chrome.tsv (当前位置, 分享到, 打印本页, 上一篇, …), when it is a short menu entry
// ("- 政策解读", "| 首页"), or when it is a short line with no Chinese and no
// digits ("Network", "English"). A line that is only a related-article heading
// (相关文章, 相关阅读, 推荐阅读, …: markers of kind chrome_tail) ends the
// document text: it and everything after it are chrome.
// What it does not do: look at HTML (input is text), or drop metadata lines
// such as 来源:/日期: (doc_metadata.h reads those): a line with a metadata
// label and its colon stays text even when it also holds a marker
// ("来源:X 发布时间:2025-03-07 浏览次数:1256").
//
// Tested in tests/ingest/normalize_test.cc.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pkg::ingest {

class WordSet;

struct PageChrome {
  std::vector<std::string> line_markers;  // a line containing one is chrome
  // Optional: the same markers as one WordSet (one pass over the line rather
  // than one search per marker). REQUIRES: exactly the words of line_markers.
  const WordSet* line_marker_words = nullptr;
  std::vector<std::string> tail_markers;  // a short line starting with one ends the text
  // Optional: the metadata labels (来源, 发布时间, …); a line where one is
  // followed by ':' is never chrome.
  const WordSet* metadata_labels = nullptr;

  enum class Verdict { kText, kChrome, kTail };
  // Thread-safe (several threads may classify with one PageChrome).
  Verdict Classify(std::string_view line) const;

 private:
  bool HasMetadataLabel(std::string_view line) const;
  // Does the line hold a word of line_marker_words? Steps from character to
  // character and asks the word set only where a marker's first character
  // stands (the same answer as line_marker_words->Find(line, 0) != npos).
  bool HasLineMarker(std::string_view line) const;

  // The first code points of line_markers, by their low 16 bits: built on
  // first use (from any thread); a copy of the PageChrome builds its own.
  struct FirstChars {
    uint64_t bits[(1u << 16) / 64] = {};
  };
  class LazyFirstChars {
   public:
    LazyFirstChars() = default;
    LazyFirstChars(const LazyFirstChars&) {}
    LazyFirstChars& operator=(const LazyFirstChars&) { return *this; }
    ~LazyFirstChars() { delete built_.load(); }
    const FirstChars& Get(const std::vector<std::string>& markers) const;

   private:
    mutable std::atomic<FirstChars*> built_{nullptr};
  };
  LazyFirstChars first_chars_;
};

}  // namespace pkg::ingest
