// Tests for ingest/html.h: which texts are pages, what text a page gives,
// and that every output byte still maps to the original bytes it came from.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "ingest/decode.h"
#include "ingest/html.h"

using namespace pkg::ingest;

namespace {

DecodedText Page(const std::string& html) {
  auto d = Decode(html);
  REQUIRE(d.ok());
  REQUIRE(LooksLikeHtml(d->utf8));
  return StripHtml(*d);
}

// The original bytes of output [b, e): from the first byte's offset to the
// last byte's.
std::string Source(const std::string& html, const DecodedText& t, size_t b, size_t e) {
  return html.substr(t.orig[b], t.orig[e - 1] - t.orig[b] + 1);
}

}  // namespace

TEST_CASE("LooksLikeHtml tells pages from texts", "[ingest][html]") {
  CHECK(LooksLikeHtml("<!DOCTYPE html><html><body>x</body></html>"));
  CHECK(LooksLikeHtml("\xEF\xBB\xBF  \n<HTML><BODY><P>通知</P></BODY></HTML>"));
  CHECK(LooksLikeHtml("<div class=\"article\"><p>为贯彻落实</p></div>"));
  CHECK_FALSE(LooksLikeHtml("关于印发<实施方案>的通知"));      // angle brackets in a title
  CHECK_FALSE(LooksLikeHtml("<2025> 工作要点\n一、总体要求"));  // no element of a page
  CHECK_FALSE(LooksLikeHtml(""));
}

TEST_CASE("StripHtml keeps the text, one line a block, and drops what is no text", "[ingest][html]") {
  const std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
      "<title>关于印发《实施方案》的通知</title>\n"
      "<style>p { margin: 0 }</style><script>var s = \"<p>上海</p>\";</script>\n"
      "</head><body><!-- 导航 <p>首页</p> -->\n"
      "<div class=\"nav\" data-x=\"a>b\">首页 &gt; 政策</div>\n"
      "<p>\n    设立&ldquo;先导产业&rdquo;母基金,\n    总规模100亿元。</p>\n"
      "<table><tr><td>任务</td><td>责任单位</td></tr></table>\n"
      "<p>a &lt; b &amp;&amp; c &#20013;&#x6587; &unknown; & x</p><br/>ok\n"
      "</body></html>\n";
  DecodedText t = Page(html);
  const std::string& s = t.utf8;
  REQUIRE(t.orig.size() == s.size() + 1);
  CHECK(s.find("关于印发《实施方案》的通知\n") != std::string::npos);
  CHECK(s.find("margin") == std::string::npos);    // style
  CHECK(s.find("var s") == std::string::npos);     // script
  CHECK(s.find("导航") == std::string::npos);       // comment
  CHECK(s.find("首页 > 政策\n") != std::string::npos);  // a quoted '>' does not end the tag
  // A paragraph's source line breaks and indentation are one space, none at a line start.
  CHECK(s.find("\n设立“先导产业”母基金, 总规模100亿元。\n") != std::string::npos);
  CHECK(s.find("任务 责任单位") != std::string::npos);  // cells of a row on one line
  CHECK(s.find("a < b && c 中文 &unknown; & x\n") != std::string::npos);
  CHECK(s.find("\nok") != std::string::npos);
  CHECK(s.find('<') == s.find("< b"));  // no markup left

  // Every output byte maps into the page: a reference to its whole span.
  const size_t q = s.find("“");
  CHECK(Source(html, t, q, q + 3) == "&ldquo;");
  const size_t z = s.find("中");
  CHECK(Source(html, t, z, z + 3) == "&#20013;");
  const size_t f = s.find("母基金");
  CHECK(Source(html, t, f, f + 9) == "母基金");
  for (size_t i = 0; i + 1 < t.orig.size(); ++i) CHECK(t.orig[i] <= t.orig[i + 1]);
  CHECK(t.orig.back() == html.size());
}

TEST_CASE("StripHtml takes linear time on hostile markup", "[ingest][html]") {
  // Tags that never close, quotes that never close, '<' that start no tag,
  // unclosed comments and scripts: each '<' is decided within a bounded scan.
  std::string html = "<html><p title='";
  while (html.size() < (4u << 20)) html += "<a '<a \"<<b x<3 <!";
  auto d = Decode(html);
  REQUIRE(d.ok());
  const auto t0 = std::chrono::steady_clock::now();
  DecodedText t = StripHtml(*d);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(t.orig.size() == t.utf8.size() + 1);
  CHECK(s < 20.0);  // well under a second; quadratic would be hours (a bound for a hang, not a timing)
}

TEST_CASE("StripHtml survives broken markup", "[ingest][html]") {
  // Unclosed tags, comments and scripts, stray brackets, references cut short.
  for (const std::string& html :
       {std::string("<html><p>未闭合"), std::string("<html><!-- 没有结束"), std::string("<html><script>var x"),
        std::string("<html><p class=\"a>"), std::string("<html>&#xD800; &#0; &#99999999; &#x"),
        std::string("<html><<<>>>&&&;"), std::string("<html></"), std::string("<html><p")}) {
    INFO(html);
    auto d = Decode(html);
    REQUIRE(d.ok());
    DecodedText t = StripHtml(*d);
    CHECK(t.orig.size() == t.utf8.size() + 1);
    CHECK(t.orig.back() == html.size());
  }
}
