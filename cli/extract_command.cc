// policykg extract FILE...: prints the statements of each text document as
// JSON Lines on standard output (docs/statements.md, docs/ingest.md).
// Errors go to standard error naming the file; the exit code is 1 when any
// file failed. Files are read and extracted one at a time, so memory stays
// flat in the number of files.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "graph/schema.h"
#include "graph/statement_writer.h"
#include "ingest/extractor.h"

namespace {

struct ExtractOptions {
  std::vector<std::string> files;
  std::string data_dir;
};

// The whole stream into *out (sized up front when the length is known).
bool ReadAll(std::ifstream& in, std::string* out) {
  out->clear();
  in.seekg(0, std::ios::end);
  std::streamoff n = in.tellg();
  in.seekg(0, std::ios::beg);
  if (n > 0) {
    out->resize(static_cast<size_t>(n));
    in.read(out->data(), n);
    if (in.gcount() == n) return true;
    out->resize(static_cast<size_t>(in.gcount()));
    return false;
  }
  in.clear();
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

void RunExtract(const ExtractOptions& opt) {
  auto schema = pkg::Schema::Load(opt.data_dir.empty() ? pkg::Schema::DefaultPath() : opt.data_dir + "/schema.json");
  if (!schema.ok()) return pkg::cli::Fail(schema.status().message());
  auto ex = pkg::Extractor::Create(*schema, opt.data_dir);
  if (!ex.ok()) return pkg::cli::Fail(ex.status().message());
  pkg::JsonLinesWriter out;
  struct ToJson : pkg::StatementVisitor {
    pkg::JsonLinesWriter& out;
    explicit ToJson(pkg::JsonLinesWriter& w) : out(w) {}
    void Node(const pkg::NodeStatement& n) override { out.Append(n); }
    void Edge(const pkg::EdgeStatement& e) override { out.Append(e); }
  } writer(out);
  pkg::DocumentInput doc;
  for (const auto& path : opt.files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      pkg::cli::Fail(path + ": cannot open (does the file exist and is it readable?)");
      continue;
    }
    // One DocumentInput reused: its buffer keeps its capacity between files.
    doc.path = path;
    if (!ReadAll(in, &doc.bytes)) {
      pkg::cli::Fail(path + ": read error");
      continue;
    }
    out.clear();
    pkg::Status st = (*ex)->Extract(doc, writer);
    if (!st.ok()) {
      pkg::cli::Fail(st.message());
      continue;
    }
    std::fwrite(out.view().data(), 1, out.view().size(), stdout);
  }
  std::fflush(stdout);
}

void Setup(CLI::App& app) {
  auto opt = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand("extract", "Extract statements (JSON Lines) from policy documents");
  cmd->add_option("files", opt->files, "Text documents (UTF-8, GB18030 or Big5)")->required();
  cmd->add_option("--data", opt->data_dir, "Data folder with schema.json, lexicon/ and rules/ (default: built-in)");
  cmd->callback([opt] { RunExtract(*opt); });
}

}  // namespace

PKG_REGISTER_COMMAND(extract, 20, Setup);
