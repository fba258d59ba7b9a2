// Safe JSON parsing; see json.h.
//
// The parse runs RapidJSON's iterative reader into a forwarding handler that
// (1) counts nesting depth and aborts past the cap, and (2) stores number
// tokens as strings prefixed with the byte 0xFF, which cannot occur in a
// validated UTF-8 string, so a number and a string that looks like one stay
// distinguishable. JsonNumberOf reads the marker.
#include "base/json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "base/text.h"

namespace pkg {
namespace {

constexpr char kNumberMark = '\xFF';
constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                            rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseStopWhenDoneFlag;

struct ForwardingHandler {
  rapidjson::Document& d;
  int max_depth;
  int depth = 0;
  bool too_deep = false;
  bool bad_escape = false;
  std::string numbuf;

  bool Null() { return d.Null(); }
  bool Bool(bool b) { return d.Bool(b); }
  bool Int(int i) { return d.Int(i); }
  bool Uint(unsigned i) { return d.Uint(i); }
  bool Int64(int64_t i) { return d.Int64(i); }
  bool Uint64(uint64_t i) { return d.Uint64(i); }
  bool Double(double x) { return d.Double(x); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    numbuf.assign(1, kNumberMark);
    numbuf.append(s, n);
    return d.String(numbuf.data(), static_cast<rapidjson::SizeType>(numbuf.size()), true);
  }
  // RapidJSON 1.1.0 validates the input bytes but not what \u escapes decode
  // to: a lone low surrogate ("\uDFFF") becomes the ill-formed bytes ED BF BF.
  // Checked here so no string out of ParseJson is invalid UTF-8 (found by
  // tests/fuzz/statements_fuzz.cc: such a statement could not be read back).
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return Utf8(s, n) && d.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return Utf8(s, n) && d.Key(s, n, copy); }
  bool Utf8(const char* s, rapidjson::SizeType n) {
    if (IsValidUtf8(std::string_view(s, n))) return true;
    bad_escape = true;
    return false;
  }
  bool StartObject() { return Enter() && d.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { --depth; return d.EndObject(n); }
  bool StartArray() { return Enter() && d.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { --depth; return d.EndArray(n); }
  bool Enter() {
    if (++depth > max_depth) { too_deep = true; return false; }
    return true;
  }
};

void LineColumn(std::string_view text, size_t offset, JsonError& e) {
  e.line = 1;
  e.column = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++e.line; line_start = i + 1; }
  }
  size_t col = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  e.column = col;
}

}  // namespace

std::optional<JsonError> ParseJson(std::string_view text, rapidjson::Document& doc, int max_depth) {
  rapidjson::MemoryStream ms(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> is(ms);
  ForwardingHandler h{doc, max_depth};
  rapidjson::ParseResult result;
  auto gen = [&](rapidjson::Document& d) {
    (void)d;
    rapidjson::Reader reader;
    result = reader.Parse<kFlags>(is, h);
    return !result.IsError();
  };
  doc.Populate(gen);
  if (!result.IsError()) {
    // Anything but white space after the value is an error (StopWhenDone stops early).
    size_t end = is.Tell();
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r' || text[end] == '\n')) ++end;
    if (end == text.size()) return std::nullopt;
    JsonError e{"unexpected text after the JSON value", end};
    LineColumn(text, end, e);
    return e;
  }
  JsonError e;
  e.offset = result.Offset();
  if (h.too_deep) {
    e.message = "nesting deeper than " + std::to_string(max_depth) + " levels";
  } else if (h.bad_escape) {
    e.message = "invalid \\u escape in a string (a lone surrogate is not a character)";
  } else if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding) {
    e.message = "invalid UTF-8 in a string";
  } else if (result.Code() == rapidjson::kParseErrorDocumentEmpty) {
    e.message = "empty input: expected a JSON value";
  } else {
    e.message = rapidjson::GetParseError_En(result.Code());
    if (!e.message.empty()) e.message[0] = static_cast<char>(std::tolower(e.message[0]));
    if (!e.message.empty() && e.message.back() == '.') e.message.pop_back();
  }
  LineColumn(text, e.offset, e);
  return e;
}

std::optional<double> ParseJsonNumber(std::string_view token) {
  if (token.empty() || token.size() > 400) return std::nullopt;
  std::string tmp(token);
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(tmp.c_str(), &end);
  if (end != tmp.c_str() + tmp.size() || errno == ERANGE || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<int64_t> ParseJsonInteger(std::string_view token) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || p != token.data() + token.size()) return std::nullopt;
  return v;
}

std::optional<double> JsonNumberOf(const rapidjson::Value& v) {
  if (v.IsNumber()) return v.GetDouble();
  if (!v.IsString() || v.GetStringLength() < 2 || v.GetString()[0] != kNumberMark) return std::nullopt;
  return ParseJsonNumber(std::string_view(v.GetString() + 1, v.GetStringLength() - 1));
}

bool JsonIsText(const rapidjson::Value& v) {
  return v.IsString() && !(v.GetStringLength() > 0 && v.GetString()[0] == kNumberMark);
}

std::string JsonKindName(const rapidjson::Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return (v.GetStringLength() > 0 && v.GetString()[0] == kNumberMark) ? "a number" : "a string";
  if (v.IsArray()) return "a list";
  return "an object";
}

std::string JsonQuote(std::string_view s) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(sb.GetString(), sb.GetSize());
}

}  // namespace pkg
