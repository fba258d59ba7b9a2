// Graph loader; see graph_loader.h.
//
// Statements files are read in 8 MiB blocks; the lines of a block are parsed
// on two threads (parsing JSON is most of a load) while the block before is
// added to the builder on a third, in file order, so results do not depend
// on timing. Text documents are extracted ahead on LoadOptions::jobs threads
// (base/ordered_work.h) and their statements added in file order too.
#include "graph/graph_loader.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <memory>
#include <thread>

#include "base/input_files.h"
#include "base/ordered_work.h"
#include "graph/snapshot_file.h"

namespace pkg {
namespace fs = std::filesystem;

namespace {

constexpr size_t kBlock = 8 << 20;

bool DefaultIsDocument(std::string_view path, std::string_view head) {
  auto ext = fs::path(std::string(path)).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return false;
  if (ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".md" || ext == ".text") return true;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
  return !(i < head.size() && (head[i] == '{' || head.substr(i, 2) == "//"));
}

// A snapshot by content, or by name: a ".pkg" file too damaged to carry the
// magic must be refused by ReadSnapshotFile, not read as a text document
// (tests/reliability/snapshot_refusal_test.cc).
bool TreatAsSnapshot(const std::string& path) {
  auto ext = fs::path(path).extension().string();
  return IsSnapshotFile(path) || ext == kSnapshotExtension;
}

class Progress {
 public:
  explicit Progress(bool on) : on_(on && ::isatty(2)) {}
  void Update(const std::string& file, uint64_t done, uint64_t total) {
    if (!on_) return;
    if (++ticks_ % 4 != 0 && done < total) return;
    std::fprintf(stderr, "\rloading %s: %llu / %llu MB (%d%%)   ", file.c_str(),
                 static_cast<unsigned long long>(done >> 20), static_cast<unsigned long long>(total >> 20),
                 total ? static_cast<int>(100 * done / total) : 100);
  }
  void Done() {
    if (on_ && ticks_) std::fprintf(stderr, "\r%60s\r", "");
    ticks_ = 0;
  }
 private:
  bool on_;
  uint64_t ticks_ = 0;
};

struct Collector {
  const LoadOptions& opts;
  LoadReport& report;
  std::vector<std::string> errors;
  size_t more = 0;
  void Error(std::string m) {
    if (opts.skip_invalid) {
      report.skipped.push_back(std::move(m));
    } else if (errors.size() < opts.max_errors) {
      errors.push_back(std::move(m));
    } else {
      ++more;
    }
  }
};

void AddStatement(GraphBuilder& b, Statement&& st, Collector& c, const std::string& where) {
  Status s = std::holds_alternative<NodeStatement>(st) ? b.AddNode(std::get<NodeStatement>(std::move(st)))
                                                       : b.AddEdge(std::get<EdgeStatement>(std::move(st)));
  if (!s.ok()) c.Error(where + ": " + s.message());
  else ++c.report.statements;
}

// Parses lines [begin, end) of `lines` into `out` (one slot per line).
void ParseRange(const std::vector<std::string_view>& lines, size_t begin, size_t end, size_t first_line,
                const Schema& schema, const std::string& origin, std::vector<std::optional<Result<Statement>>>& out) {
  for (size_t i = begin; i < end; ++i) {
    std::string_view line = lines[i];
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "//") continue;
    if (line.back() == '\r') line.remove_suffix(1);
    out[i] = ParseStatementLine(line, schema, origin, first_line + i);
  }
}

// One block of a statements file: its bytes, its lines (views into `buf`)
// and what each line parsed to. Held by pointer, so the views stay valid.
struct Batch {
  std::string buf;
  std::vector<std::string_view> lines;
  std::vector<std::optional<Result<Statement>>> parsed;
  size_t first_line = 1;
};

// Adds a parsed block to the builder, in file order.
void AddBatch(Batch& bt, GraphBuilder& b, Collector& c, const std::string& path) {
  for (size_t i = 0; i < bt.parsed.size(); ++i) {
    if (!bt.parsed[i]) continue;
    if (!bt.parsed[i]->ok()) {
      c.Error(bt.parsed[i]->status().message());
      continue;
    }
    AddStatement(b, std::move(*bt.parsed[i]).value(), c, path + ":" + std::to_string(bt.first_line + i));
  }
}

// Reads and parses block N+1 (on two threads) while one adder thread adds
// block N to the builder: the builder is single-threaded, parsing is not, and
// the two overlap. Blocks are added one at a time in file order, so the
// result does not depend on timing. The builder and the collector are only
// touched by the adder while it runs.
Status AddStatementsFile(const std::string& path, GraphBuilder& b, const Schema& schema, Collector& c,
                         Progress& progress) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  std::error_code ec;
  uint64_t total = fs::file_size(path, ec);
  std::string carry;
  size_t line_no = 1;
  uint64_t done = 0;
  bool first_block = true;
  std::thread adder;
  auto join_adder = [&] {
    if (adder.joinable()) adder.join();
  };
  while (true) {
    auto bt = std::make_unique<Batch>();
    std::string& buf = bt->buf;
    buf.assign(carry);
    carry.clear();
    size_t old = buf.size();
    buf.resize(old + kBlock);
    size_t got = std::fread(buf.data() + old, 1, kBlock, f);
    buf.resize(old + got);
    done += got;
    bool eof = got < kBlock;
    size_t cut = buf.size();
    if (!eof) {
      size_t nl = buf.rfind('\n');
      if (nl == std::string::npos) {
        if (buf.size() > (256u << 20)) {
          std::fclose(f);
          join_adder();
          return Status::Invalid(path + ":" + std::to_string(line_no) + ": a line longer than 256 MiB");
        }
        carry.swap(buf);
        continue;
      }
      cut = nl + 1;
      carry.assign(buf, cut, std::string::npos);
    }
    std::string_view text(buf.data(), cut);
    if (first_block && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    first_block = false;
    std::vector<std::string_view>& lines = bt->lines;
    for (size_t pos = 0; pos < text.size();) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      lines.push_back(text.substr(pos, nl - pos));
      pos = nl + 1;
    }
    bt->first_line = line_no;
    bt->parsed.assign(lines.size(), std::nullopt);
    if (lines.size() > 2048) {
      size_t mid = lines.size() / 2;
      std::thread t([&] { ParseRange(lines, 0, mid, line_no, schema, path, bt->parsed); });
      ParseRange(lines, mid, lines.size(), line_no, schema, path, bt->parsed);
      t.join();
    } else {
      ParseRange(lines, 0, lines.size(), line_no, schema, path, bt->parsed);
    }
    line_no += lines.size();
    join_adder();  // the block before is in the builder
    adder = std::thread([&b, &c, &path, batch = std::move(bt)] { AddBatch(*batch, b, c, path); });
    progress.Update(path, done, total);
    if (eof) break;
  }
  join_adder();
  std::fclose(f);
  progress.Done();
  return Status::OK();
}

