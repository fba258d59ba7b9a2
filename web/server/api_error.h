// API errors: every failure the server reports is JSON of one shape,
//   {"error":{"code":"invalid_argument","message":"…","position":{…}}}
// with the HTTP status that fits it (docs/api.md, "Error").
//
// This file owns the mapping from pkg::StatusCode to HTTP status and the
// writers for error and success bodies. It does not decide *whether* a
// request failed; handlers and the hardening layer (http_hardening.h) do.
//
// Thread safety: stateless functions.
// Tested through tests/web/bad_requests_test.cc (status and shape of each error).
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace pkg {

struct QueryError;

// 400 invalid_argument, 404 not_found, 409 already_exists and
// failed_precondition, 401 unauthenticated, 422 resource_exhausted,
// 503 deadline_exceeded, 500 for I/O, corruption and internal errors.
int HttpStatusFor(StatusCode code);

// A short stable code for an HTTP status, for errors raised by the HTTP layer
// itself ("payload_too_large" for 413, "length_required" for 411 …).
const char* ErrorCodeForHttpStatus(int status);

// Sets status, JSON content type and the error body. `position_json` is a
// JSON object text (or empty for none).
void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message,
               std::string_view position_json = {});
// An error from a Status: status by HttpStatusFor, code by StatusCodeName.
void SendStatus(httplib::Response& res, const Status& status);
// A query error: 400 with position {line, column, offset} and the caret text
// (a query naming an unknown node is 400 too); other failures of a query
// (deadline 503, limits 422) without a position.
void SendQueryError(httplib::Response& res, const QueryError& error);

// `s` with every invalid UTF-8 sequence replaced by U+FFFD, so that user
// input echoed in a message never makes the JSON invalid.
std::string ScrubUtf8(std::string_view s);
// JsonQuote (base/json.h) of ScrubUtf8(s).
std::string JsonQuoteSafe(std::string_view s);

// Sets status, JSON content type and body.
void SendJson(httplib::Response& res, int status, std::string body);

}  // namespace pkg
