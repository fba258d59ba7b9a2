// API errors: see api_error.h.
#include "web/server/api_error.h"

#include "base/json.h"
#include "base/text.h"
#include "query/engine.h"

namespace pkg {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kResourceExhausted: return 422;
    case StatusCode::kDeadlineExceeded: return 503;
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

const char* ErrorCodeForHttpStatus(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "request_timeout";
    case 409: return "conflict";
    case 411: return "length_required";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 416: return "range_not_satisfiable";
    case 422: return "unprocessable";
    case 429: return "too_many_requests";
    case 431: return "headers_too_large";
    case 501: return "not_implemented";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

std::string ScrubUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    size_t bad = 0;
    if (IsValidUtf8(s, &bad)) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string JsonQuoteSafe(std::string_view s) { return JsonQuote(ScrubUtf8(s)); }

void SendJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  // Moved in, not copied (0.11.4's set_content takes a const reference).
  res.body = std::move(body);
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message,
               std::string_view position_json) {
  std::string body = "{\"error\":{\"code\":" + JsonQuote(code) + ",\"message\":" + JsonQuote(ScrubUtf8(message));
  if (!position_json.empty()) {
    body += ",\"position\":";
    body += position_json;
  }
  body += "}}";
  SendJson(res, status, std::move(body));
}

void SendStatus(httplib::Response& res, const Status& status) {
  SendError(res, HttpStatusFor(status.code()), StatusCodeName(status.code()), status.message());
}

void SendQueryError(httplib::Response& res, const QueryError& error) {
  // A query that names something that does not exist (a node in a CALL, a
  // parameter) is a bad query, 400 like the rest; limits and budgets keep
  // their own statuses.
  int status = error.status.code() == StatusCode::kNotFound ? 400 : HttpStatusFor(error.status.code());
  if (error.line <= 0) {
    SendError(res, status, StatusCodeName(error.status.code()), error.status.message());
    return;
  }
  std::string pos = "{\"line\":" + std::to_string(error.line) +
                    ",\"column\":" + std::to_string(error.column) +
                    ",\"offset\":" + std::to_string(error.offset) + "}";
  std::string body = "{\"error\":{\"code\":" + JsonQuote(StatusCodeName(error.status.code())) +
                     ",\"message\":" + JsonQuote(ScrubUtf8(error.status.message())) + ",\"position\":" + pos +
                     ",\"caret\":" + JsonQuote(error.caret) + "}}";
  SendJson(res, status, std::move(body));
}

}  // namespace pkg
