// Tests for ingest/lexicon.h and canonical_name.h against the shipped
// lexicons: matching, bare abbreviations by region, canonical keys.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/canonical_name.h"
#include "ingest/lexicon.h"

#include <algorithm>

using namespace pkg::ingest;

namespace {

const Lexicon& Shipped() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::LoadDir(std::string(PKG_TEST_DIR) + "/../data/lexicon");
    REQUIRE(r.ok());
    return *r;
  }();
  return *lex;
}

}  // namespace

TEST_CASE("Lexicon matches leftmost-longest names", "[ingest][lexicon]") {
  struct Case {
    std::string text;
    std::string first_type, first_name;
  };
  const Case cases[] = {
      {"工业和信息化部印发", "Agency", "工业和信息化部"},
      {"工信部印发", "Agency", "工业和信息化部"},
      {"上海市经济和信息化委员会发布", "Agency", "上海市经济和信息化委员会"},
      {"上海市经信委发布", "Agency", "上海市经济和信息化委员会"},
      {"推进新型工业化", "Goal", "新型工业化"},
      {"浦东新区", "Region", "浦东新区"},
      {"广州市黄埔区", "Region", "黄埔区"},
      {"香港特别行政区", "Region", "香港"},
      {"专精特新“小巨人”企业", "TargetGroup", "专精特新“小巨人”企业"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto hits = Shipped().Match(c.text);
    REQUIRE_FALSE(hits.empty());
    const LexEntry& x = Shipped().entries()[hits.front().entry];
    CHECK(x.type == c.first_type);
    CHECK(x.name == c.first_name);
  }
  CHECK(Shipped().Match("东方红").empty());  // an ambiguous short region name alone
}

TEST_CASE("A ministry's name run into 门 is the noun 部门, not the ministry", "[ingest][lexicon]") {
  auto agencies = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& h : Shipped().Match(text)) {
      const LexEntry& x = Shipped().entries()[h.entry];
      if (x.type == "Agency") out.push_back(x.name);
    }
    return out;
  };
  CHECK(agencies("由市财政部门会同有关部门制定").empty());
  CHECK(agencies("各地工业和信息化部门要加强指导").empty());
  CHECK(Shipped().Match("各省级农业农村部门会同").empty());  // nor 农业 inside it
  CHECK(agencies("财政部、工业和信息化部联合印发") == std::vector<std::string>{"财政部", "工业和信息化部"});
  CHECK(agencies("详见财政部门户网站") == std::vector<std::string>{"财政部"});  // 部 + 门户: the ministry's portal
}

TEST_CASE("No name starts inside a guard word (guards.tsv)", "[ingest][lexicon]") {
  auto names = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& h : Shipped().Match(text)) out.push_back(Shipped().entries()[h.entry].name);
    return out;
  };
  // 化工 (石化) across 信息化|工作 and 数字化|工厂: no industry there.
  auto has = [&](std::string_view text, const std::string& name) {
    const auto v = names(text);
    return std::find(v.begin(), v.end(), name) != v.end();
  };
  CHECK_FALSE(has("感谢您对工业和信息化工作的关心", "石化"));
  CHECK_FALSE(has("建设数字化工厂", "石化"));
  // A name that starts before the guard and covers it still matches; so does 化工 on its own.
  CHECK(names("工业和信息化部印发") == std::vector<std::string>{"工业和信息化部"});
  CHECK(names("推动化工产业转型") == std::vector<std::string>{"石化"});
}

TEST_CASE("Bare agency abbreviations resolve to the document's region", "[ingest][lexicon]") {
  struct Case {
    std::string surface, region, name;
  };
  const Case cases[] = {
      {"市经信委", "上海", "上海市经济和信息化委员会"},
      {"市发展改革委", "杭州", "杭州市发展和改革委员会"},
      {"区政府", "浦东新区", "上海市浦东新区人民政府"},
      {"市政府", "浦东新区", "上海市人民政府"},  // walks up to the city
      {"省工信厅", "浙江", "浙江省工业和信息化厅"},
      // A municipality is a province whose bodies are named as a city's.
      {"市科技局", "天津", "天津市科学技术局"},
      {"市工业和信息化局", "天津", "天津市工业和信息化局"},
  };
  for (const auto& c : cases) {
    INFO(c.surface << " in " << c.region);
    auto hits = Shipped().Match(c.surface);
    REQUIRE(hits.size() == 1);
    REQUIRE_FALSE(hits[0].bare_level.empty());
    int inst = Shipped().Resolve(hits[0].entry, c.region, hits[0].bare_level);
    REQUIRE(inst >= 0);
    CHECK(Shipped().entries()[inst].name == c.name);
  }
}

