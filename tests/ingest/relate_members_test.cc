// PART_OF from phrases (ingest/relate_members.cc) and the counted groups they
// attach to (ingest/recognize_lists.cc, ingest/recognize_short_names.cc),
// end to end on short texts: one row a pattern.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;
using pkg::testing::EdgeCase;
using pkg::testing::Extract;
using pkg::testing::HasNode;

TEST_CASE("Counted groups collect their listed sectors", "[ingest][relate]") {
  CheckEdges({
      // The group followed by its clause's verb, the last (known) member right before the count.
      {"某县新闻\n\n聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n", "PART_OF", "新能源电池", "三大主导产业"},
      {"某县新闻\n\n聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n", "PART_OF", "纺织", "三大主导产业"},
      {"某县新闻\n\n培育集成电路、生物医药、人工智能三大先导产业,建设产业园。\n", "PART_OF", "人工智能", "三大先导产业"},
  });
  SECTION("a count and a bare scope word (六大领域) names no group; the members stay") {
    auto st = Extract("某市方案\n\n在未来信息、未来健康、未来制造六大领域培育细分产业。\n");
    CHECK_FALSE(HasNode(st, "Industry", "六大领域"));
    CHECK(HasNode(st, "Industry", "未来信息"));
  }
  SECTION("the group's name without its count, elsewhere in the text, is the group") {
    auto st = Extract("某县新闻\n\n基金重点投向新能源电池、纺织服装等主导产业。聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n");
    CHECK(HasNode(st, "Industry", "三大主导产业"));
    CHECK_FALSE(HasNode(st, "Industry", "主导产业"));
  }
}
