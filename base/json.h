// Safe JSON parsing on Debian's RapidJSON 1.1.0, and number conversion.
//
// ParseJson is the one way the engine parses untrusted JSON: iterative parser
// (no recursion, so deep nesting cannot overflow the stack), UTF-8 validated,
// numbers kept as strings (RapidJSON 1.1.0's number parser has an integer
// overflow, CVE-2024-38517) and converted by ParseJsonNumber, nesting depth
// capped. Errors carry the byte offset and a 1-based line and column.
//
// Thread safety: stateless functions.
// Tested in tests/base/json_test.cc.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace pkg {

struct JsonError {
  std::string message;  // "expected ',' or '}' after an object member"
  size_t offset = 0;    // byte offset of the fault
  size_t line = 1, column = 1;  // column in code points, 1-based
};

// Parses `text` into `doc`. Returns nullopt on success.
// REQUIRES: max_depth >= 1.
std::optional<JsonError> ParseJson(std::string_view text, rapidjson::Document& doc, int max_depth = 32);

// Converts a JSON number token (as kept by kParseNumbersAsStringsFlag) to a
// double; nullopt when it is not a finite number (overflow, NaN).
std::optional<double> ParseJsonNumber(std::string_view token);
// Converts to int64 when the token is an integer that fits; nullopt otherwise.
std::optional<int64_t> ParseJsonInteger(std::string_view token);

// True when the value is a number token (kept as a string by ParseJson).
// ParseJson marks number tokens by keeping them as strings; callers that
// expect a number call JsonNumberOf.
std::optional<double> JsonNumberOf(const rapidjson::Value& v);

// True when `v` is a real JSON string (not a number token kept as a string).
bool JsonIsText(const rapidjson::Value& v);

// Short description of a JSON value's kind for messages: "a string", "a number", "an object" …
std::string JsonKindName(const rapidjson::Value& v);

// Escapes a string for inclusion in JSON output (quotes included).
std::string JsonQuote(std::string_view s);

}  // namespace pkg