TEST_CASE("A district's bureau is composed from the city-level template", "[ingest][lexicon]") {
  auto hits = Shipped().Match("区财政局");
  REQUIRE(hits.size() == 1);
  REQUIRE(hits[0].bare_level == "区");
  CHECK(Shipped().Resolve(hits[0].entry, "包河区", "区") < 0);  // no instance at district level
  CHECK(Shipped().ComposeName(hits[0].entry, "包河区", "区") == "合肥市包河区财政局");
  CHECK(Shipped().ComposeName(hits[0].entry, "合肥", "区") == "");  // a city has no 区 level word
  // A county's bodies go by the county's own name.
  auto county = Shipped().Match("县发展和改革委员会");
  REQUIRE(county.size() == 1);
  CHECK(county[0].bare_level == "县");
  CHECK(Shipped().ComposeName(county[0].entry, "宿松县", "县") == "宿松县发展和改革委员会");
  // A county's own government goes by the county's name, written with it or not.
  for (const char* text : {"宿松县人民政府", "宿松县政府"}) {
    INFO(text);
    auto gov = Shipped().Match(text);
    REQUIRE(gov.size() == 1);
    CHECK(Shipped().entries()[gov[0].entry].name == "宿松县人民政府");
  }
  // A city-level body written with its county or district: composed, not dropped.
  struct Written { const char* text; const char* name; };
  for (const Written& w : {Written{"宿松县发展和改革委员会负责协调", "宿松县发展和改革委员会"},
                           Written{"包河区财政局负责", "合肥市包河区财政局"}}) {
    INFO(w.text);
    auto hits = Shipped().Match(w.text);
    REQUIRE_FALSE(hits.empty());
    REQUIRE(hits[0].region != Lexicon::kNoRegion);
    CHECK(Shipped().NameFor(hits[0].entry, hits[0].region) == w.name);
  }
  // ...but not from an ambiguous form: 将会同县发展和改革委员会 is 会同 + 县发展和改革委员会.
  for (const auto& h : Shipped().Match("将会同县发展和改革委员会")) CHECK(h.region == Lexicon::kNoRegion);
  // A province's body from a city-level template: 省投资促进局 in 四川.
  auto province = Shipped().Match("省投资促进局");
  REQUIRE(province.size() == 1);
  CHECK(Shipped().ComposeName(province[0].entry, "四川", "省") == "四川省投资促进局");
  auto centre = Shipped().Match("区投资促进中心");
  REQUIRE(centre.size() == 1);
  CHECK(Shipped().ComposeName(centre[0].entry, "包河区", "区") == "合肥市包河区投资促进中心");
}

TEST_CASE("CanonicalForm folds the variants that name one item", "[ingest][canonical]") {
  struct Case {
    std::string type, name, region, form;
  };
  const Case cases[] = {
      {"Initiative", "上海市智能工厂领航计划", "上海", "智能工厂领航计划"},
      {"Initiative", "智能工厂领航计划", "上海", "智能工厂领航计划"},
      {"Initiative", "AI+制造行动计划", "", "ai+制造行动"},
      {"Initiative", "“AI+制造”行动", "", "ai+制造行动"},
      {"Fund", "产业转型升级二期基金", "", "产业转型升级二期基金"},
      {"Fund", "产业转型升级一期基金", "", "产业转型升级一期基金"},  // phases stay distinct
      {"Fund", "某某产业投资基金", "", "某某产业基金"},
      {"Agency", "工信部", "", "工业和信息化部"},
      {"Region", "上海市", "", "上海"},
      {"Industry", "產業", "", "产业"},
  };
  for (const auto& c : cases) {
    INFO(c.type << " " << c.name);
    CHECK(CanonicalForm(c.type, c.name, c.region, &Shipped()) == c.form);
  }
  CHECK(DocumentKey("abc") == DocumentKey("abc"));
  CHECK(DocumentKey("abc") != DocumentKey("abd"));
  CHECK(DocumentKey("").rfind("doc:", 0) == 0);
  CHECK(DocumentKey("x").size() == 20);
}

