// Lexicon loading: the data files into entries and surfaces; see lexicon.h.
#include "ingest/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "base/tsv.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  for (size_t p = 0; p <= s.size();) {
    size_t q = s.find('|', p);
    if (q == std::string_view::npos) q = s.size();
    if (q > p) out.emplace_back(s.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

}  // namespace

Status Lexicon::AddFile(std::string_view text, const std::string& origin, bool templates) {
  return ForEachTsvRow(text, [&](size_t line_no, std::string_view line, std::vector<std::string>& f) -> Status {
    std::string where = origin + ":" + std::to_string(line_no);
    if (!IsValidUtf8(line)) return Status::Invalid(where + ": not valid UTF-8");
    if (f.size() < 2 || f[0].empty() || f[1].empty()) {
      return Status::Invalid(where + ": expected at least type and name (tab-separated), got " +
                             std::to_string(f.size()) + " field(s)");
    }
    f.resize(8);
    if (templates) {
      templates_.push_back(Template{f[1], f[3], SplitBar(f[2]), SplitBar(f[4])});
      if (templates_.back().levels.empty()) return Status::Invalid(where + ": a template needs its levels (5th field)");
      return Status::OK();
    }
    LexEntry x;
    x.type = f[0];
    x.name = f[1];
    x.aliases = SplitBar(f[2]);
    x.name_en = f[3];
    x.level = f[4];
    if (x.type == "Region"sv) {
      x.parent = f[5];
      x.pinyin = f[7];
    } else {
      x.part_of = SplitBar(f[5]);
    }
    uint32_t id = static_cast<uint32_t>(entries_.size());
    by_type_name_.emplace(x.type + "\t" + x.name, id);
    for (const auto& a : x.aliases) by_type_name_.emplace(x.type + "\t" + a, id);
    if (x.type == "Region"sv) {
      region_by_name_.emplace(x.name, id);
      for (const auto& a : x.aliases) region_by_name_.emplace(a, id);
    }
    entries_.push_back(std::move(x));
    return Status::OK();
  });
}

void Lexicon::AddSurface(const std::string& s, uint32_t entry, const std::string& bare_level) {
  if (s.empty()) return;
  int32_t id = ac_.Add(s);
  if (id < 0) return;
  if (static_cast<size_t>(id) == surfaces_.size()) surfaces_.push_back(Surface{entry, bare_level});
}

int32_t Lexicon::AddHelperPattern(std::string_view s) {
  int32_t id = ac_.Add(s);
  if (id >= 0 && static_cast<size_t>(id) == surfaces_.size()) surfaces_.push_back(Surface{kNoEntry, ""});
  return id;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("lexicon folder " + dir + " does not exist");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  auto lex = std::make_shared<Lexicon>();
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string name = p.filename().string();
    if (name == "place_readings.tsv") {
      std::string line;
      while (std::getline(ss, line)) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) {
          return Status::Invalid(p.string() + ": expected 'word<TAB>pinyin', got '" + line + "'");
        }
        lex->place_readings_.emplace_back(line.substr(0, tab), line.substr(tab + 1));
      }
      // Longer words first (长子 before 长), as add_region_pinyin.py does.
      std::stable_sort(lex->place_readings_.begin(), lex->place_readings_.end(),
                       [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      continue;
    }
    if (name == "ambiguous.tsv" || name == "guards.tsv") {
      std::string line;
      auto& words = name == "guards.tsv" ? lex->guards_ : lex->ambiguous_;
      while (std::getline(ss, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') words.push_back(line);
      }
      continue;
    }
    PKG_RETURN_IF_ERROR(lex->AddFile(ss.str(), p.string(), name == "agency_templates.tsv"));
  }
  lex->Instantiate();
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace pkg::ingest
