// Typed property values: what a node or edge property holds.
//
// A Value is null, bool, integer, real number, string, Amount (a sum of money
// as written plus its normalised CNY), or a list of strings. Numbers never
// travel as text: `count` is an integer, `size.cny` a double, so they compare
// and sort as numbers. Dates and periods are strings in ISO-like form
// ("2025-12-29", "2025-Q1..Q3", "2027"); the schema says which property is which.
//
// Tested in tests/graph/value_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pkg {

// A sum of money: 1000亿元 is {1000, "亿元", 1.0e11}.
struct Amount {
  double value = 0;   // as written
  std::string unit;   // as written, e.g. "亿元", "万元", "亿美元"
  double cny = 0;     // normalised to yuan; 0 when unknown
  bool operator==(const Amount&) const = default;
};

using StringList = std::vector<std::string>;

class Value {
 public:
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kAmount, kList };

  Value() = default;
  Value(bool b) : v_(b) {}                           // NOLINT
  Value(int64_t i) : v_(i) {}                        // NOLINT
  Value(int i) : v_(int64_t{i}) {}                   // NOLINT
  Value(double d) : v_(d) {}                         // NOLINT
  Value(std::string s) : v_(std::move(s)) {}         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}       // NOLINT
  Value(Amount a) : v_(std::move(a)) {}              // NOLINT
  Value(StringList l) : v_(std::move(l)) {}          // NOLINT

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_number() const { return kind() == Kind::kInt || kind() == Kind::kDouble; }

  // REQUIRES: the matching kind.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const Amount& as_amount() const { return std::get<Amount>(v_); }
  const StringList& as_list() const { return std::get<StringList>(v_); }

  // Integer or double as double. REQUIRES: is_number().
  double number() const { return kind() == Kind::kInt ? double(as_int()) : as_double(); }

  // Human-readable text: numbers without trailing zeros, amounts as written
  // ("1000亿元"), lists joined with "、".
  std::string ToDisplay() const;

  bool operator==(const Value& o) const = default;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Amount, StringList> v_;
};

// Properties of one node or edge, in insertion order; names are schema names.
using PropertyMap = std::vector<std::pair<std::string, Value>>;

// Returns the value of `name` or nullptr.
const Value* FindProperty(const PropertyMap& props, std::string_view name);

// Sets `name` to `v`, replacing an earlier value.
void SetProperty(PropertyMap& props, std::string_view name, Value v);

}  // namespace pkg
