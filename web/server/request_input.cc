// Request input: see request_input.h.
#include "web/server/request_input.h"

#include <charconv>

#include "base/json.h"
#include "base/text.h"
#include "web/server/api_error.h"

namespace pkg {
namespace {

// The integer of a number token kept as text by ParseJson; nullopt for a
// non-number, a fraction, or an integer that does not fit int64.
std::optional<int64_t> JsonInteger(const rapidjson::Value& v) {
  if (!v.IsString() || JsonIsText(v) || v.GetStringLength() < 2) return std::nullopt;
  return ParseJsonInteger(std::string_view(v.GetString() + 1, v.GetStringLength() - 1));
}

std::string RangeText(int64_t lo, int64_t hi) {
  return "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
}

}  // namespace

bool ParseJsonBody(const httplib::Request& req, httplib::Response& res, rapidjson::Document& doc) {
  auto err = ParseJson(req.body, doc, kMaxBodyDepth);
  if (err) {
    SendError(res, 400, "invalid_argument", "the body is not valid JSON: " + err->message,
              "{\"line\":" + std::to_string(err->line) + ",\"column\":" +
                  std::to_string(err->column) + ",\"offset\":" + std::to_string(err->offset) + "}");
    return false;
  }
  if (!doc.IsObject()) {
    SendError(res, 400, "invalid_argument",
              "the body must be a JSON object, not " + JsonKindName(doc));
    return false;
  }
  return true;
}

std::optional<std::string> StringField(const rapidjson::Value& obj, const char* name,
                                       httplib::Response& res, std::optional<std::string> fallback) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) {
    if (fallback) return fallback;
    SendError(res, 400, "invalid_argument", std::string("the body needs \"") + name + "\"");
    return std::nullopt;
  }
  if (!JsonIsText(it->value)) {
    SendError(res, 400, "invalid_argument",
              std::string("\"") + name + "\" must be a string, not " + JsonKindName(it->value));
    return std::nullopt;
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<std::vector<std::string>> StringListField(const rapidjson::Value& obj,
                                                        const char* name, size_t max_items,
                                                        httplib::Response& res) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || !it->value.IsArray()) {
    SendError(res, 400, "invalid_argument",
              std::string("\"") + name + "\" must be a list of node keys");
    return std::nullopt;
  }
  if (it->value.Size() > max_items) {
    SendError(res, 400, "invalid_argument",
              std::string("\"") + name + "\" may list at most " + std::to_string(max_items) +
                  " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& v : it->value.GetArray()) {
    if (!JsonIsText(v)) {
      SendError(res, 400, "invalid_argument",
                std::string("\"") + name + "\" must hold strings, not " + JsonKindName(v));
      return std::nullopt;
    }
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::optional<int64_t> IntField(const rapidjson::Value& obj, const char* name, int64_t lo,
                                int64_t hi, int64_t fallback, httplib::Response& res) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return fallback;
  auto v = JsonInteger(it->value);
  if (!v || *v < lo || *v > hi) {
    SendError(res, 400, "invalid_argument",
              std::string("\"") + name + "\" must be " + RangeText(lo, hi));
    return std::nullopt;
  }
  return v;
}

std::optional<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t lo,
                                int64_t hi, int64_t fallback, httplib::Response& res) {
  if (!req.has_param(name)) return fallback;
  std::string text = req.get_param_value(name);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < lo || v > hi) {
    SendError(res, 400, "invalid_argument",
              std::string("parameter \"") + name + "\" must be " + RangeText(lo, hi));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TextParam(const httplib::Request& req, const char* name,
                                     size_t max_bytes, httplib::Response& res) {
  std::string text = req.has_param(name) ? req.get_param_value(name) : std::string();
  if (text.empty()) {
    SendError(res, 400, "invalid_argument", std::string("parameter \"") + name + "\" is required");
    return std::nullopt;
  }
  if (text.size() > max_bytes) {
    SendError(res, 400, "invalid_argument",
              std::string("parameter \"") + name + "\" is longer than " +
                  std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!IsValidUtf8(text)) {
    SendError(res, 400, "invalid_argument",
              std::string("parameter \"") + name + "\" is not valid UTF-8");
    return std::nullopt;
  }
  return text;
}

std::optional<int64_t> PrefixedId(const std::string& text, const std::string& prefix) {
  if (text.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  int64_t v = 0;
  const char* b = text.data() + prefix.size();
  const char* e = text.data() + text.size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (b == e || ec != std::errc() || p != e || v <= 0) return std::nullopt;
  return v;
}

}  // namespace pkg
