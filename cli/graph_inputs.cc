// See graph_inputs.h.
#include "cli/graph_inputs.h"

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "ingest/extractor.h"
#include "link/linker.h"

namespace pkg::cli {

Result<std::shared_ptr<const Schema>> OpenSchema(const std::string& schema_path) {
  return Schema::Load(schema_path.empty() ? Schema::DefaultPath() : schema_path);
}

std::string DataDir() { return std::filesystem::path(Schema::DefaultPath()).parent_path().string(); }

LoadOptions DocumentAwareOptions(std::shared_ptr<const Schema> schema, bool skip_invalid, bool link,
                                 std::vector<std::pair<std::string, std::string>> cannot_link) {
  LoadOptions opts;
  if (link) {
    opts.before_build = [schema, cannot_link = std::move(cannot_link)](GraphBuilder& b, LoadReport& report) -> Status {
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
  struct Lazy {
    std::once_flag once;
    Result<std::unique_ptr<Extractor>> extractor = Status::Internal("extractor not created");
  };
  auto lazy = std::make_shared<Lazy>();
  opts.extract_document = [schema, lazy](const std::string& path, std::string_view bytes,
                                         const std::function<void(Statement&&)>& sink) -> Status {
    std::call_once(lazy->once, [&] {
      lazy->extractor = Extractor::Create(schema, DataDir());
    });
    if (!lazy->extractor.ok()) return lazy->extractor.status();
    DocumentInput doc;
    doc.path = path;
    doc.bytes = std::string(bytes);
    return (*lazy->extractor)->Extract(doc, sink);
  };
  return opts;
}

Result<SnapshotPtr> OpenGraph(const std::vector<std::string>& inputs, const std::string& schema_path,
                              bool skip_invalid, bool link) {
  auto schema = OpenSchema(schema_path);
  if (!schema.ok()) return schema.status();
  LoadReport report;
  auto snap = LoadGraphInputs(inputs, *schema, DocumentAwareOptions(*schema, skip_invalid, link), &report);
  for (const auto& s : report.skipped) std::fprintf(stderr, "policykg: skipped: %s\n", s.c_str());
  for (const auto& s : report.notes) std::fprintf(stderr, "policykg: %s\n", s.c_str());
  return snap;
}

}  // namespace pkg::cli
