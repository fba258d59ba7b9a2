// Tests store/workspace_store.h: documents with de-duplication, curated links,
// merges and splits, the audit log, reopening (durability across handles) and
// schema versioning.
#include "store/workspace_store.h"

#include <catch2/catch.hpp>

#include "store/sha256.h"
#include "store/sqlite_db.h"
#include "tests/store/test_dir.h"

namespace pkg {
namespace {

const WriteContext kCtx{"tester", "because", "127.0.0.1:5000"};

std::unique_ptr<WorkspaceStore> OpenOrDie(const std::string& path) {
  auto r = WorkspaceStore::Open(path);
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("documents are stored once per content hash", "[store]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.file("ws.db"));
  struct Case {
    const char* name;
    std::string bytes;
    bool duplicate;
  };
  const Case cases[] = {
      {"a.txt", "关于推动先导产业发展的通知", false},
      {"b.txt", "另一份文件", false},
      {"a-copy.txt", "关于推动先导产业发展的通知", true},  // same bytes, other name
      {"empty.txt", "", false},
      {"empty2.txt", "", true},
      {"binary.bin", std::string("\0\xff\xfe", 3), false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto r = store->AddDocument(c.name, c.bytes, "", kCtx);
    REQUIRE(r.ok());
    CHECK(r->duplicate == c.duplicate);
    CHECK(r->doc.content_hash == Sha256Hex(c.bytes));
    CHECK(r->doc.key == "doc:" + Sha256Hex(c.bytes).substr(0, 16));
  }
  auto all = store->ListDocuments(true);
  REQUIRE(all.ok());
  REQUIRE(all->size() == 4);
  CHECK((*all)[0].name == "a.txt");
  CHECK((*all)[0].metadata == "{}");
  CHECK((*all)[3].bytes == std::string("\0\xff\xfe", 3));
  CHECK((*all)[3].size == 3);

  auto one = store->GetDocument((*all)[1].key);
  REQUIRE(one.ok());
  CHECK(one->bytes == "另一份文件");
  auto missing = store->GetDocument("doc:nope");
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("links are added, deleted once, and survive reopening", "[store]") {
  testing::TempDir dir;
  int64_t id1 = 0, id2 = 0;
  {
    auto store = OpenOrDie(dir.file("ws.db"));
    auto a = store->AddLink("fund:甲", "industry:乙", "FUNDS", kCtx);
    auto b = store->AddLink("initiative:丙", "goal:丁", "SUPPORTS", {"u", "", ""});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    id1 = a->id;
    id2 = b->id;
    CHECK(id2 > id1);
    CHECK(store->DeleteLink(id1, kCtx).ok());
    struct Case {
      int64_t id;
      StatusCode code;
    };
    const Case cases[] = {{id1, StatusCode::kAlreadyExists}, {999, StatusCode::kNotFound}};
    for (const Case& c : cases) CHECK(store->DeleteLink(c.id, kCtx).code() == c.code);
  }
  auto store = OpenOrDie(dir.file("ws.db"));
  auto cur = store->LoadCuration();
  REQUIRE(cur.ok());
  REQUIRE(cur->links.size() == 2);
  CHECK(cur->links[0].id == id1);
  CHECK(cur->links[0].deleted);
  CHECK(cur->links[0].reason == "because");
  CHECK(cur->links[1].from == "initiative:丙");
  CHECK(cur->links[1].type == "SUPPORTS");
  CHECK_FALSE(cur->links[1].deleted);
}

TEST_CASE("merges and splits keep stable keys and share one id sequence", "[store]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.file("ws.db"));
  MergeDecision m;
  m.keep = "fund:先导产业母基金";
  m.keep_type = "Fund";
  m.keep_name = "先导产业母基金";
  m.merged = {"fund:三大先导产业母基金", "fund:母基金"};
  m.merged_names = {"三大先导产业母基金", "母基金"};
  auto m1 = store->AddMerge(m, kCtx);
  REQUIRE(m1.ok());
  MergeDecision m2d = m;
  m2d.keep = "goal:新型工业化";
  m2d.merged = {"goal:新型工业化建设"};
  m2d.merged_names = {"新型工业化建设"};
  auto m2 = store->AddMerge(m2d, kCtx);
  REQUIRE(m2.ok());

  auto s1 = store->SplitMerge(m1->id, kCtx);
  REQUIRE(s1.ok());
  CHECK(s1->id > m2->id);  // one sequence for merges and splits
  CHECK(s1->merge_id == m1->id);

  struct Case {
    const char* what;
    Status status;
  };
  const Case cases[] = {
      {"split again", store->SplitMerge(m1->id, kCtx).status()},
      {"unknown merge", store->SplitMerge(12345, kCtx).status()},
      {"a split id is not a merge", store->SplitMerge(s1->id, kCtx).status()},
      {"node of an undone merge", store->SplitNode("fund:母基金", kCtx).status()},
  };
  CHECK(cases[0].status.code() == StatusCode::kAlreadyExists);
  CHECK(cases[1].status.code() == StatusCode::kNotFound);
  CHECK(cases[2].status.code() == StatusCode::kNotFound);
  CHECK(cases[3].status.code() == StatusCode::kNotFound);

  auto s2 = store->SplitNode("goal:新型工业化建设", kCtx);
  REQUIRE(s2.ok());
  CHECK(s2->merge_id == m2->id);
  CHECK(s2->node == "goal:新型工业化建设");

  auto cur = store->LoadCuration();
  REQUIRE(cur.ok());
  REQUIRE(cur->merges.size() == 2);
  CHECK(cur->merges[0].merged == m.merged);
  CHECK(cur->merges[0].merged_names == m.merged_names);
  CHECK(cur->merges[0].keep_type == "Fund");
  CHECK(cur->merges[0].split_by == s1->id);
  CHECK(cur->merges[1].split_by == s2->id);
  CHECK(cur->splits.size() == 2);
}

TEST_CASE("splits of linker merges keep their pairs; the change sequence counts writes", "[store]") {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.file("ws.db"));
    CHECK(*store->ChangeSequence() == 0);
    SplitDecision d;
    d.node = "Fund:上海市先导产业母基金";
    d.node_type = "Fund";
    d.apart = {{"Fund:上海市先导产业母基金", "fund:先导产业母基金"}};
    auto s = store->SplitLinked(d, kCtx);
    REQUIRE(s.ok());
    CHECK(s->merge_id == 0);
    CHECK(s->reason == kCtx.why);
    CHECK(*store->ChangeSequence() == 1);
    REQUIRE(store->AddLink("a", "b", "RELATED_TO", kCtx).ok());
    CHECK(*store->ChangeSequence() == 2);
  }
  auto store = OpenOrDie(dir.file("ws.db"));
  auto cur = store->LoadCuration();
  REQUIRE(cur.ok());
  REQUIRE(cur->splits.size() == 1);
  CHECK(cur->splits[0].merge_id == 0);
  CHECK(cur->splits[0].node_type == "Fund");
  REQUIRE(cur->splits[0].apart.size() == 1);
  CHECK(cur->splits[0].apart[0].second == "fund:先导产业母基金");
  CHECK(*store->ChangeSequence() == 2);
}

TEST_CASE("every write leaves one audit entry with who, why and where", "[store]") {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.file("ws.db"));
  REQUIRE(store->AddDocument("a.txt", "文本", "{\"source\":\"upload\"}", kCtx).ok());
  REQUIRE(store->AddDocument("a.txt", "文本", "", kCtx).ok());  // duplicate: no entry
  auto link = store->AddLink("a", "b", "RELATED_TO", kCtx);
  REQUIRE(link.ok());
  REQUIRE(store->DeleteLink(link->id, kCtx).ok());
  auto audit = store->ListAudit(10);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 3);
  const char* actions[] = {"link.delete", "link.add", "document.add"};  // newest first
  for (size_t i = 0; i < 3; ++i) {
    CHECK((*audit)[i].action == actions[i]);
    CHECK((*audit)[i].who == "tester");
    CHECK((*audit)[i].why == "because");
    CHECK((*audit)[i].remote == "127.0.0.1:5000");
  }
  CHECK((*audit)[2].payload.find("\"name\":\"a.txt\"") != std::string::npos);
}

TEST_CASE("a store written by a newer schema version is refused", "[store]") {
  testing::TempDir dir;
  std::string path = dir.file("ws.db");
  { OpenOrDie(path); }
  {
    SqliteDb db;
    REQUIRE(db.Open(path).ok());
    REQUIRE(db.SetUserVersion(WorkspaceStore::kSchemaVersion + 1).ok());
  }
  auto r = WorkspaceStore::Open(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kFailedPrecondition);
  CHECK(r.status().message().find("newer") != std::string::npos);
}

TEST_CASE("opening something that is not a database fails with a message", "[store]") {
  testing::TempDir dir;
  struct Case {
    std::string path;
    const char* why;
  };
  std::string junk = dir.file("junk.db");
  {
    FILE* f = std::fopen(junk.c_str(), "wb");
    REQUIRE(f);
    std::fputs("this is not an SQLite file, just some text that is long enough to be read", f);
    std::fclose(f);
  }
  const Case cases[] = {
      {dir.file("no/such/dir/ws.db"), "missing directory"},
      {junk, "not a database"},
  };
  for (const Case& c : cases) {
    INFO(c.why);
    auto r = WorkspaceStore::Open(c.path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find(c.path) != std::string::npos);
  }
}

}  // namespace
}  // namespace pkg
