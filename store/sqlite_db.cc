// SqliteDb and SqliteStatement: see sqlite_db.h.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace pkg {

SqliteStatement::~SqliteStatement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStatement::SqliteStatement(SqliteStatement&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(o.db_, nullptr);
    stmt_ = std::exchange(o.stmt_, nullptr);
  }
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, std::string_view text) {
  sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

SqliteStatement& SqliteStatement::BindBlob(int i, std::string_view bytes) {
  // A zero-length blob must still be a blob, not NULL.
  static const char kEmpty = 0;
  sqlite3_bind_blob64(stmt_, i, bytes.empty() ? &kEmpty : bytes.data(), bytes.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool SqliteStatement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (status) {
    std::string msg = std::string("sqlite: ") + sqlite3_errmsg(db_);
    *status = rc == SQLITE_CONSTRAINT ? Status::AlreadyExists(msg)
              : (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? Status::Exhausted(msg)
                                                            : Status::IoError(msg);
  }
  return false;
}

Status SqliteStatement::Run() {
  Status s;
  while (Step(&s)) {
  }
  return s;
}

int64_t SqliteStatement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string SqliteStatement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

std::string SqliteStatement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  if (!p || n <= 0) return {};
  return std::string(static_cast<const char*>(p), n);
}

bool SqliteStatement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

Status SqliteDb::Error(std::string_view what) const {
  return Status::IoError(path_ + ": " + std::string(what) + ": " +
                         (db_ ? sqlite3_errmsg(db_) : "no database"));
}

Status SqliteDb::Open(const std::string& path, int busy_timeout_ms) {
  path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Status s = Error("cannot open the workspace store");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return s;
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  // journal_mode answers with a row; check that WAL was really taken.
  auto st = Prepare("PRAGMA journal_mode=WAL");
  if (!st.ok()) return st.status();
  Status s;
  if (!st->Step(&s)) {
    return s.ok() ? Error("PRAGMA journal_mode returned nothing") : Status::IoError(path_ + ": " + s.message());
  }
  if (st->Text(0) != "wal") return Error("cannot switch to WAL mode (got " + st->Text(0) + ")");
  return Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string copy(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::IoError(path_ + ": " + msg + " (in: " + std::string(sql.substr(0, 60)) + ")");
  }
  return Status::OK();
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error("cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
  return SqliteStatement(db_, stmt);
}

Status SqliteDb::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status SqliteDb::Commit() { return Exec("COMMIT"); }
void SqliteDb::Rollback() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int SqliteDb::Changes() const { return sqlite3_changes(db_); }

Result<int64_t> SqliteDb::UserVersion() {
  auto st = Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Status s;
  if (!st->Step(&s)) return s.ok() ? Error("PRAGMA user_version returned nothing") : s;
  return st->Int(0);
}

Status SqliteDb::SetUserVersion(int64_t v) {
  return Exec("PRAGMA user_version=" + std::to_string(v));
}

}  // namespace pkg