// Template instances are composed at match time from a region form and the
// template's tail (lexicon.h); the answers must be those of matching every
// instantiated string: spans, prefixes, the first-listed instance of a shared
// string, a listed agency over an instance, ambiguous strings never alone.
TEST_CASE("Template instances match as if each were listed", "[ingest][lexicon]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "pkg_lexicon_templates_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const char* name, const char* text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("regions.tsv",
        "Region\t南京\t南京市\t\tcity\t\t\n"
        "Region\t福州\t福州市\t\tcity\t\t\n"
        "Region\t鼓楼区\t\t\tdistrict\t南京\t\n"
        "Region\t鼓楼区\t\t\tdistrict\t福州\t\n"
        "Region\t江苏\t江苏省\t\tprovince\t\t\n");
  write("agency_templates.tsv",
        "Agency\t{R}财政局\t{S}财政局|{L}财政局\t{E} Finance Bureau\tcity|district\n"
        "Agency\t中共{R}委员会\t{S}市委\tCPC {E} Committee\tcity\n"
        "Agency\t{R}科学技术厅\t{S}科技厅\t{E} Department of Science and Technology\tprovince\n");
  write("agencies.tsv", "Agency\t南京市财政局\t\tNanjing Finance Bureau (listed)\tcity\t\t\n");
  write("ambiguous.tsv", "福州财政局\n");
  auto r = Lexicon::LoadDir(dir.string());
  REQUIRE(r.ok());
  const Lexicon& lex = **r;
  auto only = [&](const std::string& text) {
    auto hits = lex.Match(text);
    REQUIRE(hits.size() == 1);
    return hits[0];
  };
  auto entry = [&](const Lexicon::Hit& h) -> const LexEntry& { return lex.entries()[h.entry]; };

  // A listed agency wins over the instance of the same string.
  CHECK(entry(only("南京市财政局")).name_en == "Nanjing Finance Bureau (listed)");
  // The {S} form of an instance, and the longest match over the region alone.
  auto h = only("福州市财政局");
  CHECK(entry(h).name == "福州市财政局");
  CHECK(entry(h).region == "福州");
  CHECK(h.begin == 0);
  CHECK(h.end == std::string("福州市财政局").size());
  // Two districts named 鼓楼区: the first listed one's instance.
  CHECK(entry(only("鼓楼区财政局")).region == "鼓楼区");
  CHECK(entry(only("鼓楼区财政局")).level == "district");
  // Text before the placeholder; a level the template does not list gives nothing.
  CHECK(entry(only("中共南京市委员会")).name == "中共南京市委员会");
  CHECK(entry(only("中共南京市委员会")).name_en == "CPC Nanjing Committee");
  CHECK(entry(only("江苏科技厅")).name == "江苏省科学技术厅");
  auto province_only = lex.Match("江苏财政局");
  REQUIRE(province_only.size() == 1);  // the region; no 江苏 finance bureau instance (city|district)
  CHECK(entry(province_only[0]).type == "Region");
  // An ambiguous string is not matched as an instance; its region still is.
  auto amb = lex.Match("福州财政局");
  REQUIRE(amb.size() == 1);
  CHECK(entry(amb[0]).type == "Region");
  // Bare forms keep their level word for Resolve.
  auto bare = only("市财政局");
  CHECK(bare.bare_level == "市");
  int inst = lex.Resolve(bare.entry, "南京", "市");
  REQUIRE(inst >= 0);
  CHECK(lex.entries()[inst].name == "南京市财政局");
  fs::remove_all(dir);
}

