// policykg extract PATH...: prints the statements of each text document as
// JSON Lines on standard output (docs/statements.md, docs/ingest.md). A
// folder stands for every file under it, sorted (base/input_files.h).
// Errors go to standard error naming the file; the exit code is 1 when any
// file failed. With --jobs N (default: one per core) N threads extract
// documents side by side; the output is the same bytes, in the order of the
// files, whatever N. At most 4 N documents are read or held at a time, so
// memory stays flat in the number of files.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <chrono>
#include <thread>

#include <unistd.h>

#include "base/input_files.h"
#include "base/ordered_work.h"
#include "cli/command.h"
#include "graph/schema.h"
#include "graph/snapshot_file.h"
#include "graph/statement_writer.h"
#include "ingest/decode.h"
#include "ingest/extractor.h"

namespace {

struct ExtractOptions {
  std::vector<std::string> files;
  std::string data_dir;
  unsigned jobs = 0;  // 0: one per core
};

// Files in a folder that hold statements (.jsonl, .json, .ndjson) or a
// snapshot (.pkg) are not text to extract from; named one by one, they are.
bool IsStatementsOrSnapshot(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".jsonl" || ext == ".json" || ext == ".ndjson" || ext == pkg::kSnapshotExtension;
}

// One document's statements, or the message of why it has none.
struct Extracted {
  std::string json;
  std::string error;
};

// Reads and extracts one file (its buffers reused across calls): the JSON
// stays in the job (view()), the error, if any, goes to *error.
class DocumentJob {
 public:
  explicit DocumentJob(const pkg::Extractor& ex) : ex_(ex), writer_(out_) {}
  // False, with *error set, when the file gives no statements.
  bool Run(const std::string& path, std::string* error) {
    out_.clear();
    error->clear();
    // Only regular files and pipes: reading a device (/dev/zero) would never
    // end, and a folder is expanded before it gets here.
    std::error_code ec;
    auto type = std::filesystem::status(path, ec).type();
    if (!ec && type != std::filesystem::file_type::regular && type != std::filesystem::file_type::fifo) {
      *error = path + ": not a regular file";
      return false;
    }
    // Over the decoder's limit: say so before reading it all into memory.
    if (auto size = std::filesystem::file_size(path, ec); !ec && size > pkg::ingest::kMaxDocumentBytes) {
      *error = path + ": document of " + std::to_string(size) + " bytes is over the " +
               std::to_string(pkg::ingest::kMaxDocumentBytes >> 20) + " MiB limit; split it into smaller files";
      return false;
    }
    doc_.path = path;
    if (pkg::Status st = pkg::ReadFileInto(path, &doc_.bytes); !st.ok()) {
      *error = st.code() == pkg::StatusCode::kNotFound ? path + ": cannot open (does the file exist and is it readable?)"
                                                        : st.message();
      return false;
    }
    pkg::Status st = ex_.Extract(doc_, writer_);
    if (!st.ok()) {
      out_.clear();
      *error = st.message();
      return false;
    }
    return true;
  }
  // The last document's JSON (empty after a failed Run).
  std::string_view view() const { return out_.view(); }

 private:
  struct ToJson : pkg::StatementVisitor {
    pkg::JsonLinesWriter& out;
    explicit ToJson(pkg::JsonLinesWriter& w) : out(w) {}
    void Node(const pkg::NodeStatement& n) override { out.Append(n); }
    void Edge(const pkg::EdgeStatement& e) override { out.Append(e); }
    pkg::JsonLinesWriter* json_lines() override { return &out; }
  };
  const pkg::Extractor& ex_;
  pkg::JsonLinesWriter out_;
  ToJson writer_;
  pkg::DocumentInput doc_;  // reused: its buffer keeps its capacity between files
};

// "extract: 1,234 / 41,798 files" on standard error while the files are
// read, when it is a terminal and there is more than one file; at most four
// updates a second. An error message clears the line first.
class Progress {
 public:
  explicit Progress(size_t total) : on_(total > 1 && ::isatty(2)), total_(total) {}
  ~Progress() { Clear(); }
  void Done(size_t n) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (n < total_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    std::fprintf(stderr, "\rextract: %zu / %zu files", n, total_);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool on_;
  size_t total_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

void Emit(const Extracted& r, Progress& progress) {
  if (!r.error.empty()) {
    progress.Clear();
    return pkg::cli::Fail(r.error);
  }
  std::fwrite(r.json.data(), 1, r.json.size(), stdout);
}

// Documents extracted on `jobs` threads ahead of the main thread, which
// writes them in file order (base/ordered_work.h: at most 4 x jobs held).
void ExtractInParallel(const pkg::Extractor& ex, const std::vector<std::string>& files, unsigned jobs) {
  pkg::OrderedWork<Extracted> work(files.size(), jobs, size_t{jobs} * 4, [&](size_t i) {
    DocumentJob job(ex);  // one per document: its buffers are small beside the extraction
    Extracted r;
    if (job.Run(files[i], &r.error)) r.json.assign(job.view());
    return r;
  });
  Progress progress(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    Emit(work.Take(i), progress);
    progress.Done(i + 1);
  }
}

void RunExtract(const ExtractOptions& opt) {
  auto schema = pkg::Schema::Load(opt.data_dir.empty() ? pkg::Schema::DefaultPath() : opt.data_dir + "/schema.json");
  if (!schema.ok()) return pkg::cli::Fail(schema.status().message());
  auto ex = pkg::Extractor::Create(*schema, opt.data_dir);
  if (!ex.ok()) return pkg::cli::Fail(ex.status().message());
  // Folders become the files under them; any other path stays itself, so a
  // missing file is reported in its place among the others' output.
  std::vector<std::string> files;
  for (const auto& input : opt.files) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> listed;
    pkg::Status s = pkg::ExpandInput(input, &listed);
    if (!s.ok()) pkg::cli::Fail(s.message());
    size_t before = files.size();
    for (auto& f : listed) {
      if (!IsStatementsOrSnapshot(f)) files.push_back(std::move(f));
    }
    if (s.ok() && files.size() == before) pkg::cli::Fail(input + ": folder has no text documents");
  }
  if (files.empty()) return std::fflush(stdout), void();
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, files.size()));
  if (jobs > 1) {
    ExtractInParallel(**ex, files, jobs);
  } else {
    DocumentJob job(**ex);
    std::string error;
    Progress progress(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      const bool ok = job.Run(files[i], &error);
      progress.Done(i + 1);
      if (!ok) {
        progress.Clear();
        pkg::cli::Fail(error);
        continue;
      }
      std::string_view v = job.view();
      std::fwrite(v.data(), 1, v.size(), stdout);
    }
  }
  std::fflush(stdout);
}

void Setup(CLI::App& app) {
  auto opt = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand("extract", "Extract statements (JSON Lines) from policy documents");
  cmd->add_option("files", opt->files, "Text documents (UTF-8, GB18030 or Big5) or folders of them (statement and snapshot files in folders are skipped)")->required();
  cmd->add_option("--data", opt->data_dir, "Data folder with schema.json, lexicon/ and rules/ (default: built-in)");
  cmd->add_option("-j,--jobs", opt->jobs, "Documents extracted at once (default: one per core); the output is the same")
      ->check(CLI::Range(0u, 256u));
  cmd->callback([opt] { RunExtract(*opt); });
}

}  // namespace

PKG_REGISTER_COMMAND(extract, 20, Setup);
