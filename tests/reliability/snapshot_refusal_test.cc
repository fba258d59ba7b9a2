// Damaged snapshot files are refused at the command line: `policykg load`
// writes a snapshot of the fixture graph, then a table of damaged copies (cut
// short at many lengths, one bit flipped at many offsets, bytes appended) is
// opened with `policykg stats` and `policykg serve`. Each must exit non-zero,
// without a signal (no crash, no sanitizer abort), with a one-line message on
// stderr that names the file; serve must not start listening.
// The library-level checks are in tests/graph/snapshot_file_test.cc; this is
// the promise as a user meets it (docs/reliability.md, "bad input never
// crashes it"). Registered as reliability/snapshot_refusal.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/reliability/reliability_util.h"

namespace pkg::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Damage {
  std::string name;
  std::string bytes;
};

// The damaged copies of `good`: truncations, single bit flips, appended bytes.
std::vector<Damage> DamagedCopies(const std::string& good) {
  std::vector<Damage> out;
  const size_t n = good.size();
  for (size_t len : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{32}, size_t{63}, size_t{64},
                     size_t{65}, n / 3, n / 2, n - 64, n - 8, n - 1}) {
    if (len < n) out.push_back({"cut at " + std::to_string(len), good.substr(0, len)});
  }
  // Bit flips: every byte of the 64-byte header, then 24 offsets spread over the payload.
  std::vector<size_t> offsets;
  for (size_t i = 0; i < 64 && i < n; ++i) offsets.push_back(i);
  for (size_t k = 0; k < 24 && n > 64; ++k) offsets.push_back(64 + (n - 65) * k / 23);
  for (size_t at : offsets) {
    std::string b = good;
    b[at] = static_cast<char>(b[at] ^ (1 << (at % 8)));
    out.push_back({"bit " + std::to_string(at % 8) + " flipped at byte " + std::to_string(at), b});
  }
  out.push_back({"8 bytes appended", good + std::string(8, '\0')});
  out.push_back({"4 KiB of garbage appended", good + std::string(4096, '\x5a')});
  out.push_back({"all zeros, right size", std::string(n, '\0')});
  return out;
}

TEST_CASE("damaged snapshot files are refused by the CLI with a clear error", "[snapshot]") {
  TempDir dir;
  const std::string good = dir.file("good.pkg");
  auto load = RunPolicykg({"load", FixtureGraph(), "-o", good}, dir);
  INFO("load: " << load.err);
  REQUIRE(load.exit_code == 0);
  auto stats = RunPolicykg({"stats", good}, dir);
  REQUIRE(stats.exit_code == 0);
  const std::string bytes = ReadAll(good);
  REQUIRE(bytes.size() > 128);

  size_t refused = 0;
  for (const Damage& d : DamagedCopies(bytes)) {
    const std::string bad = dir.file("bad.pkg");
    WriteAll(bad, d.bytes);
    auto r = RunPolicykg({"stats", bad}, dir);
    INFO(d.name << "\n  exit " << r.exit_code << ", signal " << r.signal << "\n  stderr: " << r.err
                << "\n  stdout: " << r.out.substr(0, 300));
    CHECK(r.signal == 0);
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("bad.pkg") != std::string::npos);
    CHECK(r.err.find("AddressSanitizer") == std::string::npos);
    CHECK(r.err.find("runtime error") == std::string::npos);
    if (r.exit_code != 0 && r.signal == 0) ++refused;
  }
  WARN(refused << " damaged snapshot files refused by `policykg stats`");
}

TEST_CASE("serve refuses a damaged snapshot and does not start", "[snapshot]") {
  TempDir dir;
  const std::string good = dir.file("good.pkg");
  REQUIRE(RunPolicykg({"load", FixtureGraph(), "-o", good}, dir).exit_code == 0);
  std::string bytes = ReadAll(good);
  struct Case {
    const char* name;
    std::string bytes;
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;
  const Case cases[] = {{"cut in half", bytes.substr(0, bytes.size() / 2)}, {"payload bit flip", flipped}};
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string bad = dir.file("bad.pkg");
    WriteAll(bad, c.bytes);
    auto r = RunPolicykg({"serve", bad, "--port", "0", "--store", dir.file("ws.db"), "--token", kReliabilityToken, "--quiet"},
                         dir, 30);
    INFO("exit " << r.exit_code << ", signal " << r.signal << "\n  stderr: " << r.err << "\n  stdout: " << r.out);
    CHECK(r.signal == 0);
    CHECK(r.exit_code != 0);
    CHECK(r.out.find("serving") == std::string::npos);
    CHECK(r.err.find("bad.pkg") != std::string::npos);
  }
}

}  // namespace
}  // namespace pkg::testing
