// See graph_inputs.h.
#include "cli/graph_inputs.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include <unistd.h>

#include "base/input_files.h"
#include "ingest/extractor.h"
#include "link/corpus_mentions.h"
#include "link/linker.h"

namespace pkg::cli {

Result<std::shared_ptr<const Schema>> OpenSchema(const std::string& schema_path) {
  return Schema::Load(schema_path.empty() ? Schema::DefaultPath() : schema_path);
}

std::string DataDir() { return std::filesystem::path(Schema::DefaultPath()).parent_path().string(); }

namespace {

// The documents a load extracted, as the corpus-mentions pass needs them.
struct Corpus {
  std::mutex mu;
  std::vector<CorpusDocument> docs;
};

// Shared by extract_document and before_build of one LoadOptions.
struct LazyExtractor {
  std::once_flag once;
  Result<std::unique_ptr<Extractor>> extractor = Status::Internal("extractor not created");
  const Result<std::unique_ptr<Extractor>>& Get(const std::shared_ptr<const Schema>& schema) {
    std::call_once(once, [&] { extractor = Extractor::Create(schema, DataDir()); });
    return extractor;
  }
};


}  // namespace

LoadOptions DocumentAwareOptions(std::shared_ptr<const Schema> schema, bool skip_invalid, bool link,
                                 std::vector<std::pair<std::string, std::string>> cannot_link) {
  LoadOptions opts;
  auto lazy = std::make_shared<LazyExtractor>();
  auto corpus = std::make_shared<Corpus>();
  if (link) {
    opts.before_build = [schema, lazy, corpus, cannot_link = std::move(cannot_link)](GraphBuilder& b,
                                                                                   LoadReport& report) -> Status {
      // 1. Names of items found anywhere, looked for again in every document.
      std::vector<CorpusDocument> docs;
      {
        std::lock_guard<std::mutex> l(corpus->mu);
        docs.swap(corpus->docs);
      }
      // In input order whatever order the documents were extracted in.
      std::sort(docs.begin(), docs.end(), [](const CorpusDocument& x, const CorpusDocument& y) {
        return x.path != y.path ? x.path < y.path : x.key < y.key;
      });
      if (!docs.empty()) {
        CorpusMentionOptions co;
        co.data_dir = DataDir();
        if (::isatty(2) && docs.size() >= 20) {  // the second pass over a large corpus takes a while
          co.progress = [](size_t done, size_t total) {
            if (done % 16 != 0 && done < total) return;
            if (done < total) {
              std::fprintf(stderr, "\rlooking for known names: %zu / %zu documents   ", done, total);
            } else {
              std::fprintf(stderr, "\r%60s\r", "");
            }
          };
        }
        auto normalize = [&](const CorpusDocument& d) -> Result<NormalizedDocument> {
          const auto& ex = lazy->Get(schema);
          if (!ex.ok()) return ex.status();
          auto bytes = ReadWholeFile(d.path);
          if (!bytes.ok()) return bytes.status();
          DocumentInput in;
          in.path = d.path;
          in.bytes = std::move(*bytes);
          auto norm = (*ex)->Normalized(in);
          if (!norm.ok()) return norm.status();
          return NormalizedDocument{std::move(norm->text), std::move(norm->orig)};
        };
        auto r = AddCorpusMentions(b, docs, normalize, co);
        if (!r.ok()) return r.status();
        report.skipped.insert(report.skipped.end(), r->skipped.begin(), r->skipped.end());
        if (r->new_pairs > 0) {
          report.notes.push_back("found " + std::to_string(r->places) + " more places naming " +
                                 std::to_string(r->items) + " known items: " + std::to_string(r->new_pairs) +
                                 " new document mentions");
        }
      }
      // 2. One node per item across documents.
      auto linker = Linker::Create(schema, DataDir());
      if (!linker.ok()) return linker.status();
      LinkOptions lo;
      lo.cannot_link = cannot_link;
      auto r = (*linker)->Link(b, lo);
      if (!r.ok()) return r.status();
      if (r->merged > 0) {
        report.notes.push_back("linked " + std::to_string(r->merged + r->clusters) + " nodes into " +
                               std::to_string(r->clusters) + " across documents");
      }
      return Status::OK();
    };
  }
  opts.skip_invalid = skip_invalid;
  opts.is_document = [](std::string_view path, std::string_view head) { return LooksLikeDocument(path, head); };
  opts.extract_document = [schema, lazy, corpus, link](const std::string& path, std::string_view bytes,
                                                       const std::function<void(Statement&&)>& sink) -> Status {
    const auto& ex = lazy->Get(schema);
    if (!ex.ok()) return ex.status();
    DocumentInput doc;
    doc.path = path;
    doc.bytes = std::string(bytes);
    if (!link) return (*ex)->Extract(doc, sink);
    // Remember where the extractor found items, for the corpus pass.
    CorpusDocument seen;
    seen.path = path;
    Status s = (*ex)->Extract(doc, [&](Statement&& st) {
      if (auto* n = std::get_if<NodeStatement>(&st)) {
        if (n->type == "Document") {
          seen.key = n->id;
        } else {
          for (const Provenance& p : n->sources) seen.item_spans.emplace_back(p.begin, p.end);
        }
      } else if (auto* e = std::get_if<EdgeStatement>(&st); e && e->type == "MENTIONS") {
        seen.mentioned.push_back(e->to);
      }
      sink(std::move(st));
    });
    if (s.ok() && !seen.key.empty()) {
      std::lock_guard<std::mutex> l(corpus->mu);
      corpus->docs.push_back(std::move(seen));
    }
    return s;
  };
  return opts;
}

Result<SnapshotPtr> OpenGraph(const std::vector<std::string>& inputs, const std::string& schema_path,
                              bool skip_invalid, bool link, unsigned jobs) {
  auto schema = OpenSchema(schema_path);
  if (!schema.ok()) return schema.status();
  LoadReport report;
  LoadOptions opts = DocumentAwareOptions(*schema, skip_invalid, link);
  opts.jobs = jobs;
  auto snap = LoadGraphInputs(inputs, *schema, opts, &report);
  for (const auto& s : report.skipped) std::fprintf(stderr, "policykg: skipped: %s\n", s.c_str());
  for (const auto& s : report.notes) std::fprintf(stderr, "policykg: %s\n", s.c_str());
  return snap;
}

}  // namespace pkg::cli
