// Replay runner: the main() that stands in for libFuzzer, so every ordinary
// build and `ctest` run feeds the checked-in corpora (tests/fuzz/corpus/) and
// crash reproducers through the fuzz targets without clang.
//
// Usage: pkg_fuzz_replay_<target> PATH...   (PATH: a file or a folder of files)
// Every file is passed once to LLVMFuzzerTestOneInput, in sorted order, and
// its name is printed first (stderr) so that an abort or sanitizer report
// names the input that caused it. A missing or empty PATH is an error: a
// corpus that silently vanished must not look like a pass.
//
// It does not mutate inputs or measure coverage: that is libFuzzer's job
// (scripts/fuzz). Registered with CTest in tests/fuzz_replay/CMakeLists.txt.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    fs::path p(argv[i]);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      size_t before = files.size();
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      if (files.size() == before) {
        std::fprintf(stderr, "%s: no inputs in %s\n", argv[0], argv[i]);
        return 1;
      }
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "%s: %s is neither a file nor a folder\n", argv[0], argv[i]);
      return 1;
    }
  }
  std::sort(files.begin(), files.end());
  auto start = std::chrono::steady_clock::now();
  size_t bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], f.c_str());
      return 1;
    }
    std::fprintf(stderr, "replay %s (%zu bytes)\n", f.c_str(), data.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    bytes += data.size();
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("replayed %zu inputs (%zu bytes) in %.0f ms, no crash\n", files.size(), bytes, ms);
  return 0;
}
