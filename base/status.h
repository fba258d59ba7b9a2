// Status and Result<T>: expected failures as values (after LevelDB's Status).
//
// Every operation that can fail because of its input (a bad document, a bad
// query, a missing file) returns a Status or a Result<T>. The message is for a
// person: it names the input, the position and what was expected, e.g.
//   "graph.jsonl:12:34: key \"type\": expected one of Fund, Goal, ... (got \"Fnud\")".
// Programmer errors use assert(); exceptions are not used for expected failures.
//
// Thread safety: values; safe to copy between threads.
// Tested in tests/base/status_test.cc.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace pkg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the input is malformed (bad JSON, bad query, bad statement)
  kNotFound,           // a named thing does not exist
  kAlreadyExists,      // a conflicting thing exists
  kIoError,            // the operating system refused (open, write, fsync)
  kCorruption,         // a file is damaged or truncated
  kResourceExhausted,  // a limit was hit (rows, size, depth)
  kDeadlineExceeded,   // a time budget ran out
  kFailedPrecondition, // the operation is not allowed in this state
  kUnauthenticated,    // a write without a valid token
  kInternal,           // a bug; reported, never silently ignored
};

// Short stable name of a code, e.g. "invalid_argument"; used in JSON errors.
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }
  static Status Invalid(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Exhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status Deadline(std::string m) { return {StatusCode::kDeadlineExceeded, std::move(m)}; }
  static Status Precondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
// REQUIRES: a Result built from a Status is built from a non-OK Status.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  // OK status when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }
  // REQUIRES: ok().
  T& value() & { assert(ok()); return std::get<T>(v_); }
  const T& value() const& { assert(ok()); return std::get<T>(v_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace pkg

// Returns early from the enclosing function when `expr` is not OK.
#define PKG_RETURN_IF_ERROR(expr)         \
  do {                                    \
    ::pkg::Status _pkg_s = (expr);        \
    if (!_pkg_s.ok()) return _pkg_s;      \
  } while (0)