// Adds the statements a document's extraction gave (in order), then its error.
void AddDocumentStatements(const std::string& path, std::vector<Statement>& statements, const Status& s,
                           GraphBuilder& b, Collector& c) {
  ++c.report.documents;
  size_t k = 0;
  for (Statement& st : statements) AddStatement(b, std::move(st), c, path + " (statement " + std::to_string(++k) + ")");
  if (!s.ok()) c.Error(s.message().rfind(path, 0) == 0 ? s.message() : path + ": " + s.message());
}

// A text document read and extracted ahead of its turn (on a worker thread);
// `document` false: not a document (statements, snapshot, unreadable), left
// to AddFile.
struct Prefetched {
  bool document = false;
  Status status;
  std::vector<Statement> statements;
};

Prefetched ExtractAhead(const std::string& path, const LoadOptions& opts) {
  Prefetched item;
  if (TreatAsSnapshot(path)) return item;
  std::ifstream in(path, std::ios::binary);
  if (!in) return item;  // AddFile reports it
  // The head decides; a statements file is left to AddFile unread.
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (!(opts.is_document ? opts.is_document(path, head) : DefaultIsDocument(path, head))) return item;
  in.clear();
  in.seekg(0);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return item;
  item.document = true;
  item.status = opts.extract_document(path, bytes, [&](Statement&& st) { item.statements.push_back(std::move(st)); });
  return item;
}

