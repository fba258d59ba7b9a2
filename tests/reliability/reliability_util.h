// Support for tests/reliability/: how these tests start the server, talk to
// it, and read its SQLite store directly.
//
// The server process itself is tests/web/server_process.h (ServerProcess:
// fork/exec `policykg serve … --port 0`, Kill9, Stop, Client); this adds the
// arguments the reliability tests use (the fuzz fixture graph, a token), a
// small RAII reader of the SQLite file (sqlite3 C API, so the check does not
// trust the code under test), and parsing helpers for ids.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {

inline const std::string kReliabilityToken = "reliability-token-42";

inline httplib::Headers AuthHeaders() { return {{"Authorization", "Bearer " + kReliabilityToken}}; }

// The graph every reliability test serves unless it says otherwise.
inline std::string FixtureGraph() { return std::string(PKG_TEST_DIR) + "/fuzz/fixture_graph.jsonl"; }

inline std::vector<std::string> ServeArgs(const std::string& store, const std::string& input = FixtureGraph()) {
  return {input, "--store", store, "--token", kReliabilityToken, "--quiet"};
}

// "link:17" → 17; -1 when it is not a link id.
inline int64_t LinkNumber(const std::string& id) {
  if (id.rfind("link:", 0) != 0 || id.size() == 5) return -1;
  int64_t n = 0;
  for (size_t i = 5; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9' || n > (INT64_MAX - 9) / 10) return -1;
    n = n * 10 + (id[i] - '0');
  }
  return n;
}

// A string member of a JSON object text, "" when absent or not a string.
inline std::string JsonField(const std::string& json, const char* key) {
  rapidjson::Document d;
  if (!ParseBody(json, d)) return {};
  return Str(d, key);
}

// The ids of the live curated links the server lists (GET /api/curation).
inline std::set<int64_t> CurationLinkIds(ServerProcess& s) {
  auto c = s.Client();
  auto r = c.Get("/api/curation");
  std::set<int64_t> ids;
  if (!r || r->status != 200) return ids;
  rapidjson::Document d;
  if (!ParseBody(r->body, d) || !d.HasMember("links") || !d["links"].IsArray()) return ids;
  for (const auto& l : d["links"].GetArray()) ids.insert(LinkNumber(Str(l, "id")));
  return ids;
}

// The outcome of running the policykg binary to completion.
struct CommandResult {
  int exit_code = -1;   // -1 when it did not exit normally
  int signal = 0;       // the signal that ended it, 0 when none
  std::string out, err;
};

// Runs `policykg ARGS...` with stdout and stderr captured in files under
// `dir`; kills it after `timeout_s` (signal = SIGKILL then).
inline CommandResult RunPolicykg(const std::vector<std::string>& args, const TempDir& dir, int timeout_s = 60) {
  std::string out_file = dir.file("cmd.out"), err_file = dir.file("cmd.err");
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<std::string> all = {PKG_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(PKG_BINARY, argv.data());
    _exit(127);
  }
  CommandResult r;
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    usleep(10 * 1000);
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  auto slurp = [](const std::string& f) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  r.out = slurp(out_file);
  r.err = slurp(err_file);
  return r;
}

// Reads a SQLite file with the C API (read-write, so a WAL left by a killed
// writer is recovered the way the next server start would).
class SqliteFile {
 public:
  explicit SqliteFile(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
    }
  }
  ~SqliteFile() { sqlite3_close(db_); }
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;
  bool ok() const { return db_ != nullptr; }

  // Runs `sql`, calling `row` for each result row. False on an SQL error.
  bool ForEach(const std::string& sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
  }
  // The first column of the first row as text ("" when none).
  std::string Scalar(const std::string& sql) {
    std::string out;
    bool first = true;
    ForEach(sql, [&](sqlite3_stmt* st) {
      if (first) out = Text(st, 0);
      first = false;
    });
    return out;
  }
  static std::string Text(sqlite3_stmt* st, int col) {
    const auto* p = sqlite3_column_text(st, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st, col)))
             : std::string();
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace pkg::testing
