// Extractor: the ingest pipeline in one place; see extractor.h.
//   Decode → StripHtml (web pages only) → Normalize → ReadMetadata → AnalyzeStructure → Recognize →
//   NodeKey → Relate → EmitStatements
#include "ingest/extractor.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "ingest/canonical_name.h"
#include "ingest/decode.h"
#include "ingest/doc_metadata.h"
#include "ingest/utf8.h"
#include "ingest/emit.h"
#include "ingest/html.h"
#include "ingest/extractor_data.h"
#include "ingest/normalize.h"
#include "ingest/recognize.h"
#include "ingest/relate.h"
#include "ingest/structure.h"

namespace pkg {
namespace {

// Time per stage, summed over documents, printed at exit when
// POLICYKG_INGEST_PROFILE is set (bench/extract_bench.py reads it).
struct StageClock {
  const char* names[8] = {"decode", "normalize", "metadata", "structure", "recognize", "keys", "relate", "emit"};
  std::atomic<int64_t> ns[8] = {};
  bool on = std::getenv("POLICYKG_INGEST_PROFILE") != nullptr;
  ~StageClock() {
    if (!on) return;
    for (int i = 0; i < 8; ++i) std::fprintf(stderr, "stage %-10s %8.3f s\n", names[i], ns[i].load() / 1e9);
  }
};
StageClock g_clock;

struct Lap {
  std::chrono::steady_clock::time_point t = std::chrono::steady_clock::now();
  void operator()(int stage) {
    if (!g_clock.on) return;
    auto now = std::chrono::steady_clock::now();
    g_clock.ns[stage] += std::chrono::duration_cast<std::chrono::nanoseconds>(now - t).count();
    t = now;
  }
};

}  // namespace

Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(std::shared_ptr<const Schema> schema,
                                                     const std::string& data_dir) {
  if (!schema) return Status::Invalid("Extractor::Create: no schema");
  std::string dir = data_dir;
  if (dir.empty()) dir = std::filesystem::path(Schema::DefaultPath()).parent_path().string();
  auto data = std::make_unique<ExtractorData>();
  auto lex = ingest::Lexicon::LoadDir(dir + "/lexicon");
  if (!lex.ok()) return lex.status();
  auto rules = ingest::RuleSet::LoadDir(dir + "/rules");
  if (!rules.ok()) return rules.status();
  data->lexicon = *lex;
  data->rules = *rules;
  for (const auto* r : data->rules->OfKind("chrome_line")) {
    data->chrome.line_markers.insert(data->chrome.line_markers.end(), r->words.begin(), r->words.end());
  }
  data->chrome.line_marker_words = &data->rules->Words(ingest::RuleKind::chrome_line);
  data->chrome.metadata_labels = &data->rules->Words(ingest::RuleKind::meta_label);
  for (const auto* r : data->rules->OfKind("chrome_tail")) {
    data->chrome.tail_markers.insert(data->chrome.tail_markers.end(), r->words.begin(), r->words.end());
  }
  std::unique_ptr<Extractor> ex(new Extractor());
  ex->schema_ = std::move(schema);
  ex->data_ = std::move(data);
  return ex;
}

Status Extractor::Extract(const DocumentInput& doc, const std::function<void(Statement&&)>& sink) const {
  struct Copy : StatementVisitor {
    const std::function<void(Statement&&)>& sink;
    explicit Copy(const std::function<void(Statement&&)>& f) : sink(f) {}
    void Node(const NodeStatement& n) override { sink(Statement(n)); }
    void Edge(const EdgeStatement& e) override { sink(Statement(e)); }
  } copy(sink);
  return Extract(doc, copy);
}

Status Extractor::Extract(const DocumentInput& doc, StatementVisitor& sink) const {
  Lap lap;
  auto decoded = ingest::Decode(doc.bytes);
  lap(0);
  if (!decoded.ok()) return Status(decoded.status().code(), doc.path + ": " + decoded.status().message());
  if (ingest::LooksLikeHtml(decoded->utf8)) *decoded = ingest::StripHtml(*decoded);
  ingest::NormalizedText norm = ingest::Normalize(*decoded, data_->chrome);
  decoded = Status::Internal("released");  // free the decoded copy early
  lap(1);
  ingest::DocMetadata md = ingest::ReadMetadata(norm.text, *data_->rules);
  lap(2);
  // Structure and recognition read the text with the metadata lines (other
  // than the title) blanked out, so 来源:/转载自: lines yield no items.
  std::string text = norm.text;
  for (const auto& l : md.meta_lines) {
    if (l.begin == md.title_span.begin || md.title_span.contains(l.begin) || l.contains(md.title_span.begin)) continue;
    for (uint32_t i = l.begin; i < l.end && i < text.size(); ++i) text[i] = ' ';
  }
  ingest::Structure st = ingest::AnalyzeStructure(text, md.body_begin, static_cast<uint32_t>(text.size()));
  lap(3);
  ingest::DocContext ctx;
  ctx.text = text;
  ctx.st = &st;
  ctx.md = &md;
  ctx.lex = data_->lexicon.get();
  ctx.rules = data_->rules.get();
  ctx.IndexWords();
  std::vector<ingest::Mention> lexicon_store;
  std::vector<ingest::Mention> mentions = ingest::Recognize(ctx, lexicon_store);
  // The publishers of a 来源: line (one, or a list joined by 、) are agencies
  // the lexicon may know, or names ending in an agency head word
  // (中关村科技园区管理委员会); their line was blanked for recognition, so name
  // them here (they issue the document).
  size_t from = 0;
  for (std::string_view who : ingest::Publishers(md.publisher)) {
    int e = data_->lexicon->Find("Agency", who);
    size_t at = norm.text.find(who, from);
    if (at == std::string::npos || at >= 4096) continue;
    from = at + who.size();
    ingest::Mention m;
    if (e >= 0 && data_->lexicon->entries()[e].template_id < 0) {
      m.lex_entry = e;
      m.name = data_->lexicon->entries()[e].name;
    } else if (auto same = std::find_if(mentions.begin(), mentions.end(), [&](const ingest::Mention& x) {
                 return x.type == "Agency" && std::find(x.aliases.begin(), x.aliases.end(), who) != x.aliases.end();
               });
               same != mentions.end()) {
      // A bare form the body names too (区工业和信息化局 in a 青岛西海岸新区 page): the body's reading.
      m.lex_entry = same->lex_entry;
      m.name = same->name;
    } else {
      size_t len = 0;
      const ingest::Rule* head = data_->rules->Words(ingest::RuleKind::head).SuffixAt(who, who.size(), &len);
      if (!head || head->arg != "Agency" || len == who.size() || ingest::CpCount(who) > 30) continue;
      m.name = std::string(who);
    }
    m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + who.size())};
    m.type = "Agency";
    m.rule = "metadata.publisher";
    if (m.name != who) m.aliases.emplace_back(who);
    auto pos = std::lower_bound(mentions.begin(), mentions.end(), m.span.begin,
                                [](const ingest::Mention& x, uint32_t b) { return x.span.begin < b; });
    mentions.insert(pos, std::move(m));  // relate.h wants them sorted by position
  }
  lap(4);
  ingest::AssignNodeKeys(mentions, ctx);
  if (std::getenv("POLICYKG_INGEST_DEBUG")) {  // development aid: one line per mention
    for (const auto& l : md.meta_lines) std::fprintf(stderr, "meta line [%u,%u)\n", l.begin, l.end);
    for (const auto& sen : st.sentences) std::fprintf(stderr, "sentence %d [%u,%u) item %d%s: %.60s\n", sen.index, sen.span.begin, sen.span.end, sen.item, sen.heading ? " heading" : "", std::string(text.substr(sen.span.begin, sen.span.end - sen.span.begin)).c_str());
    std::fprintf(stderr, "body %u region %s sentences %zu items %zu\n", md.body_begin, ctx.region.c_str(), st.sentences.size(), st.items.size());
    for (const auto& m : mentions) {
      std::fprintf(stderr, "mention [%u,%u) s%d %.*s %s%s%s rule=%.*s\n", m.span.begin, m.span.end, m.sentence,
                   static_cast<int>(m.type.size()), m.type.data(), m.key.c_str(), m.embedded ? " embedded" : "",
                   m.heading_goal ? " heading" : "", static_cast<int>(m.rule.size()), m.rule.data());
    }
  }
  lap(5);
  std::vector<ingest::Relation> relations = ingest::Relate(ctx, mentions);
  lap(6);
  ingest::EmitInput in;
  in.ctx = &ctx;
  in.norm = &norm;
  in.schema = schema_.get();
  in.doc_id = doc.id_hint.empty() ? ingest::DocumentKey(doc.bytes) : doc.id_hint;
  in.fallback_title = std::filesystem::path(doc.path).stem().string();
  ingest::EmitStatements(in, mentions, relations, sink);
  lap(7);
  return Status::OK();
}

Result<ingest::NormalizedText> Extractor::Normalized(const DocumentInput& doc) const {
  auto decoded = ingest::Decode(doc.bytes);
  if (!decoded.ok()) return Status(decoded.status().code(), doc.path + ": " + decoded.status().message());
  if (ingest::LooksLikeHtml(decoded->utf8)) *decoded = ingest::StripHtml(*decoded);
  return ingest::Normalize(*decoded, data_->chrome);
}

bool LooksLikeDocument(std::string_view path, std::string_view head) {
  std::string ext = std::filesystem::path(std::string(path)).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" || ext == ".md") return true;
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return false;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (i >= head.size()) return true;
  return !(head[i] == '{' || head.substr(i, 2) == "//");
}

}  // namespace pkg
