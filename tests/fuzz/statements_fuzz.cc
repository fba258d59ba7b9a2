// Fuzz target: the statements loader (graph/statement_reader.h →
// graph/graph_builder.h → Build).
//
// The input is a JSON Lines buffer (at most kMaxLines lines are looked at).
// Each line goes through ParseStatementLine; what parses is fed to a
// GraphBuilder, which then builds twice: strictly (may fail, must not crash)
// and with skip_invalid (must succeed: invalid edges are dropped, not fatal).
// Invariants checked beyond "no crash, no sanitizer report":
//   - a parsed statement printed with StatementToJson parses again, and
//     printing that gives the same line (the writer and reader agree);
//   - every error message is non-empty valid UTF-8 (messages quote input);
//   - the snapshot has no more nodes than rows the builder saw and every key
//     is valid UTF-8.
// Not covered here: snapshot files (tests/graph/snapshot_file_test.cc and
// tests/reliability/snapshot_refusal_test.cc), document inputs (ingest_fuzz.cc).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/text.h"
#include "graph/statement_writer.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr size_t kMaxLines = 256;

void CheckMessage(const pkg::Status& s) {
  pkg::fuzz::FuzzCheck(!s.message().empty(), "error messages are not empty");
  pkg::fuzz::FuzzCheck(pkg::IsValidUtf8(s.message()), "error messages are valid UTF-8", s.message());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pkg;
  const auto& schema = fuzz::FuzzSchema();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  GraphBuilder builder(schema);
  size_t line_no = 0;
  while (!text.empty() && line_no < kMaxLines) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    auto parsed = ParseStatementLine(line, *schema, "fuzz.jsonl", line_no);
    if (!parsed.ok()) {
      CheckMessage(parsed.status());
      continue;
    }
    // Writer and reader agree: print, parse, print again.
    std::string once = StatementToJson(*parsed);
    auto again = ParseStatementLine(once, *schema, "roundtrip", 1);
    fuzz::FuzzCheck(again.ok(), "a printed statement parses again",
                    once + "\n  " + (again.ok() ? "" : again.status().message()));
    std::string twice = StatementToJson(*again);
    fuzz::FuzzCheck(once == twice, "print(parse(print(s))) == print(s)", once + "\n  " + twice);

    Status s = std::holds_alternative<NodeStatement>(*parsed)
                   ? builder.AddNode(std::get<NodeStatement>(std::move(*parsed)))
                   : builder.AddEdge(std::get<EdgeStatement>(std::move(*parsed)));
    if (!s.ok()) CheckMessage(s);
  }

  auto strict = builder.Build();
  if (!strict.ok()) CheckMessage(strict.status());

  std::vector<std::string> dropped;
  GraphBuilder::BuildOptions lenient;
  lenient.skip_invalid = true;
  lenient.dropped = &dropped;
  auto built = builder.Build(lenient);
  fuzz::FuzzCheck(built.ok(), "Build with skip_invalid succeeds", built.ok() ? "" : built.status().message());
  const Snapshot& snap = **built;
  fuzz::FuzzCheck(snap.num_nodes() <= builder.num_nodes(), "no more nodes than builder rows");
  for (uint32_t i = 0; i < snap.num_nodes(); ++i) {
    std::string_view key = snap.key(NodeId(i));
    fuzz::FuzzCheck(IsValidUtf8(key), "node keys are valid UTF-8", key);
  }
  return 0;
}
