// Small inline helpers over Cell values shared by eval.cc and functions.cc:
// kind tests, numbers (an amount counts as its CNY value), list access over
// both list cells and stored string lists. Internal to query/.
#pragma once

#include <string>

#include "query/engine.h"

namespace pkg::query {

inline Cell Null() { return Cell(); }
inline bool IsValue(const Cell& c, Value::Kind k) { return c.kind() == Cell::Kind::kValue && c.value().kind() == k; }

// Numbers: int, double, amount (by CNY).
inline bool IsNumeric(const Cell& c) {
  if (c.kind() != Cell::Kind::kValue) return false;
  auto k = c.value().kind();
  return k == Value::Kind::kInt || k == Value::Kind::kDouble || k == Value::Kind::kAmount;
}
inline double Num(const Cell& c) {
  const Value& v = c.value();
  if (v.kind() == Value::Kind::kAmount) return v.as_amount().cny;
  return v.number();
}
inline bool IsInt(const Cell& c) { return IsValue(c, Value::Kind::kInt); }

// List-like: a list cell or a stored list of strings.
inline bool IsListLike(const Cell& c) { return c.kind() == Cell::Kind::kList || IsValue(c, Value::Kind::kList); }
inline size_t ListSize(const Cell& c) {
  return c.kind() == Cell::Kind::kList ? c.list().size() : c.value().as_list().size();
}
inline Cell ListAt(const Cell& c, size_t i) {
  return c.kind() == Cell::Kind::kList ? c.list()[i] : Cell(Value(c.value().as_list()[i]));
}
inline const std::string& Str(const Cell& c) { return c.value().as_string(); }

}  // namespace pkg::query
