// Tests for ingest/utf8.h: the text helpers every stage shares.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/utf8.h"

using namespace pkg::ingest;

TEST_CASE("NextNewline answers like a search from each position", "[ingest][utf8]") {
  const std::string texts[] = {"", "\n", "一行", "甲\n乙\n\n丙", "\n\n首尾\n", std::string(5000, 'x') + "\n" + "尾"};
  for (const std::string& s : texts) {
    INFO(s.size());
    auto want = [&](size_t p) { size_t e = s.find('\n', p); return e == std::string::npos ? s.size() : e; };
    NextNewline up(s);  // growing positions, as the callers ask
    for (size_t p = 0; p <= s.size() + 2; ++p) CHECK(up.From(p) == want(p));
    NextNewline down(s);  // and any order
    for (size_t p = s.size() + 2; p-- > 0;) CHECK(down.From(p) == want(p));
    NextNewline jump(s);
    for (size_t p : {size_t{3}, size_t{0}, s.size(), size_t{1}, size_t{2}}) CHECK(jump.From(p) == want(p));
  }
}
