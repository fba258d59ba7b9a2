// Page chrome line classifier; see page_chrome.h.
#include "ingest/page_chrome.h"

#include <memory>

#include "ingest/rules.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

bool PageChrome::HasMetadataLabel(std::string_view line) const {
  if (!metadata_labels) return false;
  size_t len = 0;
  for (size_t at = metadata_labels->Find(line, 0, &len); at != std::string_view::npos;
       at = metadata_labels->Find(line, at + 1, &len)) {
    if (at + len < line.size() && line[at + len] == ':') return true;
  }
  return false;
}

const PageChrome::FirstChars& PageChrome::LazyFirstChars::Get(const std::vector<std::string>& markers) const {
  if (const FirstChars* f = built_.load(std::memory_order_acquire)) return *f;
  auto fresh = std::make_unique<FirstChars>();
  for (const std::string& m : markers) {
    if (m.empty()) continue;
    size_t i = 0;
    const char32_t c = NextCp(m, i) & 0xFFFF;
    fresh->bits[c >> 6] |= uint64_t{1} << (c & 63);
  }
  FirstChars* expected = nullptr;
  if (built_.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) return *fresh.release();
  return *expected;  // another thread built it first
}

bool PageChrome::HasLineMarker(std::string_view line) const {
  const FirstChars& first = first_chars_.Get(line_markers);
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  for (size_t i = 0; i < line.size();) {
    const size_t at = i;
    char32_t c;
    const unsigned char b = u[i];
    if (b < 0x80) {
      c = b;
      ++i;
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < line.size()) {  // NextCp's answer for three bytes, inline
      c = (char32_t{b & 0x0Fu} << 12) | (char32_t{u[i + 1] & 0x3Fu} << 6) | (u[i + 2] & 0x3Fu);
      i += 3;
    } else {
      c = NextCp(line, i) & 0xFFFF;
    }
    if (!((first.bits[c >> 6] >> (c & 63)) & 1)) continue;
    size_t len = 0;
    if (line_marker_words->PrefixAt(line, at, &len)) return true;
  }
  return false;
}

PageChrome::Verdict PageChrome::Classify(std::string_view line) const {
  size_t a = line.find_first_not_of(' ');
  if (a == std::string_view::npos) return Verdict::kText;
  line.remove_prefix(a);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  // Every test below needs at most 60 characters; a line of more than 240
  // bytes has more than 60 (a character is at most 4 bytes): a paragraph.
  if (line.size() > 240) return Verdict::kText;
  size_t cps = CpCountFast(line);
  if (cps <= 12) {
    for (const auto& m : tail_markers) {
      if (line.substr(0, m.size()) == m) return Verdict::kTail;
    }
  }
  // A list of links under a tail marker, on one line: "相关链接: 中国政府网 | 工业和信息化部".
  if (cps <= 60) {
    for (const auto& m : tail_markers) {
      if (line.substr(0, m.size()) == m && line.substr(m.size(), 1) == ":" &&
          line.find('|', m.size()) != std::string_view::npos) {
        return Verdict::kChrome;
      }
    }
  }
  // Long lines are text: a marker such as 注册 or 登录 inside a sentence means nothing.
  if (cps <= 60) {
    if (line_marker_words) {
      if (HasLineMarker(line) && !HasMetadataLabel(line)) return Verdict::kChrome;
    } else {
      for (const auto& m : line_markers) {
        if (line.find(m) != std::string_view::npos && !HasMetadataLabel(line)) return Verdict::kChrome;
      }
    }
  }
  // Menu entries: "- 政策解读", "· 首页", "| 关于我们", "> 新闻".
  if (cps <= 16 && (line.substr(0, 2) == "- " || line.substr(0, 2) == "* " || line.substr(0, 2) == "| " ||
                    line.substr(0, 2) == "> " || line.substr(0, 3) == "\xC2\xB7 ")) {
    return Verdict::kChrome;
  }
  // Short lines without Chinese characters or digits: "Network", "English", "EN | 中".
  if (cps <= 24) {
    bool han = false, digit = false;
    for (size_t i = 0; i < line.size();) {
      char32_t c = NextCp(line, i);
      han |= IsHan(c);
      digit |= IsAsciiDigit(c);
    }
    if (!han && !digit) return Verdict::kChrome;
  }
  return Verdict::kText;
}

}  // namespace pkg::ingest
