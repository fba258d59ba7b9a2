// AddCorpusMentions; see corpus_mentions.h.
#include "link/corpus_mentions.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "base/text.h"
#include "link/mention_scan.h"

namespace pkg {

namespace {
constexpr const char* kRule = "link.corpus_mention";
}  // namespace

std::string SentenceAround(std::string_view text, size_t begin, size_t end) {
  static const std::string_view kEnds[] = {"\n", "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x81" /* ！ */,
                                           "\xEF\xBC\x9F" /* ？ */, "!", "?"};
  size_t from = begin > 300 ? begin - 300 : 0, to = std::min(text.size(), end + 300);
  size_t s = from, e = to;
  for (std::string_view m : kEnds) {
    size_t p = text.rfind(m, begin == 0 ? 0 : begin - 1);
    if (p != std::string_view::npos && p + m.size() <= begin && p + m.size() > s) s = p + m.size();
    size_t q = text.find(m, end);
    if (q != std::string_view::npos && q + m.size() < e) e = q + m.size();
  }
  // Whole code points only (the ±300 cut may fall inside one).
  while (s < begin && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) ++s;
  while (e > end && e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
  std::string out(text.substr(s, e - s));
  // Trim white space.
  size_t a = out.find_first_not_of(" \t\r\n"), b = out.find_last_not_of(" \t\r\n");
  out = a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
  // Without its closing mark, as the extractor quotes sentences.
  for (std::string_view m : kEnds) {
    if (out.size() > m.size() && out.compare(out.size() - m.size(), m.size(), m) == 0) {
      out.resize(out.size() - m.size());
      break;
    }
  }
  return out;
}

std::string WrittenName(std::string_view s) {
  static const std::string_view kMarks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "\xE3\x80\x8A", "\xE3\x80\x8B"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view m : kMarks) {
      if (s.substr(0, m.size()) == m) { s.remove_prefix(m.size()); changed = true; }
      if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) { s.remove_suffix(m.size()); changed = true; }
    }
  }
  return std::string(s);
}

bool SkipPlace(const CorpusDocument& doc, uint64_t b, uint64_t e, bool already_mentioned) {
  return std::any_of(doc.item_spans.begin(), doc.item_spans.end(), [&](const auto& s) {
    return (s.first <= b && e <= s.second) || (already_mentioned && b < s.second && s.first < e);
  });
}

void MentionStatements(const CorpusDocument& doc, const NormalizedDocument& text, const std::string& item_key,
                       const std::string& item_type, const std::vector<const NameHit*>& places,
                       const std::function<bool(const std::string&)>& known_name, std::vector<Statement>& out) {
  NodeStatement node;
  node.id = item_key;
  node.type = item_type;
  for (const NameHit* h : places) {
    Provenance p;
    p.document = doc.key;
    p.begin = text.orig[h->begin];
    p.end = text.orig[h->end - 1] + 1;
    p.rule = kRule;
    p.quote = SentenceAround(text.text, h->begin, h->end);
    node.sources.push_back(std::move(p));
    std::string written = WrittenName(std::string_view(text.text).substr(h->begin, h->end - h->begin));
    if (!known_name(NormalizeName(written)) &&
        std::find(node.aliases.begin(), node.aliases.end(), written) == node.aliases.end()) {
      node.aliases.push_back(written);
    }
  }
  EdgeStatement edge;
  edge.type = "MENTIONS";
  edge.from = doc.key;
  edge.to = item_key;
  edge.sources.push_back(node.sources.front());
  edge.sources.back().quote.clear();  // the node's provenance carries the sentence
  out.emplace_back(std::move(node));
  out.emplace_back(std::move(edge));
}

