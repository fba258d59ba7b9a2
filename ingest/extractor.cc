// Extractor: the ingest pipeline in one place; see extractor.h.
//   Decode → Normalize → ReadMetadata → AnalyzeStructure → Recognize →
//   NodeKey → Relate → EmitStatements
#include "ingest/extractor.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "ingest/canonical_name.h"
#include "ingest/decode.h"
#include "ingest/doc_metadata.h"
#include "ingest/emit.h"
#include "ingest/extractor_data.h"
#include "ingest/normalize.h"
#include "ingest/recognize.h"
#include "ingest/relate.h"
#include "ingest/structure.h"

namespace pkg {

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
  for (const auto* r : data->rules->OfKind("chrome_tail")) {
    data->chrome.tail_markers.insert(data->chrome.tail_markers.end(), r->words.begin(), r->words.end());
  }
  std::unique_ptr<Extractor> ex(new Extractor());
  ex->schema_ = std::move(schema);
  ex->data_ = std::move(data);
  return ex;
}

Status Extractor::Extract(const DocumentInput& doc, const std::function<void(Statement&&)>& sink) const {
  auto decoded = ingest::Decode(doc.bytes);
  if (!decoded.ok()) return Status(decoded.status().code(), doc.path + ": " + decoded.status().message());
  ingest::NormalizedText norm = ingest::Normalize(*decoded, data_->chrome);
  decoded = Status::Internal("released");  // free the decoded copy early
  ingest::DocMetadata md = ingest::ReadMetadata(norm.text, *data_->rules);
  // Structure and recognition read the text with the metadata lines (other
  // than the title) blanked out, so 来源:/转载自: lines yield no items.
  std::string text = norm.text;
  for (const auto& l : md.meta_lines) {
    if (l.begin == md.title_span.begin || md.title_span.contains(l.begin) || l.contains(md.title_span.begin)) continue;
    for (uint32_t i = l.begin; i < l.end && i < text.size(); ++i) text[i] = ' ';
  }
  ingest::Structure st = ingest::AnalyzeStructure(text, md.body_begin, static_cast<uint32_t>(text.size()));
  ingest::DocContext ctx;
  ctx.text = text;
  ctx.st = &st;
  ctx.md = &md;
  ctx.lex = data_->lexicon.get();
  ctx.rules = data_->rules.get();
  std::vector<ingest::Mention> lexicon_store;
  std::vector<ingest::Mention> mentions = ingest::Recognize(ctx, lexicon_store);
  for (auto& m : mentions) m.key = ingest::NodeKey(m, ctx);
  if (std::getenv("POLICYKG_INGEST_DEBUG")) {  // development aid: one line per mention
    for (const auto& l : md.meta_lines) std::fprintf(stderr, "meta line [%u,%u)\n", l.begin, l.end);
    for (const auto& sen : st.sentences) std::fprintf(stderr, "sentence %d [%u,%u) item %d%s: %.60s\n", sen.index, sen.span.begin, sen.span.end, sen.item, sen.heading ? " heading" : "", std::string(text.substr(sen.span.begin, sen.span.end - sen.span.begin)).c_str());
    std::fprintf(stderr, "body %u region %s sentences %zu items %zu\n", md.body_begin, ctx.region.c_str(), st.sentences.size(), st.items.size());
    for (const auto& m : mentions) {
      std::fprintf(stderr, "mention [%u,%u) s%d %s %s%s%s rule=%s\n", m.span.begin, m.span.end, m.sentence, m.type.c_str(),
                   m.key.c_str(), m.embedded ? " embedded" : "", m.heading_goal ? " heading" : "", m.rule.c_str());
    }
  }
  std::vector<ingest::Relation> relations = ingest::Relate(ctx, mentions);
  ingest::EmitInput in;
  in.ctx = &ctx;
  in.norm = &norm;
  in.schema = schema_.get();
  in.doc_id = doc.id_hint.empty() ? ingest::DocumentKey(doc.bytes) : doc.id_hint;
  in.fallback_title = std::filesystem::path(doc.path).stem().string();
  ingest::EmitStatements(in, mentions, relations, sink);
  return Status::OK();
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
