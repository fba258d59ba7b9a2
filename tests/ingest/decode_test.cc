// Tests for ingest/decode.h: encodings, BOMs, line ends, and the errors that
// name a byte offset.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <string>

#include "base/text.h"
#include "ingest/decode.h"

using pkg::StatusCode;
using pkg::ingest::Decode;

TEST_CASE("Decode accepts the supported encodings", "[ingest][decode]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::string utf8;
    std::string encoding;
  };
  const Case cases[] = {
      {"empty", "", "", "UTF-8"},
      {"ascii", "abc", "abc", "UTF-8"},
      {"utf-8", "中文", "中文", "UTF-8"},
      {"utf-8 with BOM", "\xEF\xBB\xBF中文", "中文", "UTF-8"},
      {"CR LF and lone CR", "a\r\nb\rc", "a\nb\nc", "UTF-8"},
      {"gb18030", "\xD6\xD0\xCE\xC4\xD5\xFE\xB2\xDF", "中文政策", "GB18030"},
      {"gb18030 whose first pairs read as two-byte UTF-8", "\xD2\xBB\xCD\xBC\xB6\xC1\xB6\xAE", "一图读懂", "GB18030"},
      {"big5",
       "\xAD\xBB\xB4\xE4\xAF\x53\xA7\x4F\xA6\xE6\xAC\x46\xB0\xCF\xAC\x46\xA9\xB2\xAB\xC5\xA5\xAC\xB1\xC0\xA5\x58"
       "\xB7\x73\xAB\xAC\xA4\x75\xB7\x7E\xA4\xC6\xA5\x5B\xB3\x74\xAD\x70\xB9\xBA\xA1\x41\xB8\xEA\xA7\x55\xA5\xF8"
       "\xB7\x7E\xB3\x5D\xA5\xDF\xB4\xBC\xAF\xE0\xA5\xCD\xB2\xA3\xBD\x75\xA1\x43",
       "香港特別行政區政府宣布推出新型工業化加速計劃，資助企業設立智能生產線。", "Big5"},
      {"traditional text in GB18030, not clearly GB by its trail bytes",
       "\xC5\x5F\x9E\xB3\xB7\x65\xF3\x77\xEB\x8A\xC2\xB7\xD1\x75\xD4\xEC\xC5\x63\x87\xF8\xBC\xD2\xB0\x6C\xD5\xB9"
       "\xCE\xAF\x86\x54\x95\xFE\xCD\xC6\x84\xD3\xAE\x61\x98\x49\x94\xB5\xCE\xBB\xDE\x44\xD0\xCD\xA3\xAC\xD4\x4F"
       "\xC1\xA2\x8C\xA3\xED\x97\xD9\x59\xBD\xF0\xD6\xA7\xB3\xD6\xC6\xF3\x98\x49\xE9\x5F\xB0\x6C\xA1\xA3",
       "臺灣積體電路製造與國家發展委員會推動產業數位轉型，設立專項資金支持企業開發。", "GB18030"},
      {"utf-16le with BOM", std::string("\xFF\xFE\x2D\x4E\x87\x65", 6), "中文", "UTF-16LE"},
      {"utf-16be with BOM", std::string("\xFE\xFF\x4E\x2D\x65\x87", 6), "中文", "UTF-16BE"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto r = Decode(c.bytes);
    REQUIRE(r.ok());
    CHECK(r->utf8 == c.utf8);
    if (!c.bytes.empty()) CHECK(r->encoding == c.encoding);
    CHECK(r->orig.size() == r->utf8.size() + 1);
    CHECK(r->orig.back() == c.bytes.size());
  }
}

