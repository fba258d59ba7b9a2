// Request input for the routes: JSON bodies and query-string parameters,
// checked, with errors sent as JSON (api_error.h) so a handler can just return.
//
// JSON bodies go through ParseJson (base/json.h): iterative parser, UTF-8
// validated, numbers kept as text and converted here, nesting capped at
// kMaxBodyDepth. A body must be an object. Numbers in bodies and parameters
// must be integers within the stated range; anything else is a 400 that names
// the field and the range.
//
// It does not know what a field means; the routes do.
// Thread safety: stateless functions.
// Tested through tests/web/bad_requests_test.cc.
#pragma once

#include <httplib.h>
#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <vector>

namespace pkg {

inline constexpr int kMaxBodyDepth = 16;

// Parses the request body as a JSON object into `doc`. On failure sends 400
// (with the position of the fault) and returns false.
bool ParseJsonBody(const httplib::Request& req, httplib::Response& res, rapidjson::Document& doc);

// A string member. Missing: `fallback` when given, else 400. Not a string: 400.
// Returns nullopt after sending the error.
std::optional<std::string> StringField(const rapidjson::Value& obj, const char* name,
                                       httplib::Response& res,
                                       std::optional<std::string> fallback = std::nullopt);
// A list of strings (at most `max_items`); 400 otherwise.
std::optional<std::vector<std::string>> StringListField(const rapidjson::Value& obj,
                                                        const char* name, size_t max_items,
                                                        httplib::Response& res);
// An integer member in [lo, hi], or `fallback` when missing; 400 otherwise.
std::optional<int64_t> IntField(const rapidjson::Value& obj, const char* name, int64_t lo,
                                int64_t hi, int64_t fallback, httplib::Response& res);

// A query-string integer in [lo, hi], or `fallback` when absent; 400 otherwise.
std::optional<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t lo,
                                int64_t hi, int64_t fallback, httplib::Response& res);
// A required, non-empty query-string parameter of at most max_bytes of valid UTF-8.
std::optional<std::string> TextParam(const httplib::Request& req, const char* name,
                                     size_t max_bytes, httplib::Response& res);

// Parses "link:7" / "merge:3" style ids: the number after `prefix`, or nullopt.
std::optional<int64_t> PrefixedId(const std::string& text, const std::string& prefix);

}  // namespace pkg
