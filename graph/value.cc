// Typed property values; see value.h.
#include "graph/value.h"

#include <cmath>
#include <cstdio>

namespace pkg {
namespace {

std::string FormatNumber(double d) {
  if (std::isfinite(d) && std::fabs(d) < 1e15 && d == std::floor(d)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
    return buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", d);
  return buf;
}

}  // namespace

std::string Value::ToDisplay() const {
  switch (kind()) {
    case Kind::kNull: return "";
    case Kind::kBool: return as_bool() ? "true" : "false";
    case Kind::kInt: return std::to_string(as_int());
    case Kind::kDouble: return FormatNumber(as_double());
    case Kind::kString: return as_string();
    case Kind::kAmount: return FormatNumber(as_amount().value) + as_amount().unit;
    case Kind::kList: {
      std::string out;
      for (const auto& s : as_list()) {
        if (!out.empty()) out += "、";
        out += s;
      }
      return out;
    }
  }
  return "";
}

const Value* FindProperty(const PropertyMap& props, std::string_view name) {
  for (const auto& [k, v] : props) {
    if (k == name) return &v;
  }
  return nullptr;
}

void SetProperty(PropertyMap& props, std::string_view name, Value v) {
  for (auto& [k, old] : props) {
    if (k == name) { old = std::move(v); return; }
  }
  props.emplace_back(std::string(name), std::move(v));
}

}  // namespace pkg