Result<CorpusMentionReport> AddCorpusMentions(GraphBuilder& builder, const std::vector<CorpusDocument>& docs,
                                              const DocumentNormalizer& normalize,
                                              const CorpusMentionOptions& opts) {
  CorpusMentionReport report;
  if (docs.empty()) return report;
  auto rules = KeyRules::Load(opts.data_dir);
  if (!rules.ok()) return rules.status();
  const Schema& schema = *builder.schema_ptr();
  auto measure = schema.FindNodeType("Measure");
  auto enterprise = schema.FindNodeType("Enterprise");
  auto agency = schema.FindNodeType("Agency");
  auto document = schema.FindNodeType("Document");

  // The items to look for, and what each is already called.
  MentionScanner scanner(*rules);
  std::vector<std::unordered_set<std::string>> known_names;  // per scanner item: normalised names
  std::map<std::string, std::string> doc_region;             // Document key → its region property
  for (size_t row = 0; row < builder.num_nodes() && document; ++row) {
    GraphBuilder::NodeView v = builder.node(row);
    if (!v.type.valid() || v.type != *document) continue;
    if (const Value* r = FindProperty(*v.props, "region"); r && r->kind() == Value::Kind::kString) {
      doc_region.emplace(std::string(v.key), r->as_string());
    }
  }
  for (size_t row = 0; row < builder.num_nodes(); ++row) {
    GraphBuilder::NodeView v = builder.node(row);
    if (!v.type.valid() || (document && v.type == *document)) continue;
    bool wanted = (measure && schema.IsA(v.type, *measure)) || (enterprise && v.type == *enterprise) ||
                  (agency && v.type == *agency);
    if (!wanted) continue;
    std::vector<std::string> regions;
    for (const Provenance& p : *v.sources) {
      if (p.document.empty()) continue;
      auto r = doc_region.find(p.document);
      std::string region = r == doc_region.end() ? std::string() : r->second;  // "": a document without one
      if (std::find(regions.begin(), regions.end(), region) == regions.end()) regions.push_back(region);
    }
    const bool relative = agency && v.type == *agency;
    if (scanner.AddItem(v.key, schema.node_type(v.type).name, v.name, *v.aliases, v.name_en, v.provenance,
                        regions, relative) > 0) {
      std::unordered_set<std::string> names{NormalizeName(v.name)};
      for (const auto& a : *v.aliases) names.insert(NormalizeName(a));
      known_names.push_back(std::move(names));
    }
  }
  scanner.Finish();
  report.items = scanner.num_items();
  report.names = scanner.num_names();
  if (scanner.num_items() == 0) return report;

  for (size_t d = 0; d < docs.size(); ++d) {
    const CorpusDocument& doc = docs[d];
    if (opts.progress) opts.progress(d, docs.size());
    if (doc.key.empty()) {
      report.skipped.push_back(doc.path + ": not read again for names (no Document node)");
      continue;
    }
    auto text = normalize(doc);
    if (!text.ok()) {
      report.skipped.push_back(doc.path + ": not read again for names (" + text.status().message() + ")");
      continue;
    }
    if (text->orig.size() != text->text.size() + 1) {
      return Status::Internal("corpus mentions: offset map of " + doc.path + " does not fit its text");
    }
    auto region = doc_region.find(doc.key);
    bool truncated = false;
    auto hits = scanner.Scan(text->text, region == doc_region.end() ? std::string_view() : region->second, &truncated);
    if (truncated) {
      report.skipped.push_back(doc.path + ": names looked for in its first part only (" +
                               std::to_string(kMaxNameTries) + " candidate stretches)");
    }
    std::unordered_set<std::string> mentioned(doc.mentioned.begin(), doc.mentioned.end());
    std::map<int, std::vector<const NameHit*>> by_item;
    for (const auto& h : hits) {
      uint64_t b = text->orig[h.begin], e = text->orig[h.end - 1] + 1;
      if (SkipPlace(doc, b, e, mentioned.count(scanner.item(h.item).id) > 0)) continue;
      auto& places = by_item[h.item];
      if (places.size() < opts.max_per_item) places.push_back(&h);
    }
    std::vector<Statement> out;
    for (const auto& [item, places] : by_item) {
      const MentionScanner::Item& it = scanner.item(item);
      const auto& names = known_names[item];  // (clang 14 cannot capture a structured binding)
      MentionStatements(doc, *text, it.id, it.type, places,
                        [&names](const std::string& n) { return names.count(n) > 0; }, out);
      report.places += places.size();
      if (!mentioned.count(it.id)) ++report.new_pairs;
    }
    for (Statement& st : out) {
      if (auto* n = std::get_if<NodeStatement>(&st)) {
        PKG_RETURN_IF_ERROR(builder.AddNode(std::move(*n)));
      } else {
        PKG_RETURN_IF_ERROR(builder.AddEdge(std::move(std::get<EdgeStatement>(st))));
      }
    }
  }
  if (opts.progress) opts.progress(docs.size(), docs.size());
  return report;
}

}  // namespace pkg
