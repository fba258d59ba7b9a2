// Name keys shared by the linker's passes; see link_keys.h.
#include "link/link_keys.h"

#include <algorithm>
#include <cstring>

#include "base/text.h"
#include "graph/key_index.h"

namespace pkg::link_keys {

std::vector<std::string> Bigrams(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  std::vector<std::string> out;
  for (size_t i = 0; i + 2 < starts.size(); ++i) out.emplace_back(s.substr(starts[i], starts[i + 2] - starts[i]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// 文号 in one spelling: 国发〔2025〕11号, 国发[2025]11号 and 国发【2025】11号 agree.
std::string DocNumberKey(std::string_view number) {
  std::string s = NormalizeName(number);
  for (const char* br : {"〔", "【", "［", "(", "（", "〖"}) {
    for (size_t p; (p = s.find(br)) != std::string::npos;) s.replace(p, std::strlen(br), "[");
  }
  for (const char* br : {"〕", "】", "］", ")", "）", "〗"}) {
    for (size_t p; (p = s.find(br)) != std::string::npos;) s.replace(p, std::strlen(br), "]");
  }
  return s;
}

std::vector<std::string_view> NamesOf(std::string_view name, const std::vector<std::string>& aliases,
                                      std::string_view name_en) {
  std::vector<std::string_view> names = {name};
  for (const auto& a : aliases) names.push_back(a);
  if (!name_en.empty()) names.push_back(name_en);
  return names;
}

bool SimilarityCandidate(const NameKey& k) {
  // Six characters at least: below that one character is a sixth of the
  // name and "similar" means "different" (重点产业 / 重点产业链).
  return Utf8Length(k.key) >= 6;
}

uint64_t GramHash(TypeId type, const std::string& gram) {
  return HashBytes(std::to_string(type.v) + "\t" + gram) | 1;
}

}  // namespace pkg::link_keys
