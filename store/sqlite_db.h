// SqliteDb: a thin RAII layer over the SQLite C API for the workspace store.
//
// Opens a database file with the durability settings the workspace needs
// (WAL journal, synchronous=FULL, foreign keys on, a busy timeout), runs
// statements, and wraps prepared statements so that every sqlite3_stmt is
// finalised. Errors come back as pkg::Status with SQLite's own message and the
// file name. Transactions are explicit: Begin() takes the write lock at once
// (BEGIN IMMEDIATE) so a writer never deadlocks on a lock upgrade.
//
// It does not know any table: the schema lives in workspace_store.cc.
// Thread safety: one SqliteDb per thread, or a caller-held mutex (the
// workspace store serialises all use of its handle).
// Tested through tests/store/workspace_store_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pkg {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& o) noexcept;
  SqliteStatement& operator=(SqliteStatement&& o) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based, as in SQLite. Text and blobs are copied.
  SqliteStatement& Bind(int i, int64_t v);
  SqliteStatement& Bind(int i, std::string_view text);
  SqliteStatement& BindBlob(int i, std::string_view bytes);
  SqliteStatement& BindNull(int i);

  // Advances: true with a row available, false when done; *status is set on
  // error (then the result is false).
  bool Step(Status* status);
  // Steps to completion (for INSERT/UPDATE/DELETE).
  Status Run();

  // Column accessors for the current row (0-based).
  int64_t Int(int col) const;
  std::string Text(int col) const;  // "" for NULL
  std::string Blob(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
 public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Opens or creates `path` with WAL, synchronous=FULL and a busy timeout.
  // Fails with kIoError when the file cannot be opened or is not a database.
  Status Open(const std::string& path, int busy_timeout_ms = 5000);
  bool is_open() const { return db_ != nullptr; }
  const std::string& path() const { return path_; }

  // Runs one or more SQL statements without parameters.
  Status Exec(std::string_view sql);
  // Prepares one statement; errors name the SQL.
  Result<SqliteStatement> Prepare(std::string_view sql);

  Status Begin();     // BEGIN IMMEDIATE
  Status Commit();    // COMMIT; a failed commit is reported, never ignored
  void Rollback();    // ROLLBACK, best effort (used on error paths)

  int64_t LastInsertId() const;
  int Changes() const;

  // PRAGMA user_version.
  Result<int64_t> UserVersion();
  Status SetUserVersion(int64_t v);

 private:
  Status Error(std::string_view what) const;
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Rolls back unless Commit() succeeded; use for every write.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb& db) : db_(db) {}
  ~SqliteTransaction() {
    if (begun_ && !done_) db_.Rollback();
  }
  Status Begin() {
    Status s = db_.Begin();
    begun_ = s.ok();
    return s;
  }
  Status Commit() {
    done_ = true;
    Status s = db_.Commit();
    if (!s.ok()) db_.Rollback();
    return s;
  }

 private:
  SqliteDb& db_;
  bool begun_ = false;
  bool done_ = false;
};

}  // namespace pkg