Status AddFile(const std::string& path, GraphBuilder& b, const std::shared_ptr<const Schema>& schema,
               const LoadOptions& opts, Collector& c, Progress& progress) {
  ++c.report.files;
  if (TreatAsSnapshot(path)) {
    auto snap = ReadSnapshotFile(path, schema);
    if (!snap.ok()) return snap.status();
    b.AddSnapshot(**snap);
    return Status::OK();
  }
  std::string head;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
    head.resize(512);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
  }
  bool is_doc = opts.is_document ? opts.is_document(path, head) : DefaultIsDocument(path, head);
  if (!is_doc) return AddStatementsFile(path, b, *schema, c, progress);
  if (!opts.extract_document) {
    return Status::Invalid(path + ": looks like a text document, but this command reads only statements files");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Status::IoError("cannot read " + path);
  ++c.report.documents;
  size_t k = 0;
  Status s = opts.extract_document(path, bytes, [&](Statement&& st) {
    AddStatement(b, std::move(st), c, path + " (statement " + std::to_string(++k) + ")");
  });
  if (!s.ok()) c.Error(s.message().rfind(path, 0) == 0 ? s.message() : path + ": " + s.message());
  return Status::OK();
}

}  // namespace

Status AddInputs(const std::vector<std::string>& inputs, GraphBuilder& builder, const LoadOptions& opts,
                 LoadReport* report) {
  LoadReport local;
  LoadReport& rep = report ? *report : local;
  Collector c{opts, rep, {}, 0};
  Progress progress(opts.progress);
  std::shared_ptr<const Schema> schema = builder.schema_ptr();
  for (const auto& input : inputs) {
    std::vector<std::string> files;
    Status listed = ExpandInput(input, &files);
    if (!listed.ok()) return listed;
    unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<size_t>(jobs, files.size()));
    std::optional<OrderedWork<Prefetched>> ahead;
    if (jobs > 1 && opts.extract_document) {
      ahead.emplace(files.size(), jobs, size_t{jobs} * 4, [&](size_t i) { return ExtractAhead(files[i], opts); });
    }
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string& f = files[i];
      if (ahead) {
        Prefetched item = ahead->Take(i);
        if (item.document) {
          ++c.report.files;
          AddDocumentStatements(f, item.statements, item.status, builder, c);
          continue;
        }
      }
      Status s = AddFile(f, builder, schema, opts, c, progress);
      if (!s.ok()) c.Error(s.message());
    }
  }
  if (c.errors.empty()) return Status::OK();
  std::string msg;
  for (const auto& e : c.errors) msg += (msg.empty() ? "" : "\n") + e;
  if (c.more) msg += "\n... and " + std::to_string(c.more) + " more errors";
  return Status::Invalid(msg);
}

Result<SnapshotPtr> LoadGraphInputs(const std::vector<std::string>& inputs, std::shared_ptr<const Schema> schema,
                                    const LoadOptions& opts, LoadReport* report) {
  if (inputs.size() == 1 && TreatAsSnapshot(inputs[0])) {
    if (report) report->files = 1;
    return ReadSnapshotFile(inputs[0], schema);
  }
  GraphBuilder builder(schema);
  LoadReport local;
  LoadReport& rep = report ? *report : local;
  PKG_RETURN_IF_ERROR(AddInputs(inputs, builder, opts, &rep));
  if (opts.before_build) PKG_RETURN_IF_ERROR(opts.before_build(builder, rep));
  std::vector<std::string> dropped;
  GraphBuilder::BuildOptions bo;
  bo.skip_invalid = opts.skip_invalid;
  bo.dropped = &dropped;
  auto snap = std::move(builder).Finish(bo);
  rep.skipped.insert(rep.skipped.end(), dropped.begin(), dropped.end());
  return snap;
}

}  // namespace pkg