TEST_CASE("Decode maps every byte back to the original file", "[ingest][decode]") {
  // GB18030 "中文": each 3-byte UTF-8 character comes from 2 original bytes.
  auto r = Decode("\xD6\xD0\xCE\xC4");
  REQUIRE(r.ok());
  REQUIRE(r->utf8.size() == 6);
  CHECK(r->orig[0] == 0);  // first byte of 中 → its first original byte
  CHECK(r->orig[2] == 1);  // last byte of 中 → its last original byte
  CHECK(r->orig[3] == 2);
  CHECK(r->orig[5] == 3);
  // A four-byte GB18030 character outside the BMP (a surrogate pair inside
  // ICU), then CR LF, then a two-byte one: offsets stay exact across them.
  auto g = Decode("\xD6\xD0\x95\x32\x82\x36\r\n\xCE\xC4");
  REQUIRE(g.ok());
  CHECK(g->encoding == "GB18030");
  REQUIRE(g->utf8 == "中\xF0\xA0\x80\x80\n文");
  CHECK(g->orig[3] == 2);   // first byte of U+20000 → its first original byte
  CHECK(g->orig[6] == 5);   // its last byte → its last original byte
  CHECK(g->orig[7] == 6);   // the LF stands for CR LF at 6
  CHECK(g->orig[8] == 8);   // 文
  CHECK(g->orig[10] == 9);
  // A long GB18030 text (several conversion blocks) keeps its offsets.
  std::string longgb;
  for (int i = 0; i < 20000; ++i) longgb += "\xD6\xD0";
  auto l = Decode(longgb);
  REQUIRE(l.ok());
  REQUIRE(l->utf8.size() == 60000);
  CHECK(l->orig[59997] == 39998);
  CHECK(l->orig[59999] == 39999);
  // UTF-8 with BOM: offsets skip the BOM.
  auto u = Decode("\xEF\xBB\xBFok");
  REQUIRE(u.ok());
  CHECK(u->orig[0] == 3);
}

TEST_CASE("Decode refuses what it cannot read, naming the offset", "[ingest][decode]") {
  struct Case {
    const char* what;
    std::string bytes;
    StatusCode code;
    const char* must_contain;
  };
  const Case cases[] = {
      {"binary with NUL", std::string("abc\0def", 7), StatusCode::kInvalidArgument, "NUL byte at offset 3"},
      {"utf-8 then gbk", "政策文件\xD6\xD0\xCE\xC4", StatusCode::kInvalidArgument, "byte offset 12"},
      {"gb18030 with a cut four-byte sequence", "\xD6\xD0\xCE\xC4\xD6\xD0\xCE\xC4\x81\x30\xD6\xD0", StatusCode::kInvalidArgument, "byte offset 8: invalid"},
      {"bom then bad byte", "\xEF\xBB\xBF\xFF\xFE", StatusCode::kInvalidArgument, "byte offset 3"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto r = Decode(c.bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == c.code);
    CHECK(r.status().message().find(c.must_contain) != std::string::npos);
  }
}

TEST_CASE("Decode refuses documents over the size limit before any work", "[ingest][decode]") {
  std::string big(pkg::ingest::kMaxDocumentBytes + 1, 'a');
  auto r = Decode(big);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kResourceExhausted);
  CHECK(r.status().message().find("split it") != std::string::npos);
}

// Decode checks UTF-8 with its own fast path (several characters a step);
// the verdict and the offset of the first bad byte must be IsValidUtf8's.
TEST_CASE("Decode judges UTF-8 as IsValidUtf8 does, at every offset", "[ingest][decode]") {
  const std::string pieces[] = {"产业", "发展规划", "a", "bc", "。", "\xC2\xB7", "\xF0\x9F\x98\x80", "\xE0\xA4\x85",
                                "\xED\x9F\xBF", "\xED\xA0\x80", "\xE0\x80\x80", "\xC0\xAF", "\x80", "\xE5\xBF",
                                "\xF4\x90\x80\x80", "\xEF\xBF\xBF", "\xFF", "\n", "0123456789abcdef"};
  uint64_t x = 0x2545F4914F6CDD1Dull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t n = next() % 30;
    for (size_t k = 0; k < n; ++k) {
      // Mostly valid text, so that bad bytes come late as well as early.
      const size_t pick = next() % 40;
      s += pieces[pick < std::size(pieces) ? pick : pick % 5];
    }
    size_t bad = 0;
    const bool valid = pkg::IsValidUtf8(s, &bad);
    auto r = Decode(s);
    INFO(round);
    if (valid) {
      REQUIRE(r.ok());
      CHECK(r->encoding == "UTF-8");
      CHECK(r->utf8 == s);
      continue;
    }
    CHECK(!(r.ok() && r->encoding == "UTF-8"));
    if (!r.ok() && r.status().message().find("invalid UTF-8 after") != std::string::npos) {
      CHECK(r.status().message().find("byte offset " + std::to_string(bad) + ":") != std::string::npos);
    }
  }
}