// regions.tsv carries each region's pinyin (column 8) so that loading the
// lexicon does not run ICU's Han-Latin over 3,000 names; the column must say
// what the loader would compute: ICU after the place readings of
// place_readings.tsv (data/lexicon/add_region_pinyin.py writes it).
TEST_CASE("The regions' stored pinyin is what the loader computes", "[ingest][lexicon]") {
  namespace fs = std::filesystem;
  std::ifstream in(std::string(PKG_TEST_DIR) + "/../data/lexicon/regions.tsv", std::ios::binary);
  REQUIRE(in);
  std::string with, without, line;
  int row = 0, sampled = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || row++ % 40 != 0) continue;
    size_t cut = 0;
    for (int k = 0; k < 7 && cut != std::string::npos; ++k) cut = line.find('\t', cut == 0 && k == 0 ? 0 : cut + 1);
    if (cut == std::string::npos || cut + 1 >= line.size()) continue;  // no pinyin (national, regional, English name)
    with += line + "\n";
    without += line.substr(0, cut) + "\n";
    ++sampled;
  }
  REQUIRE(sampled > 50);
  auto load = [&](const char* name, const std::string& regions) {
    fs::path dir = fs::temp_directory_path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "regions.tsv", std::ios::binary) << regions;
    fs::copy_file(std::string(PKG_TEST_DIR) + "/../data/lexicon/place_readings.tsv", dir / "place_readings.tsv");
    std::ofstream(dir / "agency_templates.tsv", std::ios::binary)
        << "Agency\t{R}财政局\t\t{E} Finance Bureau\tprovince|city|district\n";
    auto r = Lexicon::LoadDir(dir.string());
    REQUIRE(r.ok());
    fs::remove_all(dir);
    return *r;
  };
  auto stored = load("pkg_pinyin_stored", with), computed = load("pkg_pinyin_computed", without);
  REQUIRE(stored->entries().size() == computed->entries().size());
  int agencies = 0;
  for (size_t i = 0; i < stored->entries().size(); ++i) {
    const LexEntry& a = stored->entries()[i];
    if (a.type != "Agency" || a.region.empty()) continue;
    INFO(a.name);
    CHECK(a.name_en == computed->entries()[i].name_en);
    ++agencies;
  }
  CHECK(agencies == sampled);
}

TEST_CASE("Agency English names use the places' own romanisation", "[ingest][lexicon]") {
  auto r = Lexicon::LoadDir(std::string(PKG_TEST_DIR) + "/../data/lexicon");
  REQUIRE(r.ok());
  const Lexicon& lex = **r;
  // ICU's common readings would give Chengdou, Zhangsha, Shamen, Xicang.
  for (const auto& [zh, en] : std::vector<std::pair<std::string, std::string>>{
           {"成都市财政局", "Chengdu"}, {"长沙市财政局", "Changsha"}, {"厦门市财政局", "Xiamen"}}) {
    const int e = lex.Find("Agency", zh);
    INFO(zh);
    REQUIRE(e >= 0);
    CHECK(lex.entries()[e].name_en.rfind(en, 0) == 0);
  }
}

TEST_CASE("English names and abbreviations match as whole words, and only when they name one entry",
          "[ingest][lexicon]") {
  auto first = [](const std::string& text) -> std::string {
    auto hits = Shipped().Match(text);
    if (hits.empty()) return "";
    return Shipped().entries()[hits.front().entry].name;
  };
  CHECK(first("The Ministry of Industry and Information Technology said") == "工业和信息化部");
  CHECK(first("guidance from MIIT on Tuesday") == "工业和信息化部");
  CHECK(first("will invest in integrated circuits and") == "集成电路");
  CHECK(first("Integrated Circuits") == "集成电路");      // a headline's capitals
  CHECK(first("Integrated circuits lead") == "集成电路");  // a sentence start
  CHECK(first("SHANGHAI, June 10 - Shanghai steps up") == "上海");
  // Not inside a longer Latin word.
  CHECK(first("MIITs") == "");
  CHECK(first("Shanghainese cuisine") == "");
  CHECK(first("a Chinatown shop") == "");
  // Nor inside a web or mail address; a sentence's full stop is no address.
  CHECK(first("see www.shanghai.gov.cn for") == "");
  CHECK(first("详见MIIT.gov.cn") == "");
  CHECK(first("https://china.example/x") == "");
  CHECK(first("He visited Shanghai.") == "上海");
  // Pinyin names of two places name neither: 苏州 and 宿州 are both Suzhou.
  CHECK(first("Suzhou industrial park") == "");
  CHECK(first("Hangzhou and Ningbo") == "杭州");  // while a city's own romanisation names it
  // Beside Chinese characters a Latin name is a word too.
  CHECK(first("中共中央Shanghai") == "党中央");  // 中共中央 is an alias of 党中央
  CHECK(Shipped().Match("中共中央Shanghai").size() == 2);
}
